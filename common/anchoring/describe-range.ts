import type { TextPositionSelector, TextQuoteSelector } from '../model/highlight.ts';
import { splitsSurrogatePair } from './code-points.ts';

/** How much context, in UTF-16 code units, a quote selector keeps on each side. */
export const CONTEXT_LENGTH = 32;

/** Both selectors for one range of a text. */
export interface RangeDescription {
  position: TextPositionSelector;
  quote: TextQuoteSelector;
}

/**
 * Describes the half-open range [start, end) of `text` with a position selector and a quote
 * selector whose prefix and suffix hold up to {@link CONTEXT_LENGTH} code units each.
 *
 * The context is clipped at the text's ends and shortened by one code unit rather than cut
 * through a surrogate pair, so prefix and suffix are always well-formed strings.
 *
 * @throws RangeError when start/end are not integers with 0 <= start <= end <= text.length.
 */
export function describeRange(text: string, start: number, end: number): RangeDescription {
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end < start ||
    end > text.length
  ) {
    throw new RangeError(
      `describeRange: [${start}, ${end}) is not a range of a text of length ${text.length}`,
    );
  }

  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;

  return {
    position: { type: 'TextPositionSelector', start, end },
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
  };
}
