/** Deterministic text and numbers for benchmarks, so that every run measures the same work. */
import type { Highlight } from '../../common/model/highlight.ts';

/** A small seeded PRNG (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'The minister',
  'Officials',
  'Maria Alvarez',
  'The council',
  'Residents',
  'Analysts',
  'The company',
  'Police',
  'Dr. Chen',
  'The union',
];
const VERBS = ['said', 'told reporters', 'warned', 'argued', 'noted', 'insisted'];
const CLAUSES = [
  'the plan would cut costs over the next decade',
  'talks had stalled after a week of meetings',
  'the river had risen faster than forecast',
  'more than 40 families were moved to higher ground',
  'prices would stay high through the winter',
  'the vote was expected before the end of the month',
];
const FILLER = [
  'The city has grown quickly since the new line opened, and traffic on the old bridge has doubled.',
  'Construction began in the spring, after a long dispute over the route and the cost of land.',
  'Shops along the main street reported steady trade, though many said rents were rising.',
  'In the hills to the north, farmers began the harvest early because of the dry summer.',
];

/** News-like prose of about `chars` characters, in paragraphs joined by blank lines. */
export function newsText(chars: number, seed = 1): string {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const sentences: string[] = [];
    const count = 2 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      const r = random();
      if (r < 0.3) {
        const clause = pick(CLAUSES);
        sentences.push(`"${clause[0]!.toUpperCase()}${clause.slice(1)}," ${pick(SUBJECTS)} said.`);
      } else if (r < 0.55)
        sentences.push(`${pick(SUBJECTS)} ${pick(VERBS)} that ${pick(CLAUSES)}.`);
      else sentences.push(pick(FILLER));
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

/**
 * One row of `npm run bench`. Every row says how much work it measured (`size`) and what its
 * baseline is (`against`): a real alternative doing the same job, measured whole in the same
 * run. `ratio` is value / baseline.
 */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The work measured, e.g. "5,000 highlights, 1,000,000 chars". */
  size: string;
  baseline: number | null;
  /** What the baseline is, e.g. "anchor() per highlight (position, exact, fuzzy)". */
  against: string;
  ratio: number | null;
}

/**
 * A result row with its figures rounded to `digits` significant digits. The ratio is value /
 * baseline unless the caller measured it itself (as a median of paired samples, say).
 */
export function row(
  fields: Omit<BenchResult, 'ratio'> & { ratio?: number },
  digits = 3,
): BenchResult {
  const fix = (n: number) => Number(n.toPrecision(digits));
  const { value, baseline, ratio } = fields;
  return {
    ...fields,
    value: fix(value),
    baseline: baseline === null ? null : fix(baseline),
    ratio: ratio !== undefined ? fix(ratio) : baseline ? fix(value / baseline) : null,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** What differs between the benches' generated highlights. */
export interface BenchHighlightStyle {
  /** Starts every id, so two suites' highlights never share one. */
  idPrefix: string;
  /** Every how many highlights one carries a note. */
  noteEvery: number;
  /** A tag that the noted ones carry (in the note as `#tag` too), if any. */
  tag?: string;
}

/** The i-th generated highlight of an article: twelve characters at a spread-out place. */
export function benchHighlight(
  articleId: string,
  i: number,
  text: string,
  style: BenchHighlightStyle,
): Highlight {
  const start = (i * 13) % (text.length - 20);
  const noted = i % style.noteEvery === 0;
  return {
    id: `${style.idPrefix}${articleId}x${i}`,
    articleId,
    position: { type: 'TextPositionSelector', start, end: start + 12 },
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, start + 12),
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(start + 12, start + 44),
    },
    color: 'yellow',
    note: noted ? (style.tag ? `note ${i} #${style.tag}` : `note ${i}`) : '',
    tags: noted && style.tag ? [style.tag] : [],
    created: '2026-01-01T00:00:00.000Z',
    updated: '2026-01-01T00:00:00.000Z',
    orphan: false,
    attribution: null,
  };
}
