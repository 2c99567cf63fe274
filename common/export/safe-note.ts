/**
 * Makes a user's Markdown note safe to place between highlights without changing what it says.
 *
 * A note is written "as typed", but some Markdown reaches past the end of the note: an unclosed
 * fenced code block or a raw HTML block (`<script>`, `<!--`, `<pre>` …) runs on to the end of the
 * file and would swallow every later highlight, and Obsidian's `%%` comment hides everything up
 * to the next `%%`. Everything else a note can hold (`---`, `>`, `#`, lists) ends at the blank
 * line the export puts after every note, because the next thing the export writes starts at
 * column 0 and is not indented: containers (block quotes, list items) cannot continue past it.
 *
 * So the note is scanned with a small model of CommonMark's block structure (containers, fences,
 * indented code, paragraphs) and only three changes are made:
 * - the `<` that starts an HTML block gets a backslash, so it shows as text;
 * - a fence still open at the end of the note is closed;
 * - an odd `%%` (outside code) is closed.
 */

import { isBlank, splitLines } from './escape-markdown.ts';

type Container = { kind: 'quote' } | { kind: 'item'; indent: number };

type Leaf =
  | { kind: 'none' }
  | { kind: 'paragraph' }
  | { kind: 'code' }
  | { kind: 'fence'; char: string; length: number; depth: number };

/** Block-level HTML tag names (CommonMark HTML block type 6). */
const BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';

