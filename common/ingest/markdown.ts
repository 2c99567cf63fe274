import { Lexer, type Token, type Tokens } from 'marked';
import { boundQuotes } from '../markdown/bound-quotes.ts';
import type { ParsedArticle } from '../model/article.ts';
import { assembleText, foldLines, type DraftBlock } from './blocks.ts';

/** Plain text of inline tokens: emphasis and links keep their words, images their alt text, HTML goes. */
function inlineText(tokens: Token[] | undefined, fallback: string): string {
  if (!tokens) return fallback;
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'html':
        break;
      case 'br':
        out += ' ';
        break;
      case 'image':
        out += (token as Tokens.Image).text;
        break;
      case 'codespan':
        out += (token as Tokens.Codespan).text;
        break;
      case 'escape':
      case 'text':
        out +=
          'tokens' in token && token.tokens
            ? inlineText(token.tokens, token.text)
            : decodeEntities(token.text);
        break;
      default:
        out +=
          'tokens' in token && Array.isArray(token.tokens)
            ? inlineText(token.tokens as Token[], 'text' in token ? String(token.text) : '')
            : 'text' in token
              ? String(token.text)
              : '';
    }
  }
  return out;
}

/** marked leaves a few entities encoded in text tokens; readers want the characters. */
function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function collectBlocks(
  tokens: Token[],
  drafts: DraftBlock[],
  inQuote: boolean,
  depth: number,
): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const heading = token as Tokens.Heading;
        drafts.push({
          kind: 'heading',
          text: foldLines(inlineText(heading.tokens, heading.text)),
          level: heading.depth,
        });
        break;
      }
      case 'paragraph':
      case 'text': {
        const para = token as Tokens.Paragraph;
        drafts.push({
          kind: inQuote ? 'blockquote' : 'paragraph',
          text: foldLines(inlineText(para.tokens, para.text)),
        });
        break;
      }
      case 'blockquote':
        collectBlocks((token as Tokens.Blockquote).tokens, drafts, true, depth);
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) {
          const inner: DraftBlock[] = [];
          collectBlocks(
            item.tokens.filter((t) => t.type !== 'list'),
            inner,
            inQuote,
            depth,
          );
          const text = inner.map((d) => d.text).join(' ');
          drafts.push({ kind: 'list-item', text, level: depth });
          const nested = item.tokens.filter((t) => t.type === 'list');
          collectBlocks(nested, drafts, inQuote, depth + 1);
        }
        break;
      case 'code':
        drafts.push({ kind: 'code', text: (token as Tokens.Code).text });
        break;
      default:
        break; // html, hr, tables' layout and spaces carry no reading text of their own
    }
  }
}

/**
 * Parses Markdown into blocks with marked's lexer, keeping headings, paragraphs, list items,
 * block quotes and code as blocks of their own. The title is a leading level-one heading, or
 * else the first block's text.
 */
export function parseMarkdown(raw: string): ParsedArticle {
  const tokens = new Lexer().lex(boundQuotes(raw.replace(/\r\n?/g, '\n')));
  const drafts: DraftBlock[] = [];
  collectBlocks(tokens, drafts, false, 1);
  let title = 'Untitled';
  const first = drafts[0];
  if (first && first.kind === 'heading' && first.level === 1) {
    title = first.text;
    drafts.shift();
  } else if (first) {
    title = first.text.length > 120 ? `${first.text.slice(0, 117)}…` : first.text;
    if (first.kind === 'heading') drafts.shift();
  }
  const { text, blocks } = assembleText(drafts);
  return {
    title,
    source: null,
    dateline: null,
    publisher: null,
    published: null,
    publishedZone: null,
    syndicated: false,
    text,
    blocks,
    format: 'markdown',
  };
}
