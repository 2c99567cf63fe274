import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '../model/highlight.ts';
import { widenToCodePoints } from './code-points.ts';
import { prefixSimilarity, suffixSimilarity } from './similarity.ts';

/** How an anchor was found: at its recorded position, by exact quote search, or by fuzzy search. */
export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

/** Where a quote was placed in a text: the half-open range [start, end) of UTF-16 offsets. */
export interface Anchor {
  start: number;
  end: number;
  method: AnchorMethod;
}

/** What is known about a passage: its quote, and where it was last (a hint, may be stale). */
export interface AnchorSelectors {
  position?: TextPositionSelector | null;
  quote: TextQuoteSelector;
}

/** A half-open range [start, end) of UTF-16 offsets. */
export interface TextRange {
  start: number;
  end: number;
}

/** Options for {@link anchor}. */
export interface AnchorOptions {
  /**
   * Limits the last, whole-text fuzzy search to these ranges (sorted, not overlapping). A
   * caller that knows which parts of the text are new (from a diff) can pass them: an edited
   * passage that moved can only have landed in new text. Default: the whole text.
   */
  fuzzyScope?: readonly TextRange[];
}

/**
 * The most edits a fuzzy match of a quote of `length` code units may have. A quarter of the
 * quote keeps short quotes strict; the cap of 32 bounds the work per text character, since
 * approx-string-match computes only the 32-row blocks of the pattern that can stay within
 * the budget, so long quotes cost little more than short ones.
 */
export function fuzzyErrorBudget(length: number): number {
  return Math.min(32, Math.floor(length / 4));
}

// Relative weights of the evidence for a candidate. The quote itself dominates; the context
// decides between similar candidates; closeness to the old position only breaks near-ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

/** Quotes at least this long are convincing on their own when found verbatim. */
const SELF_EVIDENT_LENGTH = 64;
/**
 * Shorter verbatim quotes need their context to agree: on average at least this much...
 * (Against a recorded 32-character context, unrelated prose scores about 0.25, rarely over 0.45.)
 */
const MIN_MEAN_CONTEXT_FOR_EXACT = 0.5;
/** ...or this much on one side, as when a passage moved and kept only one neighbour. */
const MIN_ONE_SIDE_CONTEXT_FOR_EXACT = 0.6;
/** A fuzzy candidate needs at least this combined score... */
const MIN_FUZZY_SCORE = 0.75;
/** ...unless it is a long quote this similar, which random prose does not produce. */
const SELF_EVIDENT_FUZZY_LENGTH = 64;
const SELF_EVIDENT_FUZZY_SIMILARITY = 0.9;

/**
 * Verbatim occurrences beyond this many (a short, common phrase) are first ranked by a cheap
 * exact-context comparison, and only the best this many get the full, edit-tolerant scoring.
 */
const MAX_FULLY_SCORED_OCCURRENCES = 64;

/** Extra text searched on each side of the old position before searching the whole text. */
const LOCAL_WINDOW = 4096;

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

interface ScoredCandidate extends Candidate {
  score: number;
  quoteSimilarity: number;
  /** Mean similarity of the prefix and suffix that were recorded, or null if none were. */
  contextSimilarity: number | null;
  /** The better of the prefix and suffix similarities, or null if neither was recorded. */
  bestSideSimilarity: number | null;
}

function scoreCandidate(
  text: string,
  candidate: Candidate,
  quote: TextQuoteSelector,
  hint: number | null,
): ScoredCandidate {
  const quoteSimilarity = 1 - candidate.errors / Math.max(1, quote.exact.length);
  const prefix = prefixSimilarity(text, candidate.start, quote.prefix);
  const suffix = suffixSimilarity(text, candidate.end, quote.suffix);

  let total = QUOTE_WEIGHT * quoteSimilarity;
  let weights = QUOTE_WEIGHT;
  let contextSum = 0;
  let contextCount = 0;
  // Missing context (a quote at the start or end of its text) is left out rather than scored
  // as a mismatch, so such quotes are not penalised.
  if (prefix !== null) {
    total += PREFIX_WEIGHT * prefix;
    weights += PREFIX_WEIGHT;
    contextSum += prefix;
    contextCount += 1;
  }
  if (suffix !== null) {
    total += SUFFIX_WEIGHT * suffix;
    weights += SUFFIX_WEIGHT;
    contextSum += suffix;
    contextCount += 1;
  }
  if (hint !== null) {
    const distance = Math.abs(candidate.start - hint);
    total += POSITION_WEIGHT * (1 - Math.min(1, distance / Math.max(1, text.length)));
    weights += POSITION_WEIGHT;
  }
  return {
    ...candidate,
    score: total / weights,
    quoteSimilarity,
    contextSimilarity: contextCount === 0 ? null : contextSum / contextCount,
    bestSideSimilarity: contextCount === 0 ? null : Math.max(prefix ?? 0, suffix ?? 0),
  };
}

