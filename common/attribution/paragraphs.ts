import { AUXILIARIES, DANGLING_ENDINGS, NATIONALITIES } from './lexicon.ts';
import type { ParagraphSpan, Token } from './tokens.ts';

/** A paragraph with the facts about it that the later stages need. */
export interface Paragraph extends ParagraphSpan {
  /** Index of its first token, and one past its last. */
  readonly firstToken: number;
  readonly endToken: number;
  readonly wordCount: number;
  /**
   * A title, byline or dateline rather than body text: short and unpunctuated, or "AP | Istanbul".
   */
  readonly heading: boolean;
  /** Ends without terminal punctuation (., !, ?, a closing quote or bracket, a colon). */
  readonly unterminated: boolean;
  /**
   * The feed broke one sentence into two paragraphs here: this paragraph carries on the
   * previous one ("... with some of its members joining\n\nTurkish-backed opposition forces ...,
   * has not worked.").
   */
  readonly continuesPrevious: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const TERMINAL = new Set(['.', '!', '?', ':', ')', ']', '\u2026', '"', '\u201d', '\u00bb', ';']);

/** Body paragraphs are at least this long; shorter unpunctuated ones are headings. */
const MIN_BODY_WORDS = 12;

/** No headline runs longer than this; an unpunctuated first paragraph beyond it is body text. */
const MAX_HEADLINE_WORDS = 60;

/** Annotates paragraph spans with token ranges, heading and continuation flags. */
export function describeParagraphs(
  spans: readonly ParagraphSpan[],
  tokens: readonly Token[],
  text: string,
): Paragraph[] {
  // Built mutable and with every field written out: V8 makes an object spread ({ ...span, ... })
  // per paragraph hundreds of times slower, and a text can have a third of a million paragraphs.
  const result: Mutable<Paragraph>[] = [];
  let t = 0;
  spans.forEach((span, index) => {
    const first = t;
    while (t < tokens.length && (tokens[t]?.para ?? -1) === index) t++;
    let wordCount = 0;
    for (let k = first; k < t; k++) if (tokens[k]?.type === 'word') wordCount++;
    const last = tokens[t - 1];
    // "around 11 a.m." ends a sentence: the abbreviation's period is the full stop.
    const unterminated =
      t > first &&
      last !== undefined &&
      !TERMINAL.has(last.text) &&
      !(last.type === 'word' && last.text.endsWith('.'));
    const body = text.slice(span.start, span.end);
    // The first paragraph, when unpunctuated, is the headline even when long, up to a length
    // no headline reaches (a whole unpunctuated text is body, not a title).
    const heading =
      body.includes('|') ||
      (unterminated &&
        (wordCount < MIN_BODY_WORDS || (index === 0 && wordCount <= MAX_HEADLINE_WORDS))) ||
      wordCount === 0;
    result.push({
      start: span.start,
      end: span.end,
      firstToken: first,
      endToken: t,
      wordCount,
      heading,
      unterminated,
      continuesPrevious: false,
    });
  });
  // The feed prints the title twice (once with its commas escaped) above an "AP  |  City"
  // byline; however long, everything above the byline is title, not body text.
  const byline = result.findIndex((p, i) => i < 4 && text.slice(p.start, p.end).includes('|'));
  for (let p = 0; p < byline; p++) {
    const para = result[p];
    if (para) para.heading = true;
  }
  for (let p = 1; p < result.length; p++) {
    const prev = result[p - 1];
    const cur = result[p];
    if (prev && cur && continuesSentence(prev, cur, tokens)) cur.continuesPrevious = true;
  }
  return result;
}

/**
 * Whether `cur` carries on the sentence that `prev` left open. Only body paragraphs that end
 * without punctuation and without a dangling word (a stripped name leaves "camps in", "the")
 * qualify, and the next paragraph must read as the rest of a sentence: it starts in lower case
 * (but not with a bare "and" that lost its subject), or its first comma is followed by a
 * finite verb whose subject began in the previous paragraph ("..., has not worked").
 */
function continuesSentence(prev: Paragraph, cur: Paragraph, tokens: readonly Token[]): boolean {
  if (prev.heading || !prev.unterminated || cur.heading) return false;
  const last = tokens[prev.endToken - 1];
  if (
    !last ||
    last.type !== 'word' ||
    DANGLING_ENDINGS.has(last.lower) ||
    NATIONALITIES.has(last.lower)
  )
    return false;
  if (last.upper) return false; // a paragraph ending on a name is more likely cut after it
  const first = tokens[cur.firstToken];
  if (!first || first.type !== 'word') return false;
  if (!first.upper) return !['and', 'or', 'but'].includes(first.lower);
  for (let k = cur.firstToken; k < cur.endToken; k++) {
    const tok = tokens[k];
    if (!tok) break;
    if (tok.text === '.' || tok.text === '!' || tok.text === '?' || tok.type === 'quote')
      return false;
    if (tok.text === ',') {
      const after = tokens[k + 1];
      return after !== undefined && AUXILIARIES.has(after.lower);
    }
  }
  return false;
}
