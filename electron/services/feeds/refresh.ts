/**
 * Subscribing and refreshing: a feed is fetched once per refresh; each item not saved before
 * (by guid, else link) becomes an article, read from the feed when it carries the full text and
 * fetched from the item's link when it carries only a summary. The feed's title, the item's
 * author, date and link are kept as provenance. One item's failure is reported, not fatal.
 */
import path from 'node:path';
import { GlossError, messageOf } from '../../../common/errors.ts';
import { normalizePublished } from '../../../common/ingest/web-page.ts';
import type { ParsedArticle } from '../../../common/model/article.ts';
import type { ImageLoader } from '../html/page-images.ts';
import type { Library } from '../library.ts';
import { fetchArticle, parseFetchedPage, prefetchImages } from '../net/fetch-article.ts';
import { fetchResource, type FetchLimits } from '../net/fetch-resource.ts';
import { parseFeedText, type FeedItem, type ParsedFeed } from './parse-feed.ts';
import { readSubscriptions, updateSubscriptions, type Subscription } from './subscriptions.ts';

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

/** Each key of `add` not yet in `list`, appended in order. */
function union(list: string[], add: readonly string[]): string[] {
  const have = new Set(list);
  return [...list, ...add.filter((k) => !have.has(k))];
}

/** The refresh running in each data folder, which a second request joins. */
const running = new Map<string, Promise<FeedReport[]>>();

/**
 * Refreshes every subscription, one after another. What each feed's refresh learnt is saved as
 * soon as it is done, merged with feeds.json as it is then (a feed added or removed meanwhile,
 * by the app or another command, stays so). A refresh asked for while one runs in this process
 * joins it rather than running beside it.
 */
export function refreshFeeds(
  library: Library,
  dataDir: string,
  options: FeedOptions = {},
): Promise<FeedReport[]> {
  const key = path.resolve(dataDir);
  const current = running.get(key);
  if (current) return current;
  const run = refreshAll(library, dataDir, options).finally(() => running.delete(key));
  running.set(key, run);
  return run;
}

/** True while a refresh runs in this process on `dataDir`. */
export function isRefreshing(dataDir: string): boolean {
  return running.has(path.resolve(dataDir));
}

async function refreshAll(
  library: Library,
  dataDir: string,
  options: FeedOptions,
): Promise<FeedReport[]> {
  const reports: FeedReport[] = [];
  for (const sub of await readSubscriptions(dataDir)) {
    reports.push(await refreshOne(library, sub, options));
    await updateSubscriptions(dataDir, (latest) => {
      const saved = latest.find((f) => f.url === sub.url);
      if (!saved) return; // unsubscribed while it refreshed
      saved.title = sub.title ?? saved.title;
      saved.refreshedAt = sub.refreshedAt ?? saved.refreshedAt;
      saved.seen = union(saved.seen, sub.seen);
      saved.articles = union(saved.articles, sub.articles);
    });
  }
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
