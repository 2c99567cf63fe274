/**
 * Saves an article from a link: the page is fetched once, read through the saved-page path
 * (jsdom without scripts, Readability, DOMPurify), and its pictures are fetched before anything
 * is stored, so that a failure part way leaves the library as it was.
 */
import { IngestError } from '../../../common/ingest/index.ts';
import { buildPageArticle, webAddressOrNull } from '../../../common/ingest/web-page.ts';
import type { ParsedArticle } from '../../../common/model/article.ts';
import { decodeHtml } from '../html/decode.ts';
import { extractPage } from '../html/extract.ts';
import { MAX_IMAGE_BYTES, type ImageLoader } from '../html/page-images.ts';
import { fetchResource, type FetchLimits } from './fetch-resource.ts';

/** The most pictures fetched for one article; the rest keep their alt text. */
export const MAX_IMAGES_PER_ARTICLE = 40;

/** A fetched article and its pictures, ready to store. */
export interface FetchedArticle {
  article: ParsedArticle;
  /** The address the page was finally fetched from (after redirects). */
  fetchedUrl: string;
  /** The pictures already fetched, by figure `src`. */
  image: ImageLoader;
}

/** An address written in the page, resolved against the page's own, when it is a web address. */
function resolveWeb(raw: string | null, base: string): string | null {
  if (!raw) return null;
  try {
    return webAddressOrNull(new URL(raw, base).href);
  } catch {
    return null;
  }
}

/** Turns fetched HTML into an article whose figures name web addresses of pictures. */
export function parseFetchedPage(html: string, pageUrl: string): ParsedArticle {
  const { meta, drafts } = extractPage(html, pageUrl);
  for (const draft of drafts) {
    if (draft.image)
      draft.image = { src: resolveWeb(draft.image.src, pageUrl), alt: draft.image.alt };
  }
  const canonical = resolveWeb(meta.url, pageUrl) ?? webAddressOrNull(pageUrl);
  const host = new URL(pageUrl).host;
  const article = buildPageArticle({ ...meta, url: canonical }, drafts, host);
  if (!article.text) throw new IngestError('the page has no readable article text');
  return article;
}

/**
 * Fetches the page at `url` and its pictures. Throws GlossError (`network`, `unreadable-import`,
 * `too-large`, `invalid-argument`) before anything could be stored. A picture that cannot be
 * fetched is left as its alt text.
 */
export async function fetchArticle(url: string, limits: FetchLimits = {}): Promise<FetchedArticle> {
  const page = await fetchResource(url, 'html', limits);
  const html = decodeHtml(page.bytes, page.url, page.charset);
  const article = parseFetchedPage(html, page.url);
  return { article, fetchedUrl: page.url, image: await prefetchImages(article, limits) };
}

/**
 * Fetches the pictures an article's figures name (web addresses), before anything is stored;
 * resolves to a loader over what came. A picture that will not come keeps its alt text.
 */
export async function prefetchImages(
  article: ParsedArticle,
  limits: FetchLimits = {},
): Promise<ImageLoader> {
  const sources = [
    ...new Set(article.blocks.map((b) => b.image?.src).filter((s): s is string => !!s)),
  ];
  const images = new Map<string, Uint8Array>();
  for (const src of sources.slice(0, MAX_IMAGES_PER_ARTICLE)) {
    try {
      const picture = await fetchResource(src, 'image', {
        timeoutMs: limits.timeoutMs,
        maxBytes: MAX_IMAGE_BYTES,
      });
      images.set(src, picture.bytes);
    } catch {
      // A picture that will not come is shown as its alt text; the article is still saved.
    }
  }
  return (src) => Promise.resolve(images.get(src) ?? null);
}
