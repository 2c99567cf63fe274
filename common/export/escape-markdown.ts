/**
 * Escaping of plain text (the article's own words) so Markdown shows it literally, in
 * CommonMark/GFM and in the dialects of Obsidian and Logseq that the export targets.
 */

/**
 * Characters escaped wherever they appear. Besides CommonMark's inline syntax this covers
 * GFM tables and strikethrough (`|`, `~`), Obsidian tags, math and block ids (`#`, `$`, `^`).
 * All are ASCII punctuation, so a backslash before them is a valid CommonMark escape.
 */
const ALWAYS = /[\\`*_[\]<>#|~$^]/g;

/**
 * Characters harmless alone but syntax when doubled: Obsidian highlights (`==`) and comments
 * (`%%`), Logseq and Dataview properties (`::`), Logseq block refs (`((`) and macros (`{{`).
 */
const DOUBLED = /([=%:({])\1+/g;

/** An entity or numeric character reference, which Markdown would decode (`&amp;` → `&`). */
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;

/**
 * Bare URLs and e-mail addresses that GFM (and Obsidian) would turn into links. A link shows
 * the URL as written, backslashes included, so escapes inside it would become visible; instead
 * the one character that makes it a link is escaped (`https\://`, `www\.`, `me\@x.org`), and
 * the address then shows literally as text in every renderer.
 */
const AUTOLINK_SCHEME = /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)/g;
const AUTOLINK_WWW = /(?<![A-Za-z0-9])(www)\.(?=[A-Za-z0-9])/gi;
const AUTOLINK_EMAIL = /(?<=[A-Za-z0-9._+-])@(?=[A-Za-z0-9-]+\.)/g;

/** Splits on every line ending CommonMark knows, so a lone CR cannot start a line unnoticed. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** True for a line holding nothing but spaces and tabs (or nothing). */
export function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

/** The column width of a run of spaces and tabs (tabs stop every 4 columns, as in CommonMark). */
function indentWidth(ws: string): number {
  let col = 0;
  for (const ch of ws) col = ch === '\t' ? col + 4 - (col % 4) : col + 1;
  return col;
}

/** Escapes inline syntax in one line of text (no line-start rules). */
export function escapeInline(line: string): string {
  return line
    .replace(ALWAYS, '\\$&')
    .replace(DOUBLED, (run) => run.replace(/./g, '\\$&'))
    .replace(ENTITY, '\\&')
    .replace(AUTOLINK_SCHEME, '$1\\:')
    .replace(AUTOLINK_WWW, '$1\\.')
    .replace(AUTOLINK_EMAIL, '\\@');
}

/**
 * Escapes one line of text so that, wherever it starts a Markdown line (also inside a block
 * quote), it reads as paragraph text: no list item, heading, thematic break, setext underline,
 * fence, HTML block or indented code. Leading whitespace of 4 columns or more would make an
 * indented code block, so it is written as character references, which keep the spaces.
 */
export function escapeLine(line: string): string {
  const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
  const rest = line.slice(lead.length);
  const indent =
    indentWidth(lead) >= 4 ? lead.replace(/[ \t]/g, (c) => (c === '\t' ? '&#9;' : '&#32;')) : lead;
  let body = escapeInline(rest);
  // Line-start constructs that survive inline escaping: bullets, setext underlines, ordered lists.
  if (/^[-+=]/.test(body)) body = '\\' + body;
  body = body.replace(/^(\d{1,9})([.)])/, '$1\\$2');
  return indent + body;
}

/**
 * The lines of `text` escaped for Markdown, with leading and trailing blank lines dropped and
 * blank lines in between returned as empty strings (paragraph breaks).
 */
export function escapedLines(text: string): string[] {
  const lines = splitLines(text).map((l) => (isBlank(l) ? '' : escapeLine(l)));
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** `text` escaped and written as block-quote lines (`> line`, and `>` for a blank line). */
export function quoteLines(text: string): string[] {
  return escapedLines(text).map((l) => (l === '' ? '>' : `> ${l}`));
}

/**
 * A single-line, escaped rendering of `text` (whitespace runs, line breaks included, become one
 * space).
 */
export function escapeOneLine(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ').trim());
}
