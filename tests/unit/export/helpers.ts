/** Reading an exported file back: front matter with the yaml library, body with marked's lexer. */

import { Lexer, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';

/** Splits an exported file into its parsed front matter and its Markdown body. */
export function splitExport(file: string): { data: Record<string, unknown>; body: string } {
  if (!file.startsWith('---\n')) throw new Error('no front matter');
  const end = file.indexOf('\n---\n', 4);
  if (end < 0) throw new Error('front matter not closed');
  const data = parseYaml(file.slice(4, end + 1)) as Record<string, unknown>;
  return { data, body: file.slice(end + 5) };
}

/** Top-level tokens of a Markdown body (GFM, as marked reads it by default). */
export function lex(body: string): Token[] {
  return Lexer.lex(body);
}

/**
 * The literal text a reader sees for some inline tokens: escapes resolved, entities decoded.
 * Throws on any token that would render as formatting, a link, code or HTML.
 */
export function literalText(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.type === 'text' || t.type === 'escape') {
      const inner = (t as Tokens.Text).tokens;
      out += inner && inner.length > 0 ? literalText(inner) : (t as Tokens.Text).text;
    } else if (t.type === 'br') {
      out += '\n';
    } else {
      throw new Error(`formatting token ${t.type} in ${JSON.stringify(t.raw)}`);
    }
  }
  return out;
}

/** Paragraph tokens inside a block quote, in order. */
export function quoteParagraphs(quote: Tokens.Blockquote): Tokens.Paragraph[] {
  return quote.tokens.filter((t): t is Tokens.Paragraph => t.type === 'paragraph');
}

/** The top-level block quote whose last line ends with `^blockId`, and its index, or null. */
export function findQuote(
  tokens: readonly Token[],
  blockId: string,
): { index: number; quote: Tokens.Blockquote } | null {
  const index = tokens.findIndex(
    (t) => t.type === 'blockquote' && new RegExp(`\\s\\^${blockId}\\s*$`).test(t.raw),
  );
  const quote = tokens[index];
  return index >= 0 && quote ? { index, quote: quote as Tokens.Blockquote } : null;
}

/**
 * What a highlight's quote says, read back from the tokens: the literal paragraph texts joined
 * by blank lines, with the block id and (when present) the attribution line taken off.
 */
export function quoteContent(quote: Tokens.Blockquote): {
  text: string;
  attribution: string | null;
} {
  const paragraphs = quoteParagraphs(quote).map((p) => literalText(p.tokens));
  const last = (paragraphs.pop() ?? '').replace(/ \^h-[0-9a-f]{8}$/, '');
  const lines = last.split('\n');
  let attribution: string | null = null;
  if (lines.length > 0 && (lines[lines.length - 1] ?? '').startsWith('— ')) {
    attribution = (lines.pop() ?? '').slice(2);
  }
  paragraphs.push(lines.join('\n'));
  return { text: paragraphs.filter((p) => p !== '').join('\n\n'), attribution };
}
