/** Subscribing and unsubscribing: each a change to feeds.json under its lock. */
import { GlossError } from '../../../common/errors.ts';
import { webUrl } from '../net/fetch-resource.ts';
import { fetchFeed, type FeedOptions } from './refresh.ts';
import { readSubscriptions, updateSubscriptions, type Subscription } from './subscriptions.ts';

function newSubscription(url: string, title: string | null, now: Date): Subscription {
  return { url, title, addedAt: now.toISOString(), refreshedAt: null, seen: [], articles: [] };
}

/** Subscribes to a feed after fetching it once (so a wrong address is refused at once). */
export async function addFeed(
  dataDir: string,
  url: string,
  options: FeedOptions = {},
): Promise<Subscription> {
  const address = webUrl(url).href;
  const existing = (await readSubscriptions(dataDir)).find((f) => f.url === address);
  if (existing) return existing;
  const parsed = await fetchFeed(address, options.limits);
  const sub = newSubscription(address, parsed.title, options.now?.() ?? new Date());
  // Another writer may have added it while it was fetched: the list holds it once.
  return updateSubscriptions(dataDir, (feeds) => {
    const added = feeds.find((f) => f.url === address);
    if (added) return added;
    feeds.push(sub);
    return sub;
  });
}

/** Subscribes to feeds without fetching them (an OPML import); resolves to how many were new. */
export function addFeedsUnchecked(
  dataDir: string,
  list: ReadonlyArray<{ url: string; title: string | null }>,
  now: Date = new Date(),
): Promise<number> {
  return updateSubscriptions(dataDir, (feeds) => {
    const known = new Set(feeds.map((f) => f.url));
    let added = 0;
    for (const { url, title } of list) {
      if (known.has(url)) continue;
      known.add(url);
      feeds.push(newSubscription(url, title, now));
      added += 1;
    }
    return added;
  });
}

/** Unsubscribes from a feed; the articles saved from it stay in the library. */
export function removeFeed(dataDir: string, url: string): Promise<void> {
  return updateSubscriptions(dataDir, (feeds) => {
    const at = feeds.findIndex((f) => f.url === url);
    if (at < 0) throw new GlossError('not-found', `no subscription to ${url}`);
    feeds.splice(at, 1);
  });
}
