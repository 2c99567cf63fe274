import type { Attribution, Source } from '../model/attribution.ts';

/** One source in an article and the statements attributed to it, in text order. */
export interface SourceGroup {
  key: string;
  source: Source;
  /** Indexes into the article's attributions. */
  statements: number[];
}

/** The key that groups statements by the same source; every unnamed statement stands alone. */
export function sourceKey(source: Source, index: number): string {
  return source.name ? `${source.kind}:${source.name.toLowerCase()}` : `unknown:${index}`;
}

/**
 * Groups an article's attributions by source, in order of each source's first statement. A
 * role given at any statement is kept for the group, since the text names it only once.
 */
export function groupSources(attributions: readonly Attribution[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  attributions.forEach((a, index) => {
    const key = sourceKey(a.source, index);
    const group = groups.get(key);
    if (group) {
      group.statements.push(index);
      if (!group.source.role && a.source.role)
        group.source = { ...group.source, role: a.source.role };
    } else groups.set(key, { key, source: { ...a.source }, statements: [index] });
  });
  return [...groups.values()];
}
