/**
 * Keeps marked linear on block quotes. Its block lexer re-reads the rest of a quote each time a
 * line changes depth or continues a paragraph lazily, so one long quote costs the square of its
 * length, times its depth: 2 KB of `>>>> ` runs followed by twenty plain lines took 44 s, and
 * 350 KB of alternating `>>>> a` and `> b` lines 42 s. Two bounds make the work linear in the
 * text, and change nothing a real article or note contains:
 *
 * - markers past {@link MAX_QUOTE_DEPTH} levels are dropped (their text stays at the deepest
 *   kept level);
 * - a quote running on for more than {@link MAX_QUOTE_RUN_LINES} lines or
 *   {@link MAX_QUOTE_RUN_CHARS} characters without a blank line is broken by one.
 */

/** The deepest block-quote nesting kept in imported articles and notes. */
export const MAX_QUOTE_DEPTH = 8;
/** The most lines one block quote runs on for before a blank line breaks it. */
export const MAX_QUOTE_RUN_LINES = 200;
/** The most characters one block quote runs on for before a blank line breaks it. */
export const MAX_QUOTE_RUN_CHARS = 20_000;

/**
 * A line's container prefix: indentation, `>` markers and list markers (a bullet or an
 * ordinal followed by a space), in any mix, as CommonMark nests them.
 */
const PREFIX = /^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/;

/** `markdown` (lines split by `\n`) with its block quotes bounded in depth and length. */
export function boundQuotes(markdown: string): string {
  if (!markdown.includes('>')) return markdown;
  const out: string[] = [];
  let runLines = 0;
  let runChars = 0;
  for (const raw of markdown.split('\n')) {
    const prefix = PREFIX.exec(raw)?.[0] ?? '';
    const quoted = prefix.includes('>');
    const line = quoted ? capLine(raw, prefix) : raw;
    if (line.trim() === '') {
      runLines = 0;
      runChars = 0;
    } else if (quoted || runLines > 0) {
      if (runLines >= MAX_QUOTE_RUN_LINES || runChars >= MAX_QUOTE_RUN_CHARS) {
        out.push('');
        runLines = 0;
        runChars = 0;
      }
      runLines += 1;
      runChars += line.length + 1;
    }
    out.push(line);
  }
  return out.join('\n');
}

/** A quoted line with the `>` markers of its prefix past the deepest kept level removed. */
function capLine(line: string, prefix: string): string {
  let depth = 0;
  let kept = '';
  for (const char of prefix) {
    if (char === '>' && ++depth > MAX_QUOTE_DEPTH) continue;
    kept += char;
  }
  return depth > MAX_QUOTE_DEPTH ? kept + line.slice(prefix.length) : line;
}