function best(candidates: ScoredCandidate[]): ScoredCandidate | null {
  let top: ScoredCandidate | null = null;
  for (const candidate of candidates) {
    if (top === null || candidate.score > top.score) top = candidate;
  }
  return top;
}

function exactIsConvincing(candidate: ScoredCandidate, quoteLength: number): boolean {
  if (quoteLength >= SELF_EVIDENT_LENGTH || candidate.contextSimilarity === null) return true;
  return (
    candidate.contextSimilarity >= MIN_MEAN_CONTEXT_FOR_EXACT ||
    (candidate.bestSideSimilarity ?? 0) >= MIN_ONE_SIDE_CONTEXT_FOR_EXACT
  );
}

function fuzzyIsConvincing(candidate: ScoredCandidate, quoteLength: number): boolean {
  if (candidate.score >= MIN_FUZZY_SCORE) return true;
  return (
    quoteLength >= SELF_EVIDENT_FUZZY_LENGTH &&
    candidate.quoteSimilarity >= SELF_EVIDENT_FUZZY_SIMILARITY
  );
}

function exactOccurrences(text: string, exact: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    found.push({ start: at, end: at + exact.length, errors: 0 });
  }
  return found;
}

/** How many characters of the recorded prefix and suffix agree verbatim around a candidate. */
function verbatimContext(text: string, candidate: Candidate, quote: TextQuoteSelector): number {
  let agreed = 0;
  const { prefix, suffix } = quote;
  while (
    agreed < prefix.length &&
    text.charCodeAt(candidate.start - 1 - agreed) === prefix.charCodeAt(prefix.length - 1 - agreed)
  )
    agreed++;
  let after = 0;
  while (
    after < suffix.length &&
    text.charCodeAt(candidate.end + after) === suffix.charCodeAt(after)
  )
    after++;
  return agreed + after;
}

/**
 * The occurrences worth scoring in full: all of them, or the most promising when there are many.
 */
function shortlist(
  text: string,
  occurrences: Candidate[],
  quote: TextQuoteSelector,
  hint: number | null,
): Candidate[] {
  if (occurrences.length <= MAX_FULLY_SCORED_OCCURRENCES) return occurrences;
  const ranked = occurrences.map((candidate) => ({
    candidate,
    agreement: verbatimContext(text, candidate, quote),
    distance: hint === null ? 0 : Math.abs(candidate.start - hint),
  }));
  ranked.sort((a, b) => b.agreement - a.agreement || a.distance - b.distance);
  return ranked.slice(0, MAX_FULLY_SCORED_OCCURRENCES).map((r) => r.candidate);
}

/** A character for gluing ranges together that the quote does not contain. */
function separatorFor(exact: string): string {
  // Control characters come first: quotes of prose practically never contain them.
  let code = 0;
  while (exact.includes(String.fromCharCode(code))) code += 1;
  return String.fromCharCode(code);
}

/**
 * Approximate matches of `exact` within the given ranges of `text`, verbatim ones excluded
 * (the exact stage has already judged them).
 *
 * Several ranges are searched in one pass over their concatenation, glued with runs of a
 * character foreign to the quote, each longer than the error budget: a match across a seam
 * would need more edits than allowed. One pass avoids approx-string-match's per-call setup,
 * which dominates when there are hundreds of short ranges.
 */
