/**
 * Subscribing and refreshing: a feed is fetched once per refresh; each item not saved before
 * (by guid, else link) becomes an article, read from the feed when it carries the full text and
 * fetched from the item's link when it carries only a summary. The feed's title, the item's
 * author, date and link are kept as provenance. One item's failure is reported, not fatal.
 */
import { GlossError, messageOf } from '../../../common/errors.ts';
import { normalizePublished } from '../../../common/ingest/web-page.ts';
import type { ParsedArticle } from '../../../common/model/article.ts';
import type { ImageLoader } from '../html/page-images.ts';
import type { Library } from '../library.ts';
import { fetchArticle, parseFetchedPage, prefetchImages } from '../net/fetch-article.ts';
import { fetchResource, webUrl, type FetchLimits } from '../net/fetch-resource.ts';
import { parseFeedText, type FeedItem, type ParsedFeed } from './parse-feed.ts';
import { readSubscriptions, writeSubscriptions, type Subscription } from './subscriptions.ts';

/** The most feed text read (a feed is text; 5 MB holds thousands of items). */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;

/** What one feed's refresh did, as `gloss feeds refresh --json` prints it. */
export interface FeedReport {
  url: string;
  title: string | null;
  new: number;
  errors: string[];
}

/** Options for fetching feeds and their items. */
export interface FeedOptions {
  limits?: FetchLimits;
  now?: () => Date;
}

/** Fetches and parses one feed. */
export async function fetchFeed(url: string, limits: FetchLimits = {}): Promise<ParsedFeed> {
  const res = await fetchResource(url, 'feed', { maxBytes: MAX_FEED_BYTES, ...limits });
  const text = new TextDecoder(res.charset ?? 'utf-8').decode(res.bytes);
  return parseFeedText(text, res.url);
}

/** A feed's date ("Tue, 02 Dec 2025 09:00:00 GMT" or ISO) as ISO 8601, or null. */
export function feedDate(raw: string | null): string | null {
  if (!raw) return null;
  const iso = normalizePublished(raw);
  if (iso) return iso;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().replace('.000Z', 'Z');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An item as an article, with its pictures fetched; nothing is stored yet. */
async function itemArticle(
  item: FeedItem,
  feed: { url: string; title: string | null },
  limits: FetchLimits,
): Promise<{ article: ParsedArticle; image: ImageLoader; label: string }> {
  let article: ParsedArticle;
  let image: ImageLoader;
  if (item.html && (item.fullContent || !item.link)) {
    const page =
      `<!doctype html><html><head><title>${escapeHtml(item.title ?? '')}</title></head>` +
      `<body><article>${item.html}</article></body></html>`;
    article = parseFetchedPage(page, item.link ?? feed.url);
    image = await prefetchImages(article, limits);
  } else if (item.link) {
    const fetched = await fetchArticle(item.link, limits);
    ({ article, image } = fetched);
  } else {
    throw new GlossError('unreadable-import', 'the item has neither text nor a link');
  }
  const merged: ParsedArticle = {
    ...article,
    title: item.title ?? article.title,
    author: item.author ?? article.author,
    published: feedDate(item.published) ?? article.published,
    url: article.url ?? item.link,
    publisher: article.publisher ?? feed.title,
  };
  if (item.categories.length) merged.tags = item.categories;
  return { article: merged, image, label: item.link ?? feed.url };
}

/** Subscribes to a feed after fetching it once (so a wrong address is refused at once). */
export async function addFeed(
  dataDir: string,
  url: string,
  options: FeedOptions = {},
): Promise<Subscription> {
  const address = webUrl(url).href;
  const feeds = await readSubscriptions(dataDir);
  const existing = feeds.find((f) => f.url === address);
  if (existing) return existing;
  const parsed = await fetchFeed(address, options.limits);
  const sub: Subscription = {
    url: address,
    title: parsed.title,
    addedAt: (options.now?.() ?? new Date()).toISOString(),
    refreshedAt: null,
    seen: [],
    articles: [],
  };
  await writeSubscriptions(dataDir, [...feeds, sub]);
  return sub;
}

/** Subscribes to feeds without fetching them (an OPML import); resolves to how many were new. */
export async function addFeedsUnchecked(
  dataDir: string,
  list: ReadonlyArray<{ url: string; title: string | null }>,
  now: Date = new Date(),
): Promise<number> {
  const feeds = await readSubscriptions(dataDir);
  const known = new Set(feeds.map((f) => f.url));
  let added = 0;
  for (const { url, title } of list) {
    if (known.has(url)) continue;
    known.add(url);
    feeds.push({
      url,
      title,
      addedAt: now.toISOString(),
      refreshedAt: null,
      seen: [],
      articles: [],
    });
    added += 1;
  }
  await writeSubscriptions(dataDir, feeds);
  return added;
}

/** Refreshes one subscription in place: new items become articles. */
async function refreshOne(
  library: Library,
  sub: Subscription,
  options: FeedOptions,
): Promise<FeedReport> {
  const report: FeedReport = { url: sub.url, title: sub.title, new: 0, errors: [] };
  let feed: ParsedFeed;
  try {
    feed = await fetchFeed(sub.url, options.limits);
  } catch (error) {
    report.errors.push(messageOf(error));
    return report;
  }
  sub.title = feed.title ?? sub.title;
  report.title = sub.title;
  const seen = new Set(sub.seen);
  // Feeds list the newest first; saving the oldest first keeps the library in reading order.
  for (const item of [...feed.items].reverse()) {
    if (seen.has(item.key) || (item.link && seen.has(item.link))) continue;
    const known = item.link ? library.store.findByUrl(item.link) : null;
    if (known) {
      seen.add(item.key);
      sub.seen.push(item.key);
      continue;
    }
    try {
      const { article, image, label } = await itemArticle(
        item,
        { url: sub.url, title: sub.title },
        options.limits ?? {},
      );
      const outcome = await library.importArticle(label, article, image);
      if (!outcome.duplicate) report.new += 1;
      if (!sub.articles.includes(outcome.id)) sub.articles.push(outcome.id);
      seen.add(item.key);
      sub.seen.push(item.key);
    } catch (error) {
      report.errors.push(`${item.link ?? item.title ?? item.key}: ${messageOf(error)}`);
    }
  }
  sub.refreshedAt = (options.now?.() ?? new Date()).toISOString();
  return report;
}

/** Refreshes every subscription (or those named), one after another; saves what was learnt. */
export async function refreshFeeds(
  library: Library,
  dataDir: string,
  options: FeedOptions = {},
): Promise<FeedReport[]> {
  const feeds = await readSubscriptions(dataDir);
  const reports: FeedReport[] = [];
  for (const sub of feeds) reports.push(await refreshOne(library, sub, options));
  // Read again before writing: a feed added meanwhile (by the app or another command) stays.
  const latest = await readSubscriptions(dataDir);
  const refreshed = new Map(feeds.map((f) => [f.url, f]));
  await writeSubscriptions(
    dataDir,
    latest.map((f) => refreshed.get(f.url) ?? f),
  );
  return reports;
}

/** Unread articles per feed: saved from it, still in the library, never opened. */
export function unreadCounts(
  library: Library,
  feeds: readonly Subscription[],
): Map<string, number> {
  const rows = new Map(library.list().map((a) => [a.id, a]));
  return new Map(
    feeds.map((f) => [
      f.url,
      f.articles.filter((id) => {
        const row = rows.get(id);
        return row && !row.lastReadAt && !row.progress;
      }).length,
    ]),
  );
}
