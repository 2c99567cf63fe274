import { Lexer, type Token, type Tokens } from 'marked';
import { boundQuotes } from '../markdown/bound-quotes.ts';
import type { ParsedArticle } from '../model/article.ts';
import { assembleText, type DraftBlock } from './blocks.ts';
import { splitFrontMatter } from './front-matter.ts';
import { foldMarked, MarkedText, type DraftMark } from './inline-marks.ts';
import { webAddressOrNull } from './web-page.ts';

/**
 * Appends the text of inline tokens: emphasis, strong, code and links keep their words and
 * become marks; images give their alt text; raw HTML goes.
 */
function appendInline(out: MarkedText, tokens: Token[] | undefined, fallback: string): void {
  if (!tokens) {
    out.add(fallback);
    return;
  }
  for (const token of tokens) {
    switch (token.type) {
      case 'html':
        break;
      case 'br':
        out.add(' ');
        break;
      case 'image':
        out.add((token as Tokens.Image).text);
        break;
      case 'codespan':
        out.mark('code', () => out.add(decodeEntities((token as Tokens.Codespan).text)));
        break;
      case 'em':
      case 'strong': {
        const t = token as Tokens.Em | Tokens.Strong;
        out.mark(token.type === 'em' ? 'emphasis' : 'strong', () =>
          appendInline(out, t.tokens, t.text),
        );
        break;
      }
      case 'link': {
        const link = token as Tokens.Link;
        out.mark(
          'link',
          () => appendInline(out, link.tokens, link.text),
          webAddressOrNull(link.href),
        );
        break;
      }
      case 'escape':
      case 'text':
        if ('tokens' in token && token.tokens) appendInline(out, token.tokens, String(token.text));
        else out.add(decodeEntities(String(token.text)));
        break;
      default:
        if ('tokens' in token && Array.isArray(token.tokens))
          appendInline(out, token.tokens, 'text' in token ? String(token.text) : '');
        else if ('text' in token) out.add(String(token.text));
    }
  }
}

/** A block's folded text and marks from its inline tokens. */
function inlineDraft(
  tokens: Token[] | undefined,
  fallback: string,
): Pick<DraftBlock, 'text' | 'marks'> {
  const out = new MarkedText();
  appendInline(out, tokens, fallback);
  const folded = foldMarked(out.text, out.marks);
  return folded.marks.length ? folded : { text: folded.text };
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

/** Several drafts' texts joined by spaces (a list item's paragraphs), marks moved along. */
function joinDrafts(drafts: readonly DraftBlock[]): Pick<DraftBlock, 'text' | 'marks'> {
  let text = '';
  const marks: DraftMark[] = [];
  for (const d of drafts) {
    if (text) text += ' ';
    const at = text.length;
    text += d.text;
    for (const m of d.marks ?? []) marks.push({ ...m, start: m.start + at, end: m.end + at });
  }
  return marks.length ? { text, marks } : { text };
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
          ...inlineDraft(heading.tokens, heading.text),
          level: heading.depth,
        });
        break;
      }
      case 'paragraph':
      case 'text': {
        const para = token as Tokens.Paragraph;
        drafts.push({
          kind: inQuote ? 'blockquote' : 'paragraph',
          ...inlineDraft(para.tokens, para.text),
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
          drafts.push({ kind: 'list-item', ...joinDrafts(inner), level: depth });
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
 * block quotes and code as blocks of their own, and emphasis, code and links inside them as
 * marks. YAML front matter gives title, author, date, address, source and tags. Without a title
 * there, the title is a leading level-one heading, or else the first block's text.
 */
export function parseMarkdown(raw: string): ParsedArticle {
  const { frontMatter, body } = splitFrontMatter(raw.replace(/\r\n?/g, '\n'));
  const tokens = new Lexer().lex(boundQuotes(body));
  const drafts: DraftBlock[] = [];
  collectBlocks(tokens, drafts, false, 1);
  let title = frontMatter?.title ?? 'Untitled';
  const first = drafts[0];
  if (first && first.kind === 'heading' && first.level === 1) {
    // A heading that repeats the front matter's title is not shown twice.
    if (!frontMatter?.title || sameWords(first.text, frontMatter.title)) drafts.shift();
    if (!frontMatter?.title) title = first.text;
  } else if (first && !frontMatter?.title) {
    title = first.text.length > 120 ? `${first.text.slice(0, 117)}…` : first.text;
    if (first.kind === 'heading') drafts.shift();
  }
  const { text, blocks } = assembleText(drafts);
  const article: ParsedArticle = {
    title,
    source: frontMatter?.source ?? null,
    author: frontMatter?.author ?? null,
    url: frontMatter?.url ?? null,
    dateline: frontMatter?.dateline ?? null,
    publisher: frontMatter?.publisher ?? null,
    published: frontMatter?.published ?? null,
    publishedZone: null,
    syndicated: false,
    text,
    blocks,
    format: 'markdown',
  };
  if (frontMatter?.tags.length) article.tags = frontMatter.tags;
  return article;
}

function sameWords(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}
