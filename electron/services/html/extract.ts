/**
 * Extracts the article from a saved web page: jsdom parses the page inertly (no scripts run,
 * nothing is loaded), Readability picks out the story, DOMPurify sanitizes what it picked, and
 * only then are blocks read from it. Metadata comes from the page's head before Readability
 * rearranges the document.
 */
import { Readability } from '@mozilla/readability';
import createDOMPurify, { type WindowLike } from 'dompurify';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { DraftBlock } from '../../../common/ingest/blocks.ts';
import { readJsonLd, type PageMetadata } from '../../../common/ingest/web-page.ts';
import { blocksFromDom } from './dom-blocks.ts';
import { assertReadableNesting, flattenDeepNesting, removeEmptyElements } from './nesting.ts';

/** What a page yields before its images are resolved: metadata and blocks with figures. */
export interface ExtractedPage {
  meta: PageMetadata;
  drafts: DraftBlock[];
}

/** Tags that survive sanitizing: structure, inline text and images; all else goes, content kept. */
const ALLOWED_TAGS = [
  'a',
  'abbr',
  'address',
  'article',
  'aside',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'data',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'main',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'section',
  'small',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'wbr',
];

/** Only what reading needs: an image's address and alt text; no styles, handlers or data. */
const ALLOWED_ATTR = ['src', 'alt'];

/**
 * Image addresses kept through sanitizing, to be judged afterwards: web ones and the page's own
 * files.
 */
const ALLOWED_URI = /^(?:https?|file):/i;

/**
 * Sanitizes article HTML inside `window` to a fragment holding only reading structure, text and
 * images (`src` and `alt`); no links, styles, handlers, scripts or data attributes survive.
 */
export function sanitizeArticleHtml(window: unknown, html: string): DocumentFragment {
  const purify = createDOMPurify(window as WindowLike);
  return purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: ALLOWED_URI,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
}

function content(doc: Document, selector: string): string | null {
  return doc.querySelector(selector)?.getAttribute('content')?.trim() || null;
}

/** Reads title, author, date, site and canonical address from the page's head and JSON-LD. */
function readMetadata(doc: Document): PageMetadata & { jsonLdHeadline: string | null } {
  const ld = readJsonLd(
    [...doc.querySelectorAll('script[type="application/ld+json" i]')].map(
      (s) => s.textContent ?? '',
    ),
  );
  return {
    title:
      content(doc, 'meta[property="og:title"]') ??
      (doc.querySelector('head > title, title')?.textContent?.trim() || null),
    jsonLdHeadline: ld.headline,
    author: content(doc, 'meta[name="author" i]') ?? ld.author,
    published: content(doc, 'meta[property="article:published_time"]') ?? ld.datePublished,
    siteName: content(doc, 'meta[property="og:site_name"]') ?? ld.publisher,
    url:
      doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href')?.trim() ||
      content(doc, 'meta[property="og:url"]') ||
      ld.url,
  };
}

/**
 * Extracts a page. `pageUrl` is the page's own address (a file: URL for a saved page) against
 * which its relative image addresses are resolved; `<base>` elements are removed first so that
 * a page cannot point its relative addresses elsewhere.
 */
export function extractPage(html: string, pageUrl = 'about:blank'): ExtractedPage {
  // jsdom, not linkedom. Measured on tests/fixtures/html (tmp script run with --expose-gc,
  // 90 pages each): Readability gave the same text and title with both, but not the same HTML
  // (linkedom upper-cases some tags and orders attributes differently; 15 and 6 characters
  // fewer on two pages), so the output is not the same; linkedom took 49 ms a page against
  // 530 ms and kept 0.8 MB against 84 MB. The sanitizer also needs a parser that follows the
  // HTML standard. jsdom's memory is bounded instead by recycling the import worker.
  assertReadableNesting(html);
  // No runScripts and no resources: jsdom then neither runs scripts nor fetches anything
  // (stylesheets, images, frames). A silent console keeps CSS parse warnings out of the output.
  const dom = new JSDOM(html, {
    url: pageUrl,
    contentType: 'text/html',
    virtualConsole: new VirtualConsole(),
  });
  try {
    const { document } = dom.window;
    const meta = readMetadata(document);
    for (const base of document.querySelectorAll('base')) base.remove();
    if (document.body) {
      flattenDeepNesting(document.body);
      removeEmptyElements(document.body);
    }
    const parsed = new Readability(document, { keepClasses: false }).parse();
    const body = sanitizeArticleHtml(dom.window, parsed?.content ?? document.body?.innerHTML ?? '');
    const { jsonLdHeadline, ...rest } = meta;
    return {
      meta: {
        ...rest,
        title: rest.title ?? jsonLdHeadline ?? (parsed?.title?.trim() || null),
        // Readability's byline is the one printed with the story; the head's are fallbacks.
        author: parsed?.byline?.trim() || rest.author,
        published: rest.published ?? (parsed?.publishedTime?.trim() || null),
        siteName: rest.siteName ?? (parsed?.siteName?.trim() || null),
      },
      drafts: blocksFromDom(body),
    };
  } finally {
    dom.window.close();
  }
}
