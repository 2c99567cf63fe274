/**
 * The general rules of the attribution stages, each on a made-up sentence: what counts as
 * reported speech, how descriptions and pronouns resolve to the person the text named, and
 * that the title list is one list. Every answer names the stage and rule that decided it.
 */
import { describe, expect, it } from 'vitest';
import { attribute, type ExplainedAttribution } from '../../../common/attribution/index.ts';
import {
  HEAD_TITLES,
  NAME_HEADING_TITLES,
  TITLES_ENDING_NAMES,
} from '../../../common/attribution/lexicon.ts';

function statements(text: string): ExplainedAttribution[] {
  return attribute(text, { explain: true }).attributions;
}

function only(text: string, quote: string): ExplainedAttribution {
  const found = statements(text).filter((a) => a.quote === quote);
  if (found.length !== 1)
    throw new Error(
      `expected one statement ${JSON.stringify(quote)}, got ${JSON.stringify(statements(text))}`,
    );
  return found[0]!;
}

describe('what is not reported speech', () => {
  it('does not take "headed by X" as X speaking', () => {
    const text =
      'The inquiry, headed by retired judge Tomas Brandt, will report in March. ' +
      'Officials said the terms were final.';
    const all = statements(text);
    expect(all.map((a) => a.source.name)).toEqual(['Officials']);
    expect(all[0]?.by).toMatch(/^reported\//);
  });

  it('does not take the question after "when asked if" as anything said', () => {
    const text = 'When asked if the factory would close, the owner Lena Marsh declined to comment.';
    expect(statements(text)).toEqual([]);
    const answered =
      'When asked if the factory would close, Lena Marsh said the decision was not hers.';
    expect(statements(answered).map((a) => a.quote)).toEqual(['the decision was not hers']);
  });

  it('does not take a fronted phrase that names a source ("As per ...") as the statement', () => {
    const text =
      'As per the local paper, Judge Ana Ruiz said, "The hearing will resume on Friday."';
    const all = statements(text);
    expect(all.map((a) => a.quote)).toEqual(['The hearing will resume on Friday.']);
    expect(all[0]?.source.name).toBe('Ana Ruiz');
  });
});

describe('cues', () => {
  it('reads a relative clause set off by commas as its antecedent speaking, to the comma', () => {
    const text = 'Nora Blake, who argued that the fees were illegal, won the case on Friday.';
    const a = only(text, 'the fees were illegal');
    expect(a).toMatchObject({ kind: 'indirect', source: { name: 'Nora Blake' } });
    expect(a.by).toBe('reported/relative-clause');
  });

  it('gives a statement quoted under a paragraph that ends in a colon to that subject', () => {
    const text =
      'Ana Ruiz, the mayor, issued the following statement on the flood:\n\n' +
      '\u201cWe will rebuild every home that was lost.\n\n\u201cNobody will be left behind.\u201d';
    for (const quote of [
      'We will rebuild every home that was lost.',
      'Nobody will be left behind.',
    ])
      expect(only(text, quote).source.name).toBe('Ana Ruiz');
    expect(only(text, 'We will rebuild every home that was lost.').by).toBe(
      'direct/colon-after-subject',
    );
  });

  it('finds the subject before an aside set off by dashes', () => {
    for (const dash of ['\u2013', '\u2014']) {
      const text = `Mayor Tim Kerr ${dash} who has led the city since 2019 ${dash} said the budget would be balanced.`;
      expect(only(text, 'the budget would be balanced').source.name).toBe('Tim Kerr');
    }
  });

  it('gives a partial quotation inside a trailing reported clause to its speaker', () => {
    const text =
      'The delay was "deeply regrettable" and the review would take a month, Mayor Dana Cole said.';
    const a = only(text, 'deeply regrettable');
    expect(a).toMatchObject({ kind: 'direct', source: { name: 'Dana Cole' } });
  });
});

describe('descriptions and pronouns resolve to the person named', () => {
  it('resolves "The Minister said" to the minister named before', () => {
    const text =
      'Finance Minister Arjun Mehra met bankers on Monday. ' +
      'The Minister said the rupee would recover by spring.';
    expect(only(text, 'the rupee would recover by spring').source).toMatchObject({
      name: 'Arjun Mehra',
      kind: 'person',
    });
  });

  it('resolves "the President said" after a quotation to the president named before', () => {
    const text = 'President Alma Ruiz spoke in Lima. "We must act now," the President said.';
    expect(only(text, 'We must act now,').source.name).toBe('Alma Ruiz');
  });

  it('leaves "the Minister" unresolved when no minister was named', () => {
    const text = 'Bankers met on Monday. "The rupee will recover," the Minister said.';
    expect(only(text, 'The rupee will recover,').source.name).toBeNull();
  });

  it('resolves "the top court" to the court named before, not to another body', () => {
    const text =
      'The Supreme Court heard the appeal on Monday, a day after the Election Commission ' +
      'filed it. "Take this in the right spirit," the top court said.';
    expect(only(text, 'Take this in the right spirit,').source.name).toMatch(/Supreme Court$/);
  });

  it('gives "she" to the woman and "he" to the man when titles state their gender', () => {
    const she = 'Mrs. Ana Petrov met Mr. Ivan Sokol on Tuesday. "The deal is done," she said.';
    expect(only(she, 'The deal is done,').source.name).toBe('Ana Petrov');
    const he = 'Mrs. Ana Petrov met Mr. Ivan Sokol on Tuesday. "The deal is done," he said.';
    expect(only(he, 'The deal is done,').source.name).toBe('Ivan Sokol');
  });

  it('gives "she" to the woman a family noun marks, skipping the man named after her', () => {
    const text =
      'Maria Lopez and her husband Pedro Lopez run the bakery. Mr. Lopez opened it in 1990. ' +
      '"We never closed," she said.';
    expect(only(text, 'We never closed,').source.name).toBe('Maria Lopez');
  });

  it('reads two titles joined by "and" before one name as that person, with no gap', () => {
    const text = '"We are united," Regional Premier and Council Chair Dan Otto told reporters.';
    const result = attribute(text, { explain: true });
    expect(result.gaps).toEqual([]);
    expect(result.attributions[0]?.source.name).toBe('Dan Otto');
  });
});

describe('the title list', () => {
  it('is one list, with the narrower uses marked as parts of it', () => {
    for (const t of NAME_HEADING_TITLES) expect(HEAD_TITLES.has(t), t).toBe(true);
    for (const t of TITLES_ENDING_NAMES) expect(HEAD_TITLES.has(t), t).toBe(true);
  });
});
