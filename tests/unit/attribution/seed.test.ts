/**
 * The bundled article (an AP story from a feed that stripped hyperlinked names) against what a
 * careful reader says about it: fixtures copied byte for byte from shared/seed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attribute } from '../../../common/attribution/index.ts';
import {
  formatTable,
  locate,
  precision,
  recall,
  roleMatches,
  score,
  spansMatch,
  speakerMatches,
  type Expected,
  type ExpectedStatement,
} from './evaluate.ts';

const DIR = new URL('../../fixtures/attribution/seed/', import.meta.url);
const NAME = '000_8366b94cf810edf5';
const text = readFileSync(new URL(`${NAME}.txt`, DIR), 'utf8');
const statements =
  (
    JSON.parse(readFileSync(new URL(`${NAME}.attributions.json`, DIR), 'utf8')) as Record<
      string,
      ExpectedStatement[]
    >
  )[`${NAME}.txt`] ?? [];
const gaps =
  (
    JSON.parse(readFileSync(new URL(`${NAME}.gaps.json`, DIR), 'utf8')) as Record<
      string,
      Array<{ offset: number }>
    >
  )[`${NAME}.txt`] ?? [];
const expected: Expected = { statements, gaps };
const result = attribute(text);
const scored = score(text, expected, result, NAME);

describe('the bundled article', () => {
  it('has fixtures to check against', () => {
    expect(statements.length).toBeGreaterThan(10);
    expect(gaps.length).toBeGreaterThan(10);
  });

  it('reports offsets that slice the text to the quote, sorted', () => {
    for (const a of result.attributions) expect(text.slice(a.start, a.end)).toBe(a.quote);
    const starts = result.attributions.map((a) => a.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const offsets = result.gaps.map((g) => g.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });

  for (const exp of statements) {
    it(`finds ${exp.kind} "${exp.quote.slice(0, 48)}..." by ${exp.speaker ?? 'an unnamed speaker'}`, () => {
      const span = locate(text, exp.quote);
      const match = result.attributions.find(
        (a) => a.kind === exp.kind && spansMatch(exp.kind, span, a),
      );
      expect(match, 'statement found with the right kind').toBeDefined();
      if (!match) return;
      expect(
        speakerMatches(exp, match.source),
        `speaker: got ${match.source.name} (${match.source.kind})`,
      ).toBe(true);
      if (exp.speaker === null) expect(match.source.kind).toBe('unknown');
      if (exp.role)
        expect(roleMatches(exp.role, match.source.role), `role: got ${match.source.role}`).toBe(
          true,
        );
    });
  }

  it('marks statements next to stripped words', () => {
    const stein = result.attributions.find((a) => a.quote.startsWith('have an incentive'));
    expect(stein?.nearGap).toBe(true);
    const unicef = result.attributions.find((a) => a.quote.startsWith('more than 130 children'));
    expect(unicef?.nearGap).toBe(false);
  });

  it('meets the precision and recall targets', () => {
    console.log(
      formatTable(`seed ${NAME}`, [
        ['direct', scored.direct],
        ['indirect', scored.indirect],
        ['gaps', scored.gaps],
      ]),
    );
    if (scored.misses.length) console.log(scored.misses.join('\n'));
    expect(precision(scored.direct)).toBeGreaterThanOrEqual(0.95);
    expect(recall(scored.direct)).toBeGreaterThanOrEqual(0.9);
    expect(precision(scored.indirect)).toBeGreaterThanOrEqual(0.85);
    expect(recall(scored.indirect)).toBeGreaterThanOrEqual(0.7);
    expect(precision(scored.gaps)).toBeGreaterThanOrEqual(0.8);
    expect(recall(scored.gaps)).toBeGreaterThanOrEqual(0.6);
  });
});
