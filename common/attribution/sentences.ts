import { cueUse } from './cues.ts';
import { SENTENCE_STARTERS } from './lexicon.ts';
import type { Paragraph } from './paragraphs.ts';
import type { Token } from './tokens.ts';

/** A sentence as a token range [first, end). Quotations are never split. */
export interface Sentence {
  readonly first: number;
  readonly end: number;
  readonly start: number;
  readonly stop: number;
}

const ENDERS = new Set(['.', '!', '?', '\u2026']);

/**
 * Splits the text into sentences. A sentence ends at ., ! or ? outside quotation marks, at a
 * closing mark right after such punctuation when a new sentence follows ("... controlled." He
 * said), at an abbreviation that ends a sentence ("in the U.S. The ..."), and at every paragraph
 * break except where the feed broke a sentence in two.
 */
export function splitSentences(
  tokens: readonly Token[],
  paragraphs: readonly Paragraph[],
  quoteOf: Int32Array,
): Sentence[] {
  const sentences: Sentence[] = [];
  let first = -1;
  const finish = (endExclusive: number): void => {
    if (first >= 0 && endExclusive > first) {
      const a = tokens[first];
      const b = tokens[endExclusive - 1];
      if (a && b) sentences.push({ first, end: endExclusive, start: a.start, stop: b.end });
    }
    first = -1;
  };

  paragraphs.forEach((para) => {
    if (!para.continuesPrevious && first >= 0) finish(para.firstToken);
    for (let k = para.firstToken; k < para.endToken; k++) {
      const tok = tokens[k];
      if (!tok) continue;
      if (first < 0) first = k;
      const next = tokens[k + 1];
      const nextInPara = next !== undefined && k + 1 < para.endToken;
      const inQuote = (quoteOf[k] ?? -1) >= 0;
      if (tok.type === 'punct' && ENDERS.has(tok.text) && !inQuote) {
        if (!nextInPara || !(next.type === 'word' && !next.upper && tok.text !== '.'))
          finish(k + 1);
      } else if (tok.type === 'quote' && inQuote && (quoteOf[k + 1] ?? -1) !== quoteOf[k]) {
        // A closing mark: the sentence ends with it when the quotation ended one.
        const before = tokens[k - 1];
        // '"Who will answer for this?" Gowda asked.': a question or exclamation is still
        // attributed by the name and verb after it.
        const attributed =
          before !== undefined &&
          (before.text === '?' || before.text === '!') &&
          namedAttributionAt(tokens, k + 1, para.endToken);
        if (
          before &&
          ENDERS.has(before.text) &&
          (!nextInPara || startsSentence(next)) &&
          !attributed
        )
          finish(k + 1);
      } else if (tok.type === 'word' && tok.text.endsWith('.') && !inQuote && nextInPara) {
        if (
          next.type === 'word' &&
          next.upper &&
          SENTENCE_STARTERS.has(next.lower) &&
          !/^(mr|mrs|ms|dr|st|sen|rep|gov|gen|lt|col|capt|sgt|prof|rev|[a-z])\.$/i.test(tok.text)
        ) {
          finish(k + 1);
        }
      }
    }
  });
  finish(tokens.length);
  return sentences;
}

/** A capitalised name of up to four words and a speech verb: "Gowda asked", "Rep. Ann Lee said". */
function namedAttributionAt(tokens: readonly Token[], k: number, end: number): boolean {
  let j = k;
  while (j < end && j < k + 4 && tokens[j]?.type === 'word' && tokens[j]?.upper) j++;
  const verb = tokens[j];
  if (j === k || j >= end || !verb || verb.type !== 'word' || verb.upper) return false;
  const use = cueUse(verb.lower);
  return use !== undefined && use !== 'participle';
}

function startsSentence(tok: Token): boolean {
  return (tok.type === 'word' && (tok.upper || /^\p{N}/u.test(tok.text))) || tok.type === 'quote';
}

/** Maps each token to the index of its sentence. */
export function mapTokensToSentences(
  tokenCount: number,
  sentences: readonly Sentence[],
): Int32Array {
  const map = new Int32Array(tokenCount).fill(-1);
  sentences.forEach((s, index) => {
    for (let k = s.first; k < s.end; k++) map[k] = index;
  });
  return map;
}

const DASHES = new Set(['\u2014', '\u2013', '-']);

/**
 * The first token after a dateline that opens a sentence ("OSLO —", "CEDAR RIDGE, Colo. —",
 * "STOCKHOLM (Reuters) -", "OSLO/LONDON (Reuters) -" for a story filed from two cities,
 * "KHARTOUM, Nov 22 (Reuters) -", "PESHAWAR:", "ISLAMABAD, (Agency - 2nd Dec, 2022 ) :"), or
 * `first` when there is none. Whatever stands in the brackets is the credit, not the text.
 */
export function afterDateline(tokens: readonly Token[], first: number, end: number): number {
  const lead = tokens[first];
  // "Mumbai– Fitch Ratings has ...": a place glued to its dash.
  const dash = tokens[first + 1];
  if (lead?.upper && dash && DASHES.has(dash.text) && dash.start === lead.end) return first + 2;
  if (!lead || lead.type !== 'word' || !/^[A-Z][A-Z.'\u2019-]+$/.test(lead.text)) return first;
  let inParens = false;
  for (let k = first + 1; k < Math.min(end, first + DATELINE_REACH); k++) {
    const t = tokens[k];
    if (!t) break;
    if (t.text === '(') inParens = true;
    else if (t.text === ')') inParens = false;
    else if (inParens) continue;
    else if (DASHES.has(t.text) || t.text === ':') return k + 1;
    else if (t.text === ',' || t.text === '/') continue;
    else if (/^\d{1,4}$/.test(t.text))
      continue; // the date: "Nov 22", "July 2"
    else if (t.type !== 'word') return first;
    else if (
      !/^[A-Z][A-Z.'\u2019-]*$/.test(t.text) &&
      !/^[A-Z][a-z]{1,4}\.?$/.test(t.text) // "Colo.", "Nov"
    )
      return first;
  }
  return first;
}

/** How far into a sentence a dateline (with its credit in brackets) may reach. */
const DATELINE_REACH = 24;
