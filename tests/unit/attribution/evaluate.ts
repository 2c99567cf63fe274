/**
 * Scoring of attribute() output against hand-written expectations: precision and recall of
 * direct quotations, reported speech (each with the right source) and gaps.
 */
import type { Attribution, AttributionResult, Source } from '../../../common/model/attribution.ts';

export interface ExpectedStatement {
  quote: string;
  kind: 'direct' | 'indirect';
  /** Full name of the speaker; null where the text does not name them (stripped). */
  speaker: string | null;
  aliases?: string[];
  role?: string | null;
}

export interface ExpectedGap {
  offset: number;
  removed_guess?: string;
}

export interface Expected {
  statements: ExpectedStatement[];
  gaps: ExpectedGap[];
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  direct: Tally;
  indirect: Tally;
  gaps: Tally;
  /** Human-readable lines about every miss and false positive, for debugging. */
  misses: string[];
}

export function precision(t: Tally): number {
  return t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
}

export function recall(t: Tally): number {
  return t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
}

export function emptyTally(): Tally {
  return { tp: 0, fp: 0, fn: 0 };
}

export function addTally(a: Tally, b: Tally): Tally {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

/** Lower case, straight apostrophes, single spaces, no leading "the". */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Whether the produced source names the expected speaker (or one of its aliases). */
export function speakerMatches(expected: ExpectedStatement, source: Source): boolean {
  if (expected.speaker === null) return source.name === null && source.kind === 'unknown';
  if (source.name === null) return false;
  const got = normalizeName(source.name);
  return [expected.speaker, ...(expected.aliases ?? [])].some((n) => normalizeName(n) === got);
}

/**
 * Whether the produced role agrees with the expected one (either contains the other). The gap
 * mark ("an ‸ and political science") shows where a feed cut words; it is not compared.
 */
export function roleMatches(expected: string, got: string | null): boolean {
  if (got === null) return false;
  const a = normalizeName(expected);
  const b = normalizeName(got.replace(/\s*\u2038\s*/g, ' ')).trim();
  return a.includes(b) || b.includes(a);
}

/** Finds an expected quote in the text; fixtures keep quotes unique. */
export function locate(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  if (start < 0)
    throw new Error(`fixture quote not found in text: ${JSON.stringify(quote.slice(0, 60))}`);
  return { start, end: start + quote.length };
}

/** Overlap of two spans over their union. */
export function overlapRatio(
  a: { start: number; end: number },
  b: { start: number; end: number },
): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union === 0 ? 0 : inter / union;
}

/**
 * A direct quotation's span must be the words in the marks (a stray mark of punctuation is
 * tolerated); a reported clause's boundaries are looser, so half the union must overlap.
 */
export function spansMatch(
  kind: 'direct' | 'indirect',
  a: { start: number; end: number },
  b: { start: number; end: number },
): boolean {
  return overlapRatio(a, b) >= (kind === 'direct' ? 0.9 : 0.5);
}

/** Gap offsets match within one character (a space either side). */
const GAP_TOLERANCE = 1;

function short(s: string): string {
  const flat = s.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > 70 ? flat.slice(0, 67) + '...' : flat);
}

/** Scores one article. */
export function score(
  text: string,
  expected: Expected,
  result: AttributionResult,
  label = '',
): Score {
  const misses: string[] = [];
  const tallies = { direct: emptyTally(), indirect: emptyTally(), gaps: emptyTally() };

  for (const kind of ['direct', 'indirect'] as const) {
    const exp = expected.statements
      .filter((s) => s.kind === kind)
      .map((s) => ({ s, span: locate(text, s.quote) }));
    const got = result.attributions.filter((a) => a.kind === kind);
    const usedGot = new Set<Attribution>();
    for (const { s, span } of exp) {
      let best: Attribution | undefined;
      let bestRatio = 0;
      for (const a of got) {
        if (usedGot.has(a)) continue;
        const r = overlapRatio(span, a);
        if (r > bestRatio && spansMatch(kind, span, a)) {
          best = a;
          bestRatio = r;
        }
      }
      if (best && speakerMatches(s, best.source)) {
        usedGot.add(best);
        tallies[kind].tp++;
      } else if (best) {
        usedGot.add(best);
        tallies[kind].fn++;
        tallies[kind].fp++;
        misses.push(
          `${label} ${kind} WRONG SOURCE ${short(s.quote)}: expected ${s.speaker}, got ${best.source.name} (${best.source.kind})`,
        );
      } else {
        tallies[kind].fn++;
        misses.push(`${label} ${kind} MISSED ${short(s.quote)} (${s.speaker})`);
      }
    }
    for (const a of got) {
      if (usedGot.has(a)) continue;
      tallies[kind].fp++;
      misses.push(
        `${label} ${kind} EXTRA ${short(a.quote)} (${a.source.name}, ${a.source.kind}, cue ${a.cue})`,
      );
    }
  }

  const expGaps = [...expected.gaps].map((g) => g.offset).sort((a, b) => a - b);
  const used = new Set<number>();
  for (const g of result.gaps) {
    const hit = expGaps.findIndex(
      (e, i) => !used.has(i) && Math.abs(e - g.offset) <= GAP_TOLERANCE,
    );
    if (hit >= 0) {
      used.add(hit);
      tallies.gaps.tp++;
    } else {
      tallies.gaps.fp++;
      misses.push(
        `${label} gap EXTRA at ${g.offset}: ${short(text.slice(Math.max(0, g.offset - 25), g.offset) + '^' + text.slice(g.offset, g.offset + 20))}`,
      );
    }
  }
  expGaps.forEach((e, i) => {
    if (used.has(i)) return;
    tallies.gaps.fn++;
    misses.push(
      `${label} gap MISSED at ${e}: ${short(text.slice(Math.max(0, e - 25), e) + '^' + text.slice(e, e + 20))}`,
    );
  });

  return { ...tallies, misses };
}

/** A small fixed-width table of precision and recall per category. */
export function formatTable(title: string, rows: Array<[string, Tally]>): string {
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);
  const lines = [title, 'category      tp    fp    fn  precision  recall'];
  for (const [name, t] of rows) {
    lines.push(
      `${name.padEnd(10)} ${String(t.tp).padStart(5)} ${String(t.fp).padStart(5)} ${String(t.fn).padStart(5)}     ${pct(precision(t))}  ${pct(recall(t))}`,
    );
  }
  return lines.join('\n');
}
