/**
 * The gap mark: where a feed cut words out of a phrase, the phrase is shown with "‸" in the
 * place of what is missing ("an ‸ and political science at Istanbul's Marmara University"),
 * so that a reader sees the damage instead of a phrase that reads as nonsense.
 */

/** The mark shown where words were cut. */
export const GAP_MARK = '\u2038';

/** Index of the first gap offset >= `from` in sorted `gaps`. */
function firstAtOrAfter(gaps: readonly number[], from: number): number {
  let lo = 0;
  let hi = gaps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((gaps[mid] ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `text.slice(start, end)` on one line, with the gap mark at every gap offset after `start`
 * and up to `end` (a cut at the very end of a phrase, "expert at the ‸", is part of it).
 * `gaps` are sorted offsets into `text`.
 */
export function markGaps(
  text: string,
  start: number,
  end: number,
  gaps: readonly number[],
): string {
  let out = '';
  let at = start;
  for (let i = firstAtOrAfter(gaps, start + 1); i < gaps.length; i++) {
    const g = gaps[i] ?? end + 1;
    if (g > end) break;
    out = `${out}${text.slice(at, g).trimEnd()} ${GAP_MARK}`;
    at = g;
  }
  const rest = text.slice(at, end).trimStart();
  return (rest === '' ? out : out === '' ? rest : `${out} ${rest}`).replace(/\s+/g, ' ').trim();
}

/**
 * `text.slice(start, end)` as written (line breaks kept), with the gap mark at every gap
 * offset strictly inside it: the quoted text of an export shows where the feed cut words.
 */
export function markGapsInPassage(
  text: string,
  start: number,
  end: number,
  gaps: readonly number[],
): string {
  let out = '';
  let at = start;
  for (let i = firstAtOrAfter(gaps, start + 1); i < gaps.length; i++) {
    const g = gaps[i] ?? end;
    if (g >= end) break;
    const left = text.slice(at, g);
    out += /\s$/.test(left) || left === '' ? `${left}${GAP_MARK} ` : `${left} ${GAP_MARK}`;
    at = g;
  }
  return out + text.slice(at, end);
}

/** How far before a statement its speaker's role is looked for, in characters. */
const ROLE_REACH = 3000;

/**
 * The role with gap marks where words were cut from it, found as written nearest before the
 * end of the statement's attribution (`extentEnd`); the role unchanged when it is not found
 * there or nothing was cut from it.
 */
export function markRole(
  text: string,
  role: string,
  extentEnd: number,
  gaps: readonly number[],
): string {
  if (gaps.length === 0 || role.includes(GAP_MARK)) return role;
  const from = Math.max(0, extentEnd - ROLE_REACH);
  const window = text.slice(from, Math.min(text.length, extentEnd + role.length));
  const at = window.lastIndexOf(role);
  if (at < 0) return role;
  const start = from + at;
  const end = start + role.length;
  const i = firstAtOrAfter(gaps, start + 1);
  if (i >= gaps.length || (gaps[i] ?? Infinity) > end) return role;
  return markGaps(text, start, end, gaps);
}
