/**
 * Splits article text into word, punctuation and quotation-mark tokens with UTF-16 offsets.
 *
 * Words keep their inner apostrophes, hyphens and digit separators ("nobody's", "cease-fire",
 * "200,000", "3.6") and abbreviations keep their periods ("U.N.'s", "Mr.", "a.m."), so that a
 * bare "." token is almost always the end of a sentence.
 */

export type TokenType = 'word' | 'punct' | 'quote';

export interface Token {
  readonly text: string;
  /** Lower case, curly apostrophe straightened: the form used for lexicon lookups. */
  readonly lower: string;
  /** UTF-16 offsets into the article text. */
  readonly start: number;
  readonly end: number;
  readonly type: TokenType;
  /** The first character is an upper-case letter. */
  readonly upper: boolean;
  /** Index of the paragraph the token lies in. */
  readonly para: number;
}

/**
 * Double quotation marks (", “, ”, „, «, ») by code unit. Single marks are
 * apostrophes far more often than quotes in news copy.
 */
const QUOTE_CODES = new Set([0x22, 0x201c, 0x201d, 0x201e, 0xab, 0xbb]);

function isQuoteMarkAt(text: string, i: number): boolean {
  return QUOTE_CODES.has(text.charCodeAt(i));
}

/** Abbreviations whose period belongs to the word. */
const ABBREVIATIONS = new Set(
  `mr mrs ms dr sen rep gov gen lt col sgt capt cmdr adm maj prof rev st mt ft jr sr inc corp co
   ltd vs jan feb aug sept sep oct nov dec messrs gov supt atty det insp cpl pvt brig
   approx dept est fig univ assn bros`
    .split(/\s+/)
    .filter(Boolean),
);

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const UPPER = /\p{Lu}/u;
const DIGIT = /\p{N}/u;
const SPACE = /\s/;

/**
 * Whether the code point at `i` is a letter, digit or combining mark; ASCII is decided without a
 * regex.
 */
function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (Number.isNaN(c)) return false;
  const code = text.codePointAt(i) ?? 0;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(code));
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && isWordAt(ch, 0);
}

function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 32 || c === 10 || c === 9 || c === 13) return true;
  return c > 127 && SPACE.test(text[i] ?? '');
}

/**
 * UTF-16 length of the code point at `i`: 2 for a surrogate pair (emoji, astral letters), else 1.
 */
function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

/** Paragraph boundaries: blocks separated by a blank line. */
export interface ParagraphSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Finds paragraphs (blank-line separated, trimmed) in the text. Scans by hand rather than with
 * a global regex: a text of a third of a million paragraphs would build as many match arrays.
 */
export function findParagraphSpans(text: string): ParagraphSpan[] {
  const spans: ParagraphSpan[] = [];
  const n = text.length;
  let from = 0;
  const push = (a: number, b: number): void => {
    while (a < b && isSpaceAt(text, a)) a++;
    while (b > a && isSpaceAt(text, b - 1)) b--;
    if (b > a) spans.push({ start: a, end: b });
  };
  for (let i = text.indexOf('\n'); i >= 0 && i < n; i = text.indexOf('\n', i + 1)) {
    // A line break, spaces or tabs only, another line break: a blank line.
    let j = i + 1;
    while (j < n && text[j] !== '\n' && isSpaceAt(text, j)) j++;
    if (text[j] !== '\n') continue;
    push(from, i);
    while (j < n && isSpaceAt(text, j)) j++;
    from = j;
    i = j - 1;
  }
  push(from, n);
  return spans;
}

/** Tokenizes `text`, assigning each token to its paragraph. Runs in one pass. */
export function tokenize(text: string, paragraphs: readonly ParagraphSpan[]): Token[] {
  const tokens: Token[] = [];
  const marks = new Map<string, string>();
  let para = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (isSpaceAt(text, i)) {
      i++;
      continue;
    }
    while (para < paragraphs.length - 1 && i >= (paragraphs[para]?.end ?? 0)) para++;
    let end: number;
    let type: TokenType;
    if (isQuoteMarkAt(text, i)) {
      end = i + 1;
      type = 'quote';
    } else if (isWordAt(text, i)) {
      end = scanWord(text, i);
      type = 'word';
    } else {
      end = i + widthAt(text, i);
      type = 'punct';
    }
    let tokenText: string;
    let lower: string;
    if (type === 'word') {
      tokenText = text.slice(i, end);
      lower = lowerForm(tokenText);
    } else {
      // Marks repeat endlessly in some texts (a million quotation marks): one string each.
      tokenText = internMark(marks, text, i, end);
      lower = tokenText;
    }
    tokens.push({
      text: tokenText,
      lower,
      start: i,
      end,
      type,
      upper: type === 'word' && UPPER.test(tokenText[0] ?? ''),
      para,
    });
    i = end;
  }
  return tokens;
}

/** The lexicon form of a word: lower case, curly apostrophe straightened. */
function lowerForm(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower;
}

/** The one shared string for the punctuation or quotation mark at `start`..`end`. */
function internMark(marks: Map<string, string>, text: string, start: number, end: number): string {
  const key = end - start === 1 ? (text[start] ?? '') : text.slice(start, end);
  const known = marks.get(key);
  if (known !== undefined) return known;
  marks.set(key, key);
  return key;
}

/** Returns the end of the word starting at `start`. */
function scanWord(text: string, start: number): number {
  // Initialisms: "U.S.", "U.N.'s", "a.m." (letter-period pairs).
  if (text[start + 1] === '.') {
    const initials = /^(?:\p{L}\.){2,}/u.exec(text.slice(start, start + 24));
    if (initials) return withPossessive(text, start + initials[0].length);
  }

  let j = start;
  for (;;) {
    while (j < text.length && isWordAt(text, j)) j += widthAt(text, j);
    const sep = text[j];
    if (sep === undefined || j + 1 >= text.length || !isWordAt(text, j + 1)) break;
    const next = text[j + 1] ?? '';
    if (sep === "'" || sep === '\u2019' || sep === '-' || sep === '\u2013' || sep === '&') {
      j += 1;
      continue;
    }
    // Digit separators only between digits: "200,000", "3.6", "9/11".
    if (
      (sep === ',' || sep === '.' || sep === '/' || sep === ':') &&
      DIGIT.test(text[j - 1] ?? '') &&
      DIGIT.test(next)
    ) {
      j += 1;
      continue;
    }
    break;
  }
  const word = text.slice(start, j);
  // A plural possessive keeps its apostrophe: "the employees' union", "farmers' groups".
  const mark = text[j];
  if (
    (mark === "'" || mark === '\u2019') &&
    word.length >= 3 &&
    text[j - 1] === 's' &&
    /\s/.test(text[j + 1] ?? '') &&
    /\p{Ll}/u.test(text[j + 2] ?? '')
  )
    return j + 1;
  if (text[j] === '.') {
    const lower = word.toLowerCase();
    // A single capital before a period is an initial ("John F. Kennedy"); listed abbreviations keep
    // theirs.
    if (ABBREVIATIONS.has(lower) || (word.length === 1 && UPPER.test(word))) return j + 1;
  }
  return j;
}

function withPossessive(text: string, j: number): number {
  const apostrophe = text[j];
  if (
    (apostrophe === "'" || apostrophe === '\u2019') &&
    (text[j + 1] === 's' || text[j + 1] === 'S') &&
    !isWordChar(text[j + 2])
  ) {
    return j + 2;
  }
  return j;
}
