/**
 * An EPUB (2 or 3) as one article: its spine's chapters in reading order, each read like a
 * saved page's body (sanitized by DOMPurify, then blocks), with the table of contents' title as
 * a chapter heading where the chapter does not open with one. Pictures inside the archive are
 * kept as figures to be copied into the library; everything else an EPUB may hold (scripts,
 * styles, fonts, links) is dropped. A pure function of the file's bytes.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import type { DraftBlock } from '../../../common/ingest/blocks.ts';
import { assembleText } from '../../../common/ingest/blocks.ts';
import { IngestError } from '../../../common/ingest/index.ts';
import { cleanText, normalizePublished } from '../../../common/ingest/web-page.ts';
import type { ParsedArticle } from '../../../common/model/article.ts';
import { blocksFromDom } from '../html/dom-blocks.ts';
import { sanitizeArticleHtml } from '../html/extract.ts';
import { openEpubArchive, entryText, resolveEntry, type EpubFiles } from './epub-archive.ts';
import { readEpubPackage, refuseDrm } from './epub-package.ts';

/** Raster pictures by name; the library checks their bytes again before storing them. */
const IMAGE_NAME = /\.(?:png|jpe?g|jpe|gif|webp|avif)$/i;

/** Figures' `src` for a picture inside the book: this prefix and its archive path. */
export const EPUB_IMAGE_PREFIX = 'epub:';

/** A book read into an article, with a way to fetch the pictures its figures name. */
export interface ReadEpub {
  article: ParsedArticle;
  /** The bytes of a figure's picture (by its `src`), or null for anything not in the book. */
  image(src: string): Uint8Array | null;
}

/** Pictures' archive paths as addresses the sanitizer keeps (file: URLs); all else is dropped. */
const IMAGE_BASE = 'file:///epub/';

/** A chapter's blocks, with the table of contents' title in front when it has no heading. */
function chapterBlocks(files: EpubFiles, path: string, tocTitle: string | null): DraftBlock[] {
  const text = entryText(files, path);
  if (text === null) return [];
  const dom = new JSDOM(text, { contentType: 'text/html', virtualConsole: new VirtualConsole() });
  try {
    const { document } = dom.window;
    for (const img of document.querySelectorAll('img')) {
      const target = resolveEntry(path, img.getAttribute('src')?.trim() ?? '');
      if (target && IMAGE_NAME.test(target) && files.has(target))
        img.setAttribute('src', IMAGE_BASE + encodeURI(target));
      else img.removeAttribute('src');
    }
    const body = sanitizeArticleHtml(dom.window, document.body?.innerHTML ?? '');
    const drafts = blocksFromDom(body);
    for (const draft of drafts) {
      const src = draft.image?.src;
      if (draft.image)
        draft.image = {
          src: src?.startsWith(IMAGE_BASE)
            ? EPUB_IMAGE_PREFIX + decodeURI(src.slice(IMAGE_BASE.length))
            : null,
          alt: draft.image.alt,
        };
    }
    const firstText = drafts.find((d) => d.kind !== 'figure');
    if (tocTitle && firstText?.kind !== 'heading')
      drafts.unshift({ kind: 'heading', text: tocTitle, level: 1 });
    return drafts;
  } finally {
    dom.window.close();
  }
}

/** An OPF date as the library stores dates, else a year or year-month as written. */
function bookDate(raw: string | null): string | null {
  const t = (raw ?? '').trim();
  return normalizePublished(t) ?? (/^\d{4}(?:-\d{2})?$/.test(t) ? t : null);
}

/**
 * Reads an EPUB. `fileName` gives the title when the book has none. Throws IngestError with a
 * one-line reason for a DRM-protected, damaged or empty book.
 */
export function readEpub(bytes: Uint8Array, fileName: string): ReadEpub {
  const files = openEpubArchive(bytes);
  refuseDrm(files);
  const pkg = readEpubPackage(files);
  const drafts: DraftBlock[] = [];
  for (const path of pkg.spine)
    drafts.push(...chapterBlocks(files, path, pkg.tocTitles.get(path) ?? null));
  const title = pkg.title ?? cleanText(fileName.replace(/\.epub$/i, '')) ?? 'Untitled book';
  // The title page usually repeats the book's title as its first heading.
  const lead = drafts[0];
  if (lead?.kind === 'heading' && cleanText(lead.text)?.toLowerCase() === title.toLowerCase())
    drafts.shift();
  const { text, blocks } = assembleText(drafts);
  if (!text) throw new IngestError('the book has no readable text');
  const article: ParsedArticle = {
    title,
    source: null,
    author: pkg.authors.length ? pkg.authors.join(', ') : null,
    url: null,
    dateline: null,
    publisher: pkg.publisher,
    published: bookDate(pkg.date),
    publishedZone: null,
    syndicated: false,
    text,
    blocks,
    format: 'epub',
  };
  return {
    article,
    image(src) {
      if (!src.startsWith(EPUB_IMAGE_PREFIX)) return null;
      return files.get(src.slice(EPUB_IMAGE_PREFIX.length)) ?? null;
    },
  };
}
