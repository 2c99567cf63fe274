/** Helpers for keeping UTF-16 offsets on code point boundaries (never inside a surrogate pair). */

/** True for the first code unit of a surrogate pair. */
export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** True for the second code unit of a surrogate pair. */
export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when offset `at` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, at: number): boolean {
  return (
    at > 0 &&
    at < text.length &&
    isLowSurrogate(text.charCodeAt(at)) &&
    isHighSurrogate(text.charCodeAt(at - 1))
  );
}

/**
 * Widens [start, end) by one code unit on a side where it would cut a surrogate pair, so a
 * range found by a search or mapped through a diff never holds half an emoji. Fuzzy matches
 * and character diffs work on code units and can produce such cuts, e.g. when an edit swapped
 * one emoji for another that shares its high surrogate.
 */
export function widenToCodePoints(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  return {
    start: splitsSurrogatePair(text, start) ? start - 1 : start,
    end: splitsSurrogatePair(text, end) ? end + 1 : end,
  };
}
