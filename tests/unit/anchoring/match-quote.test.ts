import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../common/anchoring/describe-range.ts';
import { anchor, fuzzyErrorBudget } from '../../../common/anchoring/match-quote.ts';

const ARTICLE = [
  'ISTANBUL (Reuters) - Turkey’s central bank held its main interest rate steady on Thursday, defying calls from the president for cuts.',
  'The bank said inflation remained well above its target and that it would keep policy tight for as long as needed.',
  'Economists had expected the decision, which came after a week of sharp swings in the lira against the dollar.',
  'Officials said the investigation was continuing. Shares in the country’s largest lenders fell after the announcement.',
].join('\n\n');

function selectorsFor(text: string, passage: string, from = 0) {
  const start = text.indexOf(passage, from);
  if (start < 0) throw new Error(`test setup: "${passage}" not in text`);
  return describeRange(text, start, start + passage.length);
}

describe('anchor', () => {
  it('uses the recorded position when the text there is still the quote', () => {
    const selectors = selectorsFor(ARTICLE, 'keep policy tight');
    const { start, end } = selectors.position;
    expect(anchor(ARTICLE, selectors)).toEqual({ start, end, method: 'position' });
  });

  it('finds the quote verbatim when the position is stale', () => {
    const selectors = selectorsFor(ARTICLE, 'keep policy tight');
    const edited = 'UPDATED: adds analyst comment.\n\n' + ARTICLE;
    const result = anchor(edited, selectors);
    expect(result?.method).toBe('exact');
    expect(result && edited.slice(result.start, result.end)).toBe('keep policy tight');
    expect(result?.start).toBe(
      selectors.position.start + 'UPDATED: adds analyst comment.\n\n'.length,
    );
  });

  it('picks the occurrence of a repeated quote whose prefix and suffix match', () => {
    const text =
      'The minister said the talks would resume on Monday in Geneva. ' +
      'Filler sentence about the weather and the markets today. ' +
      'The rebels said the talks would resume on Monday only if troops withdrew.';
    const second = text.lastIndexOf('the talks would resume on Monday');
    const selectors = describeRange(
      text,
      second,
      second + 'the talks would resume on Monday'.length,
    );
    // Shift everything, and leave a hint that is nearer the first occurrence than the second.
    const edited = 'Breaking. ' + text;
    const result = anchor(edited, {
      ...selectors,
      position: { type: 'TextPositionSelector', start: 20, end: 52 },
    });
    expect(result?.method).toBe('exact');
    expect(result?.start).toBe(second + 'Breaking. '.length);
  });

  it('prefers the occurrence nearest the old position when the contexts are equally good', () => {
    const sentence = 'Prices rose again. ';
    const text = sentence.repeat(6);
    const target = sentence.length * 4;
    const selectors = describeRange(text, target, target + 'Prices rose'.length);
    const edited = 'X' + text; // every occurrence shifts by one; contexts stay identical
    const result = anchor(edited, selectors);
    expect(result).toEqual({
      start: target + 1,
      end: target + 1 + 'Prices rose'.length,
      method: 'exact',
    });
  });

  it('finds the right one among very many occurrences of a short quote', () => {
    const filler = 'Rates rose and the bank said the outlook was the same. ';
    const text = filler.repeat(40) + 'Only here did the governor resign. ' + filler.repeat(40);
    const target = text.indexOf('did the governor') + 'did '.length;
    const selectors = describeRange(text, target, target + 'the'.length);
    const edited = 'Correction appended. ' + text;
    expect(edited.split('the').length - 1).toBeGreaterThan(200);
    const result = anchor(edited, selectors);
    expect(result).toEqual({
      start: target + 'Correction appended. '.length,
      end: target + 'Correction appended. '.length + 3,
      method: 'exact',
    });
  });

  it('finds the passage fuzzily after small edits inside the quote', () => {
    const passage = 'held its main interest rate steady on Thursday';
    const selectors = selectorsFor(ARTICLE, passage);
    const edited = ARTICLE.replace(passage, 'kept its main interest rate unchanged on Thursday');
    const result = anchor(edited, selectors);
    expect(result?.method).toBe('fuzzy');
    const found = result ? edited.slice(result.start, result.end) : '';
    expect(found).toContain('its main interest rate unchanged on Thursday');
    expect(Math.abs((result?.start ?? 0) - edited.indexOf('kept its main'))).toBeLessThanOrEqual(4);
  });

  it('returns null rather than a wrong place when the passage was deleted', () => {
    const passage = 'Economists had expected the decision, which came after a week of sharp swings';
    const selectors = selectorsFor(ARTICLE, passage);
    const edited = ARTICLE.replace(
      /Economists had expected[^\n]*/,
      'Analysts were surprised by the vote.',
    );
    expect(anchor(edited, selectors)).toBeNull();
  });

  it('does not place a short quote at an unrelated verbatim occurrence', () => {
    // "the bank" survives elsewhere, but the sentence it was highlighted in is gone.
    const selectors = selectorsFor(ARTICLE, 'The bank said');
    const edited =
      ARTICLE.replace(/The bank said[^\n]*\n\n/, '') +
      '\n\nLater, the bank said nothing more about rates.';
    expect(anchor(edited, selectors)).toBeNull();

    // And verbatim: "the lira" now appears only in a new, unrelated sentence.
    const lira = selectorsFor(ARTICLE, 'the lira');
    const rewritten = ARTICLE.replace(
      /Economists had expected[^\n]*/,
      'Traders watched the lira closely.',
    );
    expect(rewritten).toContain('the lira');
    expect(anchor(rewritten, lira)).toBeNull();
  });

  it('anchors long quotes, beyond one 32-bit block, after edits', () => {
    const long = ARTICLE.slice(ARTICLE.indexOf('The bank said'), ARTICLE.indexOf('Shares in'));
    expect(long.length).toBeGreaterThan(200);
    const selectors = selectorsFor(ARTICLE, long);
    const edited = ('Intro paragraph.\n\n' + ARTICLE)
      .replace('well above its target', 'far above the target')
      .replace('sharp swings', 'wild swings');
    const result = anchor(edited, selectors);
    expect(result?.method).toBe('fuzzy');
    expect(result?.start).toBe(edited.indexOf('The bank said'));
    expect(Math.abs((result?.end ?? 0) - edited.indexOf('Shares in'))).toBeLessThanOrEqual(2);
  });

  it('returns null for an empty quote and for a quote too short to search fuzzily', () => {
    expect(
      anchor(ARTICLE, { quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' } }),
    ).toBeNull();
    expect(fuzzyErrorBudget(3)).toBe(0);
    expect(
      anchor(ARTICLE, {
        quote: { type: 'TextQuoteSelector', exact: 'qzx', prefix: '', suffix: '' },
      }),
    ).toBeNull();
  });

  it('searches the whole text fuzzily without a position, and only the given scope when one is passed', () => {
    const passage = 'defying calls from the president for cuts';
    const selectors = selectorsFor(ARTICLE, passage);
    const edited = ARTICLE.replace(passage, 'defying calls by the president for cuts');
    const at = edited.indexOf('defying calls by');
    expect(anchor(edited, { quote: selectors.quote })?.start).toBe(at);
    const elsewhere = { start: at + 200, end: edited.length };
    expect(anchor(edited, { quote: selectors.quote }, { fuzzyScope: [elsewhere] })).toBeNull();
    const around = { start: at - 10, end: at + 60 };
    expect(
      anchor(edited, { quote: selectors.quote }, { fuzzyScope: [{ start: 0, end: 5 }, around] })
        ?.start,
    ).toBe(at);
  });
});
