/**
 * Small edit-distance helpers for scoring anchoring candidates. All work on UTF-16 code
 * units, which is what offsets and selectors count in.
 */

/**
 * Levenshtein distance between `a` and `b`, or `maxErrors + 1` as soon as it is known to
 * exceed `maxErrors`. Only a diagonal band of width 2·maxErrors+1 is computed, so checking a
 * long quote against a slightly edited copy costs O(length · maxErrors), not O(length²).
 */
export function boundedEditDistance(a: string, b: string, maxErrors: number): number {
  const limit = Math.max(0, Math.floor(maxErrors));
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  if (a === b) return 0;

  // A common prefix and suffix never change the distance; stripping them leaves only the
  // edited middle, which is usually tiny when checking a passage against an edited copy.
  let head = 0;
  const shorter = Math.min(a.length, b.length);
  while (head < shorter && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < shorter - head &&
    a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)
  )
    tail++;
  a = a.slice(head, a.length - tail);
  b = b.slice(head, b.length - tail);

  const n = a.length;
  const m = b.length;
  // previous/current hold rows i-1 and i: distances between a[0, i) and b[0, j). Cells are
  // written only inside the band; cells right of it are never written, so they stay `over`.
  let previous = new Int32Array(m + 1).fill(over);
  let current = new Int32Array(m + 1).fill(over);
  for (let j = 0; j <= Math.min(m, limit); j++) previous[j] = j;

  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(m, i + limit);
    // The cell left of the band still holds a value from two rows up; it must read as `over`.
    current[from - 1] = from === 1 && i <= limit ? i : over;
    let rowMin = current[from - 1] ?? over;
    const ac = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const substitute = (previous[j - 1] ?? over) + (ac === b.charCodeAt(j - 1) ? 0 : 1);
      const remove = (previous[j] ?? over) + 1;
      const insert = (current[j - 1] ?? over) + 1;
      let value = substitute < remove ? substitute : remove;
      if (insert < value) value = insert;
      if (value > over) value = over;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return over;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return Math.min(previous[m] ?? over, over);
}

/**
 * The smallest edit distance between `pattern` and any leading part `text[0, j)` of `text`.
 * Lets a context string be compared with the text next to a match even when a few characters
 * were inserted or removed there.
 */
export function leadingEditDistance(pattern: string, text: string): number {
  const m = pattern.length;
  const n = text.length;
  // column[i] = distance between pattern[0, i) and text[0, j) for the current j.
  const column = new Array<number>(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  let best = column[m] ?? m;
  for (let j = 1; j <= n; j++) {
    let diagonal = column[0] ?? 0;
    column[0] = j;
    const tc = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const above = column[i] ?? 0;
      const value = Math.min(
        diagonal + (pattern.charCodeAt(i - 1) === tc ? 0 : 1),
        above + 1,
        (column[i - 1] ?? 0) + 1,
      );
      diagonal = above;
      column[i] = value;
    }
    const last = column[m] ?? m;
    if (last < best) best = last;
  }
  return best;
}

function reversed(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/** Extra characters of text looked at beyond the context's length, to absorb small insertions. */
const CONTEXT_SLACK = 8;

/**
 * How well `expectedPrefix` matches the text just before offset `at`: 1 for identical,
 * falling towards 0 with each edit. Null when there is no expected prefix to compare.
 */
export function prefixSimilarity(text: string, at: number, expectedPrefix: string): number | null {
  const m = expectedPrefix.length;
  if (m === 0) return null;
  const window = text.slice(Math.max(0, at - m - CONTEXT_SLACK), at);
  const distance = leadingEditDistance(reversed(expectedPrefix), reversed(window));
  return Math.max(0, 1 - distance / m);
}

/**
 * How well `expectedSuffix` matches the text just after offset `at`: 1 for identical,
 * falling towards 0 with each edit. Null when there is no expected suffix to compare.
 */
export function suffixSimilarity(text: string, at: number, expectedSuffix: string): number | null {
  const m = expectedSuffix.length;
  if (m === 0) return null;
  const window = text.slice(at, at + m + CONTEXT_SLACK);
  const distance = leadingEditDistance(expectedSuffix, window);
  return Math.max(0, 1 - distance / m);
}
