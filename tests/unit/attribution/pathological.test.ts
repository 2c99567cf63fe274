/**
 * A megabyte of degenerate text (a third of a million tiny paragraphs, a million quotation
 * marks, one endless unpunctuated sentence, one paragraph of thousands of quotations) gets a
 * sane answer: no exception, offsets inside the text, quotes that are the text at their
 * offsets, and what a reader would expect of each shape. How long they take is measured in
 * `npm run bench -- --only=attribution`, not here.
 */
import { describe, expect, it } from 'vitest';
import { attribute, type ExplainedResult } from '../../../common/attribution/index.ts';
import { PATHOLOGICAL_TEXTS } from '../../fixtures/attribution/pathological.ts';

const SIZE = 1_000_000;

function texts(): Map<string, string> {
  return new Map(PATHOLOGICAL_TEXTS.map((p) => [p.name, p.make(SIZE)]));
}

/** What holds for any text: offsets inside it, quotes equal to the text there, sorted. */
function expectWellFormed(text: string, result: ExplainedResult): void {
  let previous = -1;
  for (const a of result.attributions) {
    expect(a.start).toBeGreaterThanOrEqual(0);
    expect(a.end).toBeLessThanOrEqual(text.length);
    expect(a.end).toBeGreaterThan(a.start);
    expect(a.start).toBeGreaterThanOrEqual(previous);
    previous = a.start;
    if (a.quote !== text.slice(a.start, a.end)) expect(a.quote).toBe(text.slice(a.start, a.end));
    expect(a.by).toMatch(/^[a-z]+\/[a-z-]+$/);
  }
  for (const g of result.gaps) {
    expect(g.offset).toBeGreaterThanOrEqual(0);
    expect(g.offset).toBeLessThanOrEqual(text.length);
    expect(g.by).toMatch(/^gaps\/[a-z-]+$/);
  }
}

describe('attribution on a megabyte of degenerate text', () => {
  const all = texts();
  const run = (name: string): { text: string; result: ExplainedResult } => {
    const text = all.get(name);
    if (text === undefined) throw new Error(`no pathological text named ${name}`);
    expect(text.length).toBeGreaterThan(SIZE * 0.99);
    const result = attribute(text, { explain: true });
    expectWellFormed(text, result);
    return { text, result };
  };

  it('finds no statement and no gap in a third of a million one-letter paragraphs', () => {
    const { result } = run('blank-lines');
    expect(result.attributions).toEqual([]);
    expect(result.gaps).toEqual([]);
  }, 60_000);

  it('finds nothing quoted in a million opening quotation marks', () => {
    const { result } = run('curly-quotes');
    expect(result.attributions).toEqual([]);
    expect(result.gaps).toEqual([]);
  }, 60_000);

  it('reads an unpunctuated megabyte as one sentence, with its first speaker', () => {
    const { result } = run('no-punctuation');
    expect(result.attributions.length).toBeGreaterThan(0);
    expect(result.attributions[0]?.source.name).toBe('Maria Alvarez');
    // At most the end of the text, cut mid-clause, reads as damaged.
    expect(result.gaps.length).toBeLessThanOrEqual(1);
  }, 60_000);

  it('gives every quotation of one huge paragraph its own direct statement', () => {
    const { text, result } = run('one-paragraph-of-quotes');
    const quotations = text.split('\u201c').length - 1;
    expect(result.attributions).toHaveLength(quotations);
    for (const a of result.attributions) {
      if (a.quote !== 'We will go on,' || a.kind !== 'direct' || a.cue !== 'said')
        expect(a).toMatchObject({ quote: 'We will go on,', kind: 'direct', cue: 'said' });
      // "she" names nobody: the speaker is unknown, never a word of the quotation.
      if (a.source.name !== null) expect(a.source.name).toBeNull();
    }
    expect(result.gaps).toEqual([]);
  }, 60_000);
});
