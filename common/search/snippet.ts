/**
 * Snippets for search results: a short passage around the first hit, cut at word boundaries,
 * with the ranges of the matching words inside it. Words are split exactly as the search index
 * splits them (on white space and punctuation), so a word marked here is a word that matched.
 */

import { foldCompound } from './terms.ts';

/** Runs of characters that are neither white space nor punctuation: the index's words. */
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;
/** Words joined by hyphens ("cease-fire"), which the index also holds folded ("ceasefire"). */
const COMPOUND = /[^\n\r\p{Z}\p{P}]+(?:[-\u2010\u2011][^\n\r\p{Z}\p{P}]+)+/gu;

/** The length a snippet aims at, in characters (ellipses not counted). */
export const SNIPPET_LENGTH = 160;

/** A passage of a text around its hits. */
export interface Snippet {
  /** The passage, with "…" where it was cut, and line breaks shown as spaces. */
  snippet: string;
  /** [start, end) of each matching word inside `snippet`. */
  marks: Array<[number, number]>;
  /** Where the first matching word starts in the original text (0 when none matched). */
  first: number;
}

/** Each word of `text` with its [start, end). */
export function wordSpans(text: string): Array<{ word: string; start: number; end: number }> {
  const spans: Array<{ word: string; start: number; end: number }> = [];
  for (const m of text.matchAll(WORD))
    spans.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return spans;
}

/**
 * The words of `text` that match, in order: a hyphenated compound whose folded form matches is
 * one hit ("cease-fire" for "ceasefire"); otherwise its parts are tried one by one.
 */
function hitSpans(
  text: string,
  matches: (word: string) => boolean,
): Array<{ word: string; start: number; end: number }> {
  const compounds: Array<{ word: string; start: number; end: number }> = [];
  for (const m of text.matchAll(COMPOUND)) {
    if (matches(foldCompound(m[0]).toLowerCase()))
      compounds.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  const inCompound = (w: { start: number }) =>
    compounds.some((c) => w.start >= c.start && w.start < c.end);
  const words = wordSpans(text).filter((w) => !inCompound(w) && matches(w.word.toLowerCase()));
  return [...compounds, ...words].sort((a, b) => a.start - b.start);
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/**
 * The passage of `text` around the first word for which `matches(lowercased word)` holds.
 * About a third of the room goes before the hit so that it reads in context; both ends are
 * moved to the nearest word boundary inside the window.
 */
export function buildSnippet(
  text: string,
  matches: (word: string) => boolean,
  length: number = SNIPPET_LENGTH,
): Snippet {
  const hits = hitSpans(text, matches);
  const firstHit = hits[0];
  let start = 0;
  if (firstHit && text.length > length) {
    const room = Math.max(0, length - (firstHit.end - firstHit.start));
    start = Math.max(0, Math.min(firstHit.start - Math.floor(room / 3), text.length - length));
    // Start on a word: skip forward past the partial word the window opened in.
    if (start > 0 && !isSpace(text[start - 1])) {
      while (start < firstHit.start && !isSpace(text[start])) start++;
    }
    while (start < firstHit.start && isSpace(text[start])) start++;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length && !isSpace(text[end])) {
    let cut = end;
    while (cut > start && !isSpace(text[cut - 1])) cut--;
    // Never cut back so far that the first hit is lost; a very long word is cut mid-word.
    if (cut > (firstHit ? firstHit.end : start)) end = cut;
  }
  while (end > start && isSpace(text[end - 1])) end--;
  const lead = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const body = text.slice(start, end).replace(/\s/g, ' ');
  const marks: Array<[number, number]> = hits
    .filter((w) => w.start >= start && w.end <= end)
    .map((w) => [w.start - start + lead.length, w.end - start + lead.length]);
  return { snippet: lead + body + tail, marks, first: firstHit ? firstHit.start : 0 };
}
