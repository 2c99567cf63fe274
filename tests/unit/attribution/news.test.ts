/**
 * The real-news corpus: published articles from wires and newspapers, labelled by the shared
 * conventions before the engine was run on them (tests/fixtures/attribution/news/README.md
 * gives the protocol and the score of each batch when it was first measured).
 *
 * ATTRIBUTION_BATCH=3 scores only that batch; ATTRIBUTION_MISSES=1 prints every miss.
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

const DIR = new URL('../../fixtures/attribution/news/', import.meta.url);

interface NewsExpected extends Expected {
  source: { url: string; outlet: string; batch: number };
}

interface Article {
  name: string;
  text: string;
  expected: NewsExpected;
}

const all: Article[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .sort()
  .map((f) => {
    const name = f.replace(/\.expected\.json$/, '');
    return {
      name,
      text: readFileSync(new URL(`${name}.txt`, DIR), 'utf8'),
      expected: JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as NewsExpected,
    };
  });

const only = Number.parseInt(process.env['ATTRIBUTION_BATCH'] ?? '', 10);
const articles = Number.isNaN(only) ? all : all.filter((a) => a.expected.source.batch === only);
const batches = [...new Set(articles.map((a) => a.expected.source.batch))].sort((a, b) => a - b);

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
const rows = (t: Totals): Array<[string, Tally]> => [
  ['direct', t.direct],
  ['indirect', t.indirect],
  ['gaps', t.gaps],
];

describe('real-news corpus fixtures', () => {
  it('records a source URL and outlet for every article and finds every quote in its text', () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((a) => a.expected.source.outlet)).size).toBeGreaterThanOrEqual(8);
    for (const a of all) {
      expect(a.expected.source.url, a.name).toMatch(/^https?:\/\//);
      for (const s of a.expected.statements)
        expect(a.text.includes(s.quote), `${a.name}: ${s.quote}`).toBe(true);
    }
  });
});

describe('real-news corpus', () => {
  const scores = articles.map((a) => ({
    batch: a.expected.source.batch,
    score: score(a.text, a.expected, attribute(a.text), a.name),
  }));
  const total = sum(scores.map((s) => s.score));

  it('attributes real published news with the precision and recall asked of the engine', () => {
    console.log(
      [
        formatTable(`real news: ${articles.length} articles`, rows(total)),
        ...batches.map((b) =>
          formatTable(
            `batch ${b}`,
            rows(sum(scores.filter((s) => s.batch === b).map((s) => s.score))),
          ),
        ),
      ].join('\n\n'),
    );
    if (process.env['ATTRIBUTION_MISSES'])
      console.log(scores.flatMap((s) => s.score.misses).join('\n'));
    // Floors at the level reached so far, so that a change that loses ground fails.
    expect(precision(total.direct)).toBeGreaterThanOrEqual(0.8);
    expect(recall(total.direct)).toBeGreaterThanOrEqual(0.7);
    expect(precision(total.indirect)).toBeGreaterThanOrEqual(0.77);
    expect(recall(total.indirect)).toBeGreaterThanOrEqual(0.6);
  });
});
