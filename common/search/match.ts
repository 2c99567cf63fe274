/**
 * How a query word matches an indexed word, shared by the index (which expands each query word
 * over its vocabulary), the snippet marks and the scan used before the index is ready, so that
 * all three agree on what a hit is.
 *
 * As one types: a word of two letters or more also matches the words it begins ("coop" finds
 * "cooperative"); a word of five letters or more also matches words one typo away (two typos
 * from ten letters on), counting an insertion, a deletion or a substitution as one typo.
 */
import { queryTerms } from './terms.ts';

/** How well an indexed word matches a query word; weights rank exact above prefix above typo. */
export const MATCH_WEIGHT = { exact: 1, prefix: 0.5, typo: 0.4 } as const;

/** The shortest query word matched by prefix. */
const PREFIX_FROM = 2;
/** The shortest query word allowed a typo. */
const TYPO_FROM = 5;

/** How many typos a query word of this length allows (0: none). */
export function typosAllowed(length: number): number {
  if (length < TYPO_FROM) return 0;
  return length >= 10 ? 2 : 1;
}

/**
 * Whether the edit distance between `a` and `b` is at most `max`, computed in a band of width
 * 2·max+1 and abandoned as soon as every cell in a row is over the bound.
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    current.fill(max + 1);
    current[0] = i;
    let best = i <= max ? i : max + 1;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j - 1]! + cost, previous[j]! + 1, current[j - 1]! + 1);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return false;
    [previous, current] = [current, previous];
  }
  return previous[b.length]! <= max;
}

/**
 * The weight with which indexed word `word` matches query word `term` (both lower case), or 0
 * when it does not match.
 */
export function matchWeight(term: string, word: string): number {
  if (word === term) return MATCH_WEIGHT.exact;
  if (term.length >= PREFIX_FROM && word.startsWith(term)) return MATCH_WEIGHT.prefix;
  const typos = typosAllowed(term.length);
  if (typos > 0 && withinEdits(term, word, typos)) return MATCH_WEIGHT.typo;
  return 0;
}

/** A predicate for snippet marks: whether a lower-cased word matches any of the query words. */
export function matchesAny(terms: readonly string[]): (word: string) => boolean {
  return (word) => terms.some((term) => matchWeight(term, word) > 0);
}

/** The lower-cased words a query looks for, each once. */
export function queryWords(query: string): string[] {
  return [...new Set(queryTerms(query).map((t) => t.toLowerCase()))].filter(Boolean);
}
