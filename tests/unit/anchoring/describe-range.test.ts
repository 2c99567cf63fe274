import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, describeRange } from '../../../common/anchoring/describe-range.ts';

describe('describeRange', () => {
  const text = 'A'.repeat(50) + 'the highlighted words' + 'B'.repeat(50);
  const start = 50;
  const end = 50 + 'the highlighted words'.length;

  it('records the position, the quote and 32 code units of context on each side', () => {
    const { position, quote } = describeRange(text, start, end);
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
    expect(quote.type).toBe('TextQuoteSelector');
    expect(quote.exact).toBe('the highlighted words');
    expect(quote.prefix).toBe('A'.repeat(CONTEXT_LENGTH));
    expect(quote.suffix).toBe('B'.repeat(CONTEXT_LENGTH));
  });

  it('clips the context at the ends of the text', () => {
    const short = 'Short text here.';
    const { quote } = describeRange(short, 2, 7);
    expect(quote.prefix).toBe('Sh');
    expect(quote.exact).toBe('ort t');
    expect(quote.suffix).toBe('ext here.');
    expect(describeRange(short, 0, short.length).quote).toMatchObject({
      prefix: '',
      suffix: '',
      exact: short,
    });
  });

  it('does not split a surrogate pair at the edge of the prefix or suffix', () => {
    // The emoji (two code units) straddles the 32-unit boundary on both sides.
    const before = '😀' + 'x'.repeat(31);
    const after = 'y'.repeat(31) + '😀' + 'tail';
    const sample = 'lead' + before + 'QUOTE' + after;
    const quoteStart = ('lead' + before).length;
    const { quote } = describeRange(sample, quoteStart, quoteStart + 5);
    expect(quote.prefix).toBe('x'.repeat(31));
    expect(quote.suffix).toBe('y'.repeat(31));
    // When the pair fits entirely, it is kept.
    const fits = describeRange('ab😀' + 'x'.repeat(30) + 'Q', 34, 35).quote.prefix;
    expect(fits).toBe('😀' + 'x'.repeat(30));
  });

  it('rejects offsets that are not a range of the text', () => {
    expect(() => describeRange(text, 5, 4)).toThrow(RangeError);
    expect(() => describeRange(text, -1, 4)).toThrow(RangeError);
    expect(() => describeRange(text, 0, text.length + 1)).toThrow(/not a range/);
    expect(() => describeRange(text, 0.5, 4)).toThrow(RangeError);
  });
});
