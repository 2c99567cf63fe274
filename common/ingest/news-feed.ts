import type { ParsedArticle } from '../model/article.ts';
import { assembleText, foldLines, type DraftBlock } from './blocks.ts';
import { parsePublishedLine } from './published-date.ts';

/** "AP  |  Istanbul": a short wire name, a bar, then the dateline (which may be empty). */
const BYLINE = /^([\p{Lu}][\p{L}.&' -]{0,47}?)\s*\|\s*([^|]{0,60}?)\s*$/u;

/** The note syndicating newspapers append to unedited wire copy. */
const SYNDICATION_NOTE =
  /^\(?\s*This (?:story|article|report) has not been edited by (.+?) staff and is auto-generated from a syndicated feed\.?\s*\)?$/i;

/** Removes the backslash escapes some feeds leave in titles ("Syria\'s" → "Syria's"). */
export function unescapeFeedText(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Words after which a feed paragraph ending with no full stop lost a linked name, not a line. */
const ENDS_WHERE_A_NAME_WAS_STRIPPED = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'at',
  'on',
  'to',
  'from',
  'for',
  'by',
  'with',
  'into',
  'near',
  'and',
  'or',
  'as',
  'than',
  'about',
  'over',
  'against',
  'between',
  'including',
]);

/** Words that open a new sentence rather than continue one. */
const SENTENCE_OPENERS = new Set([
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'but',
  'and',
  'still',
  'already',
  'however',
  'meanwhile',
  'after',
  'before',
  'while',
  'when',
  'despite',
  'for',
  'as',
  'since',
  'it',
  'he',
  'she',
  'they',
  'we',
  'i',
  'this',
  'that',
  'these',
  'those',
  'there',
  'instead',
  'adding',
  'top',
  'earlier',
  'last',
  'on',
  'by',
  'if',
  'although',
  'though',
  'yet',
  'so',
  'now',
  'then',
  'last',
  'next',
]);

/**
 * Whether a feed split one sentence over two paragraphs. Feeds break lines mid-sentence now and
 * then; they also strip linked names from paragraph ends, which leaves a paragraph with no full
 * stop that must NOT be joined (its next paragraph is a new sentence). A continuation is a
 * paragraph that starts in lower case, or one that follows a dangling "-ing" word and does not
 * open like a sentence.
 */
export function continuesPreviousParagraph(previous: string, next: string): boolean {
  if (/[.!?:;"”’')\]]$/.test(previous.trimEnd())) return false;
  const first = next.trimStart();
  if (/^[\p{Ll}]/u.test(first)) return true;
  const lastWord = (previous.trimEnd().match(/([\p{L}'’-]+)$/u)?.[1] ?? '').toLowerCase();
  if (!lastWord || ENDS_WHERE_A_NAME_WAS_STRIPPED.has(lastWord)) return false;
  if (!lastWord.endsWith('ing')) return false;
  if (/^["“'‘(]/.test(first)) return false;
  const firstWord = (first.match(/^([\p{L}'’-]+)/u)?.[1] ?? '').toLowerCase();
  return !SENTENCE_OPENERS.has(firstWord) && !/^[\p{L}'’]+,/u.test(first);
}

/**
 * True when the text looks like a news-feed story: a byline, a syndication note or a published
 * line.
 */
export function looksLikeNewsFeed(raw: string): boolean {
  const lines = raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.some(
    (l, i) =>
      (i < 4 && BYLINE.test(l)) || SYNDICATION_NOTE.test(l) || parsePublishedLine(l) !== null,
  );
}

/**
 * Parses the plain-text format of syndication feeds: a title line (often repeated), a
 * "WIRE | Dateline" byline, paragraphs separated by blank lines, and trailing lines for the
 * syndication note and the published time. Everything it recognises becomes metadata and
 * leaves the body; a file with none of those lines still imports, its first line as title.
 */
export function parseNewsFeed(raw: string): ParsedArticle {
  const paragraphs = raw
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

  let title = '';
  let source: string | null = null;
  let dateline: string | null = null;
  let publisher: string | null = null;
  let published: string | null = null;
  let publishedZone: string | null = null;
  let syndicated = false;

  // The title is the first line; the rest of a first paragraph with several lines is body.
  const firstParagraph = paragraphs.shift() ?? '';
  const [firstLine = '', ...restOfFirst] = firstParagraph.split('\n');
  title = foldLines(unescapeFeedText(firstLine));
  if (restOfFirst.length) paragraphs.unshift(restOfFirst.join('\n'));

  const body: string[] = [];
  paragraphs.forEach((paragraph, index) => {
    const single = foldLines(paragraph);
    if (index < 3 && body.length === 0) {
      if (normalise(unescapeFeedText(single)) === normalise(title)) return;
      const byline = BYLINE.exec(single);
      if (byline && source === null) {
        source = byline[1]!.trim();
        dateline = byline[2]!.trim() || null;
        return;
      }
    }
    const note = SYNDICATION_NOTE.exec(single);
    if (note) {
      publisher = note[1]!.trim();
      syndicated = true;
      return;
    }
    const date = parsePublishedLine(single);
    if (date) {
      published = date.iso;
      publishedZone = date.zone;
      return;
    }
    const previous = body[body.length - 1];
    if (previous !== undefined && continuesPreviousParagraph(previous, single)) {
      body[body.length - 1] = `${previous} ${single}`;
      return;
    }
    body.push(single);
  });

  const drafts: DraftBlock[] = body.map((text) => ({ kind: 'paragraph', text }));
  const { text, blocks } = assembleText(drafts);
  return {
    title: title || 'Untitled',
    source,
    author: null,
    url: null,
    dateline,
    publisher,
    published,
    publishedZone,
    syndicated,
    text,
    blocks,
    format: 'news-text',
  };
}