function fuzzyMatches(text: string, exact: string, ranges: readonly TextRange[]): Candidate[] {
  const budget = fuzzyErrorBudget(exact.length);
  const useful = ranges.filter((range) => range.end - range.start >= exact.length - budget);
  if (useful.length === 0) return [];
  const seam = separatorFor(exact).repeat(budget + 1);
  const pieces: string[] = [];
  // Start of each range within the concatenation, parallel to `useful`.
  const offsets: number[] = [];
  let length = 0;
  for (const range of useful) {
    if (pieces.length > 0) {
      pieces.push(seam);
      length += seam.length;
    }
    offsets.push(length);
    pieces.push(
      range.start === 0 && range.end === text.length ? text : text.slice(range.start, range.end),
    );
    length += range.end - range.start;
  }
  const searched = pieces.length === 1 ? (pieces[0] ?? '') : pieces.join('');

  const found: Candidate[] = [];
  for (const match of search(searched, exact, budget)) {
    if (match.errors === 0) continue;
    // The range holding the match's start; a match may reach a little into a seam, so its
    // ends are clamped to that range.
    let low = 0;
    let high = offsets.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if ((offsets[mid] ?? 0) <= match.start) low = mid;
      else high = mid - 1;
    }
    const range = useful[low];
    const offset = offsets[low] ?? 0;
    if (range === undefined) continue;
    const start = Math.min(Math.max(range.start, range.start + match.start - offset), range.end);
    const end = Math.min(Math.max(start, range.start + match.end - offset), range.end);
    if (end > start) found.push({ start, end, errors: match.errors });
  }
  return found;
}

function bestFuzzy(
  text: string,
  ranges: readonly TextRange[],
  quote: TextQuoteSelector,
  hint: number | null,
): ScoredCandidate | null {
  const top = best(
    fuzzyMatches(text, quote.exact, ranges).map((candidate) =>
      scoreCandidate(text, candidate, quote, hint),
    ),
  );
  return top !== null && fuzzyIsConvincing(top, quote.exact.length) ? top : null;
}

/**
 * Places a quote in `text`, or returns null when no place is convincing.
 *
 * 1. If the text at the recorded position is exactly the quote, it is used.
 * 2. Otherwise every verbatim occurrence is scored by how well the recorded prefix and suffix
 *    match around it and by its distance from the old position; the best wins, provided a
 *    short quote also has matching context (a short phrase alone may occur anywhere).
 * 3. Otherwise an approximate search allows up to {@link fuzzyErrorBudget} edits, first near the
 * old position and then across the whole text (or `options.fuzzyScope`), and candidates are scored
 * by quote, context
 *    and position together. A candidate must score well enough to be used: returning null is
 *    better than placing a highlight on the wrong words.
 */
export function anchor(
  text: string,
  selectors: AnchorSelectors,
  options: AnchorOptions = {},
): Anchor | null {
  const { quote } = selectors;
  const exact = quote.exact;
  if (exact.length === 0) return null;
  const position = selectors.position ?? null;

  if (position !== null && text.slice(position.start, position.end) === exact) {
    return { start: position.start, end: position.end, method: 'position' };
  }
  const hint = position !== null ? Math.min(Math.max(0, position.start), text.length) : null;

  const occurrences = exactOccurrences(text, exact);
  const topExact = best(
    shortlist(text, occurrences, quote, hint).map((c) => scoreCandidate(text, c, quote, hint)),
  );
  if (topExact !== null && exactIsConvincing(topExact, exact.length)) {
    return { start: topExact.start, end: topExact.end, method: 'exact' };
  }

  if (fuzzyErrorBudget(exact.length) === 0) return null;

  if (hint !== null) {
    const from = Math.max(0, hint - LOCAL_WINDOW - exact.length);
    const to = Math.min(text.length, hint + LOCAL_WINDOW + 2 * exact.length);
    const local = bestFuzzy(text, [{ start: from, end: to }], quote, hint);
    if (local !== null)
      return { ...widenToCodePoints(text, local.start, local.end), method: 'fuzzy' };
  }

  // approx-string-match reports only the lowest-cost matches, so when verbatim occurrences
  // exist a whole-text search would just return them again (already judged unconvincing).
  if (occurrences.length > 0) return null;
  const global = bestFuzzy(
    text,
    options.fuzzyScope ?? [{ start: 0, end: text.length }],
    quote,
    hint,
  );
  return global !== null
    ? { ...widenToCodePoints(text, global.start, global.end), method: 'fuzzy' }
    : null;
}
