/**
 * The `gloss … --json` shapes that scripts depend on (the README's and the issues' contracts),
 * typed once so that tests read them as a script would and a changed field fails to compile.
 */

export interface ImportedRow {
  id: string;
  title: string;
  file?: string;
  duplicate?: boolean;
  [field: string]: unknown;
}

/** `gloss import … --json` */
export interface ImportJson {
  imported: ImportedRow[];
  errors: { file: string; error: string }[];
}

/** A row of `gloss list --json`. */
export interface ListedArticle {
  id: string;
  title: string;
  [field: string]: unknown;
}

/** `gloss list --json` */
export interface ListJson {
  articles: ListedArticle[];
}

export interface ShownBlock {
  text: string;
  start: number;
  end: number;
  [field: string]: unknown;
}

export interface ShownHighlight {
  id: string;
  start: number;
  end: number;
  exact: string;
  note: string;
  tags: string[];
  orphan: boolean;
  [field: string]: unknown;
}

/** `gloss show ID --json` */
export interface ShowJson {
  article: { id: string; text: string; blocks: ShownBlock[]; [field: string]: unknown };
  highlights: ShownHighlight[];
}

export interface AttributionRow {
  start: number;
  end: number;
  quote: string;
  kind: 'direct' | 'indirect';
  cue: string | null;
  source: { name: string | null; role: string | null; kind: string };
}

/** `gloss attribute FILE|ID --json` */
export interface AttributeJson {
  attributions: AttributionRow[];
  gaps: { offset: number }[];
}

/** `gloss annotations import … --json` */
export interface AnnotationsImportJson {
  imported: number;
  orphans: unknown[];
  errors: unknown[];
}

/** Parses a command's JSON output as the named contract. */
export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
