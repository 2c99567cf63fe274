import { GlossError, type ErrorCode } from '../errors.ts';
import type { ParsedArticle } from '../model/article.ts';
import { parseMarkdown } from './markdown.ts';
import { looksLikeNewsFeed, parseNewsFeed } from './news-feed.ts';

export { countWords } from './blocks.ts';
export { parseMarkdown } from './markdown.ts';
export { parseNewsFeed, looksLikeNewsFeed } from './news-feed.ts';
export { parsePublishedLine } from './published-date.ts';

export { IMPORTABLE_EXTENSIONS, hasImportableExtension } from './extensions.ts';

/** Why a text cannot be imported, as a phrase to follow the file's name. */
export class IngestError extends GlossError {
  constructor(reason: string, code: ErrorCode = 'unreadable-import') {
    super(code, reason);
    this.name = 'IngestError';
  }
}

/**
 * Turns a file's text into an article. `.md` goes through Markdown; anything else is read as
 * plain text, in the news-feed format where its lines say so.
 */
export function parseArticle(fileName: string, raw: string): ParsedArticle {
  const text = raw.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new IngestError('the file is empty');
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) {
    const article = parseMarkdown(text);
    if (!article.text) throw new IngestError('the file has no readable text');
    return article;
  }
  const article = parseNewsFeed(text);
  if (!looksLikeNewsFeed(text)) article.format = 'text';
  return article;
}