/** HTML block start conditions 1-6; these may interrupt a paragraph. */
const HTML_START_INTERRUPTING = [
  /^<(?:script|pre|style|textarea)(?:[\s>]|$)/i,
  /^<!--/,
  /^<\?/,
  /^<![A-Za-z]/,
  /^<!\[CDATA\[/,
  new RegExp(`^</?(?:${BLOCK_TAGS})(?:[\\s>]|/>|$)`, 'i'),
];

/**
 * HTML block start condition 7: a lone complete tag on the line; it cannot interrupt a paragraph.
 */
const HTML_START_7 =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/;

const FENCE_OPEN = /^(`{3,})[^`]*$|^(~{3,})/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LIST_MARKER = /^([-+*]|\d{1,9}[.)])([ \t]+|$)/;

/** A cursor over one line: character index and CommonMark column (tabs stop every 4). */
interface Cursor {
  pos: number;
  col: number;
}

/** Width of the whitespace at the cursor, in columns, without moving it. */
function peekIndent(line: string, at: Cursor): number {
  let col = at.col;
  for (let i = at.pos; i < line.length; i++) {
    const ch = line[i];
    if (ch === ' ') col += 1;
    else if (ch === '\t') col += 4 - (col % 4);
    else break;
  }
  return col - at.col;
}

/** Moves the cursor over up to `columns` columns of whitespace. */
function skipIndent(line: string, at: Cursor, columns: number): void {
  const target = at.col + columns;
  while (at.pos < line.length && at.col < target) {
    const ch = line[at.pos];
    if (ch === ' ') at.col += 1;
    else if (ch === '\t') at.col += 4 - (at.col % 4);
    else break;
    at.pos += 1;
  }
}

/** Whether the text after the cursor starts a block that ends a lazy paragraph continuation. */
function startsBlock(rest: string): boolean {
  const t = rest.replace(/^ {0,3}/, '');
  return (
    /^>/.test(t) ||
    FENCE_OPEN.test(t) ||
    ATX_HEADING.test(t) ||
    THEMATIC_BREAK.test(t) ||
    LIST_MARKER.test(t) ||
    HTML_START_INTERRUPTING.some((re) => re.test(t))
  );
}

/** Removes inline code spans, whose content Obsidian does not read as comment markers. */
function withoutCodeSpans(line: string): string {
  return line.replace(/(`+)[\s\S]*?\1/g, '');
}

/**
 * The note made safe to embed (see the module comment): line endings normalised to `\n`,
 * leading and trailing blank lines dropped, and otherwise as written apart from the three
 * repairs. Returns '' for a note with no content.
 */
export function safeNote(note: string): string {
  const lines = splitLines(note);
  while (lines.length > 0 && isBlank(lines[0] ?? '')) lines.shift();
  while (lines.length > 0 && isBlank(lines[lines.length - 1] ?? '')) lines.pop();
  if (lines.length === 0) return '';

  const out: string[] = [];
  const stack: Container[] = [];
  let leaf: Leaf = { kind: 'none' };
  let commentMarks = 0;

  for (const line of lines) {
    const at: Cursor = { pos: 0, col: 0 };

    // 1. Which open containers does this line continue?
    let matched = 0;
    for (const c of stack) {
      if (c.kind === 'quote') {
        const indent = peekIndent(line, at);
        if (indent > 3 || line[at.pos + countWs(line, at.pos)] !== '>') break;
        skipIndent(line, at, indent);
        at.pos += 1;
        at.col += 1;
        if (line[at.pos] === ' ' || line[at.pos] === '\t') skipIndent(line, at, 1);
      } else {
        const rest = line.slice(at.pos);
        if (isBlank(rest)) {
          // A blank line keeps a list item open (a later indented line may continue it).
        } else if (peekIndent(line, at) >= c.indent) {
          skipIndent(line, at, c.indent);
        } else break;
      }
      matched += 1;
    }
    const allMatched = matched === stack.length;
    const rest = line.slice(at.pos);

    // 2. Inside a fence or indented code: content is literal.
    if (leaf.kind === 'fence') {
      if (allMatched && leaf.depth === stack.length) {
        const t = rest.replace(/^ {0,3}/, '');
        const close = new RegExp(`^\\${leaf.char}{${leaf.length},}[ \\t]*$`);
        if (close.test(t)) leaf = { kind: 'none' };
        out.push(line);
        continue;
      }
      leaf = { kind: 'none' };
    } else if (leaf.kind === 'code') {
      if (allMatched && (isBlank(rest) || peekIndent(line, at) >= 4)) {
        out.push(line);
        continue;
      }
      leaf = { kind: 'none' };
    }

    // 3. A lazy continuation line of a paragraph keeps unmatched containers open.
    if (!allMatched && leaf.kind === 'paragraph' && !isBlank(rest) && !startsBlock(rest)) {
      commentMarks += countCommentMarks(line);
      out.push(line);
      continue;
    }
    if (!allMatched) {
      stack.length = matched;
      leaf = { kind: 'none' };
    }
    if (isBlank(rest)) {
      leaf = { kind: 'none' };
      out.push(line);
      continue;
    }

    // 4. New containers. A block quote may interrupt a paragraph; a list item only when it is a
    // bullet or starts at 1 and has content (CommonMark), otherwise the line continues the
    // paragraph.
    for (;;) {
      const indent = peekIndent(line, at);
      if (indent > 3) break;
      const t = line.slice(at.pos + countWs(line, at.pos));
      if (t.startsWith('>')) {
        skipIndent(line, at, indent);
        at.pos += 1;
        at.col += 1;
        if (line[at.pos] === ' ' || line[at.pos] === '\t') skipIndent(line, at, 1);
        stack.push({ kind: 'quote' });
        leaf = { kind: 'none' };
        continue;
      }
      const marker = LIST_MARKER.exec(t);
      if (!marker || THEMATIC_BREAK.test(t)) break;
      const mark = marker[1] ?? '';
      const empty = isBlank(t.slice(mark.length));
      if (leaf.kind === 'paragraph' && (empty || (/^\d/.test(mark) && !/^0*1[.)]$/.test(mark))))
        break;
      const startCol = at.col;
      skipIndent(line, at, indent);
      at.pos += mark.length;
      at.col += mark.length;
      const gap = empty ? 0 : peekIndent(line, at);
      // CommonMark: 1-4 columns after the marker belong to it; more means indented code inside.
      const contentGap = gap === 0 || gap > 4 ? 1 : gap;
      const contentCol = at.col + contentGap;
      skipIndent(line, at, Math.min(gap, contentGap));
      stack.push({ kind: 'item', indent: contentCol - startCol });
      leaf = { kind: 'none' };
      if (empty) break;
    }

    // 5. The leaf block this line starts or continues.
    const after = line.slice(at.pos);
    const indent = peekIndent(line, at);
    if (isBlank(after)) {
      leaf = { kind: 'none' };
      out.push(line);
      continue;
    }
    if (indent >= 4 && leaf.kind !== 'paragraph') {
      leaf = { kind: 'code' };
      out.push(line);
      continue;
    }
    const wsLen = countWs(line, at.pos);
    const t = line.slice(at.pos + wsLen);
    const fence = FENCE_OPEN.exec(t);
    if (fence) {
      const run = fence[1] ?? fence[2] ?? '```';
      leaf = { kind: 'fence', char: run.charAt(0), length: run.length, depth: stack.length };
      out.push(line);
      continue;
    }
    const html =
      HTML_START_INTERRUPTING.some((re) => re.test(t)) ||
      (leaf.kind !== 'paragraph' && HTML_START_7.test(t));
    if (html) {
      // A backslash before the `<` turns the HTML block into a paragraph that shows the tag.
      const cut = at.pos + wsLen;
      const escaped = line.slice(0, cut) + '\\' + line.slice(cut);
      commentMarks += countCommentMarks(escaped);
      leaf = { kind: 'paragraph' };
      out.push(escaped);
      continue;
    }
    if (
      ATX_HEADING.test(t) ||
      THEMATIC_BREAK.test(t) ||
      (leaf.kind === 'paragraph' && /^=+[ \t]*$/.test(t))
    ) {
      leaf = { kind: 'none' };
    } else {
      leaf = { kind: 'paragraph' };
    }
    commentMarks += countCommentMarks(line);
    out.push(line);
  }

  if (leaf.kind === 'fence' && leaf.depth === 0) {
    // A fence inside a container closes with the container; only a top-level one needs this.
    out.push(leaf.char.repeat(leaf.length));
  }
  if (commentMarks % 2 === 1) out.push('%%');
  return out.join('\n');
}

/** Number of spaces and tabs at `pos`. */
function countWs(line: string, pos: number): number {
  let n = 0;
  while (line[pos + n] === ' ' || line[pos + n] === '\t') n += 1;
  return n;
}

/** Number of Obsidian comment markers (`%%`) on a line, outside inline code. */
function countCommentMarks(line: string): number {
  return (withoutCodeSpans(line).match(/%%/g) ?? []).length;
}
