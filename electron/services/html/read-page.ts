/**
 * Saved web pages as articles: reading the file, extracting the story and deciding which of its
 * images are the page's own files (kept, to be copied into the library) and which are remote
 * (kept only as alt text; never fetched).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { messageOf } from '../../../common/errors.ts';
import { IngestError } from '../../../common/ingest/index.ts';
import { buildPageArticle } from '../../../common/ingest/web-page.ts';
import type { ParsedArticle } from '../../../common/model/article.ts';
import { readImportBytes } from '../read-article-file.ts';
import { decodeHtml } from './decode.ts';
import { extractPage } from './extract.ts';
import { isImageName } from './page-images.ts';

/** The extensions read as saved web pages. */
export const HTML_EXTENSIONS = ['.html', '.htm'] as const;

/** Whether a file name is a saved web page's. */
export function isHtmlFileName(file: string): boolean {
  return (HTML_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

/**
 * The local file an image address points at, as a file: URL, when it lies inside the page's
 * own folder (where a browser saves a page's `<name>_files`) and names an image; else null.
 */
export function localImageUrl(src: string | null, pageFile: string | null): string | null {
  if (!src || !pageFile || !/^file:/i.test(src)) return null;
  let target: string;
  try {
    target = fileURLToPath(src);
  } catch {
    return null;
  }
  const relative = path.relative(path.dirname(path.resolve(pageFile)), target);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  if (!isImageName(target)) return null;
  return pathToFileURL(target).href;
}

/**
 * extractPage with whatever jsdom or Readability throws (jsdom throws plain strings, such as
 * `8: ")" not found` for an unclosed `@import url(`) turned into a reason for people.
 */
function extractReadably(html: string, pageUrl: string): ReturnType<typeof extractPage> {
  try {
    return extractPage(html, pageUrl);
  } catch (error) {
    throw new IngestError(`the page could not be read (${messageOf(error)})`);
  }
}

/**
 * Turns a page's HTML into an article. Figures' `image.src` is a file: URL for an image saved
 * with the page (when `pageFile` is known) and null for every other image; the library copies
 * the former in and replaces them with media names before storing.
 */
export function parseHtmlPage(
  html: string,
  fileName: string,
  pageFile: string | null = null,
): ParsedArticle {
  const pageUrl = pageFile ? pathToFileURL(path.resolve(pageFile)).href : 'about:blank';
  const { meta, drafts } = extractReadably(html, pageUrl);
  for (const draft of drafts) {
    if (draft.image)
      draft.image = { src: localImageUrl(draft.image.src, pageFile), alt: draft.image.alt };
  }
  const article = buildPageArticle(meta, drafts, path.basename(fileName).replace(/\.html?$/i, ''));
  if (!article.text) throw new IngestError('the page has no readable article text');
  return article;
}

/** Reads a saved page from disk (any character set it declares) and extracts its article. */
export async function readHtmlPage(file: string, maxBytes?: number): Promise<ParsedArticle> {
  const html = decodeHtml(await readImportBytes(file, maxBytes), file);
  return parseHtmlPage(html, path.basename(file), file);
}
