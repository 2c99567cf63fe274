/**
 * The attribution corpus: original news-style articles (about half in the syndication-feed
 * format with stripped names) and what a careful reader says about them. Articles 01-08 were
 * the development set, 09-16 a check set looked at only after tuning on the first (and then
 * tuned on too), 17-19 a fresh set written afterwards to estimate how the engine does on text
 * it was not tuned on; 20-29, 30-34, 35-40, 41-46, 47-52, 53-57 and 58-62 were written the same
 * way, each measured before any
 * change made for it. The targets apply to the whole corpus; the table shows each set.
 *
 * ATTRIBUTION_ARTICLES=20-29 (or "20-29,31") scores only those articles, for measuring a set
 * on its own; the targets are then checked against that subset.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attribute } from '../../../common/attribution/index.ts';
import {
  addTally,
  emptyTally,
  formatTable,
  precision,
  recall,
  score,
  type Expected,
  type Score,
  type Tally,
} from './evaluate.ts';

const DIR = new URL('../../fixtures/attribution/', import.meta.url);
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace(/\.expected\.json$/, ''))
  .sort();

interface Article {
  name: string;
  text: string;
  expected: Expected;
}

/** Article numbers selected by ATTRIBUTION_ARTICLES ("20-29,31"), or null for all. */
function selection(spec: string | undefined): Set<number> | null {
  if (!spec?.trim()) return null;
  const out = new Set<number>();
  for (const part of spec.split(',')) {
    const [a, b] = part.split('-').map((x) => Number.parseInt(x, 10));
    if (a === undefined || Number.isNaN(a)) continue;
    for (let n = a; n <= (b === undefined || Number.isNaN(b) ? a : b); n++) out.add(n);
  }
  return out;
}
const selected = selection(process.env['ATTRIBUTION_ARTICLES']);

const allArticles: Article[] = names.map((name) => ({
  name,
  text: readFileSync(new URL(`${name}.txt`, DIR), 'utf8'),
  expected: JSON.parse(readFileSync(new URL(`${name}.expected.json`, DIR), 'utf8')) as Expected,
}));
const articles = allArticles.filter((a) => !selected || selected.has(Number.parseInt(a.name, 10)));

/** The sets in the order they were written; each was measured before being tuned on. */
const SETS: Array<{ label: string; from: number; to: number }> = [
  { label: 'development set (01-08)', from: 1, to: 8 },
  { label: 'check set (09-16)', from: 9, to: 16 },
  { label: 'fresh set (17-19)', from: 17, to: 19 },
  { label: 'blind set (20-29)', from: 20, to: 29 },
  { label: 'blind set (30-34)', from: 30, to: 34 },
  { label: 'blind set (35-40)', from: 35, to: 40 },
  { label: 'blind set (41-46)', from: 41, to: 46 },
  { label: 'blind set (47-52)', from: 47, to: 52 },
  { label: 'blind set (53-57)', from: 53, to: 57 },
  { label: 'blind set (58-62)', from: 58, to: 62 },
];
const inSet = (name: string, set: { from: number; to: number }): boolean => {
  const n = Number.parseInt(name, 10);
  return n >= set.from && n <= set.to;
};

type Totals = { direct: Tally; indirect: Tally; gaps: Tally };
const sum = (scores: Score[]): Totals =>
  scores.reduce<Totals>(
    (acc, s) => ({
      direct: addTally(acc.direct, s.direct),
      indirect: addTally(acc.indirect, s.indirect),
      gaps: addTally(acc.gaps, s.gaps),
    }),
    { direct: emptyTally(), indirect: emptyTally(), gaps: emptyTally() },
  );

describe('attribution corpus fixtures', () => {
  it('has at least 12 articles of 200-600 words', () => {
    expect(allArticles.length).toBeGreaterThanOrEqual(12);
    for (const a of allArticles) {
      const words = a.text.split(/\s+/).filter(Boolean).length;
      expect(words, a.name).toBeGreaterThanOrEqual(200);
      expect(words, a.name).toBeLessThanOrEqual(600);
    }
  });

  it('quotes each expected statement exactly once and places gaps inside the text', () => {
    for (const a of articles) {
      for (const s of a.expected.statements) {
        const at = a.text.indexOf(s.quote);
        expect(at, `${a.name}: ${s.quote}`).toBeGreaterThanOrEqual(0);
        expect(a.text.indexOf(s.quote, at + 1), `${a.name}: ${s.quote}`).toBe(-1);
      }
      for (const g of a.expected.gaps) {
        expect(g.offset).toBeGreaterThanOrEqual(0);
        expect(g.offset).toBeLessThanOrEqual(a.text.length);
      }
    }
  });
});

describe('attribution corpus', () => {
  const scores = articles.map((a) => ({
    name: a.name,
    score: score(a.text, a.expected, attribute(a.text), a.name),
  }));
  const all = sum(scores.map((s) => s.score));

  it('returns offsets that slice to the quotes', () => {
    for (const a of articles) {
      const r = attribute(a.text);
      for (const at of r.attributions) expect(a.text.slice(at.start, at.end)).toBe(at.quote);
    }
  });

  it('meets the precision and recall targets over the whole corpus', () => {
    const rows = (label: string, t: Totals): Array<[string, Tally]> => [
      [`${label} direct`.trim(), t.direct],
      [`${label} indirect`.trim(), t.indirect],
      [`${label} gaps`.trim(), t.gaps],
    ];
    console.log(
      [
        formatTable(
          `attribution corpus: ${articles.length} articles${selected ? ' (selected)' : ''}`,
          rows('', all),
        ),
        ...SETS.map((set) => ({ set, members: scores.filter((s) => inSet(s.name, set)) }))
          .filter(({ members }) => members.length > 0)
          .map(({ set, members }) =>
            formatTable(set.label, rows('', sum(members.map((m) => m.score)))),
          ),
      ].join('\n\n'),
    );
    const misses = scores.flatMap((s) => s.score.misses);
    if (misses.length) console.log(misses.join('\n'));

    expect(precision(all.direct)).toBeGreaterThanOrEqual(0.95);
    expect(recall(all.direct)).toBeGreaterThanOrEqual(0.9);
    expect(precision(all.indirect)).toBeGreaterThanOrEqual(0.85);
    expect(recall(all.indirect)).toBeGreaterThanOrEqual(0.7);
    expect(precision(all.gaps)).toBeGreaterThanOrEqual(0.8);
    expect(recall(all.gaps)).toBeGreaterThanOrEqual(0.6);
  });
});
