/**
 * The API table's calls for bringing things in from the web: saving a link, and the feeds
 * (subscribe, unsubscribe, refresh, OPML in and out). Everything is fetched and parsed before
 * anything is stored, so a failure (offline, not an article) leaves the library as it was.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApiImplementation, FeedSummary } from '../../../common/api.ts';
import { GlossError, messageOf } from '../../../common/errors.ts';
import type { Platform } from '../api-implementation.ts';
import { writeFileAtomic } from '../export/write-atomic.ts';
import type { Library } from '../library.ts';
import { readOpml, writeOpml } from './opml.ts';
import { refreshFeeds, unreadCounts } from './refresh.ts';
import { addFeed, addFeedsUnchecked, removeFeed } from './subscribe.ts';
import { readSubscriptions, type Subscription } from './subscriptions.ts';

type IngestCalls =
  | 'saveLink'
  | 'listFeeds'
  | 'addFeed'
  | 'removeFeed'
  | 'refreshFeeds'
  | 'importOpml'
  | 'exportOpml';

/** The subscriptions as the library lists them, with the articles still in the library. */
function summaries(library: Library, feeds: readonly Subscription[]): FeedSummary[] {
  const unread = unreadCounts(library, feeds);
  const present = new Set(library.list().map((a) => a.id));
  return feeds.map((f) => ({
    url: f.url,
    title: f.title,
    refreshedAt: f.refreshedAt,
    articles: f.articles.filter((id) => present.has(id)),
    unread: unread.get(f.url) ?? 0,
  }));
}

/** Answers the link and feed calls of the API table. */
export function createIngestApi(
  library: Library,
  platform: Platform,
): Pick<ApiImplementation, IngestCalls> {
  const dataDir = library.store.dataDir;
  return {
    saveLink: async ({ url }) => {
      const outcome = await library.importUrl(url);
      const status = outcome.duplicate ? 'duplicate' : outcome.updated ? 'updated' : 'imported';
      return {
        id: outcome.id,
        title: outcome.title,
        status,
        ...(outcome.updated ? { highlights: outcome.updated } : {}),
      };
    },
    listFeeds: async () => summaries(library, await readSubscriptions(dataDir)),
    addFeed: async ({ url }) => {
      const feed = await addFeed(dataDir, url);
      return summaries(library, [feed])[0]!;
    },
    removeFeed: async ({ url }) => removeFeed(dataDir, url),
    refreshFeeds: async () => ({ feeds: await refreshFeeds(library, dataDir) }),
    importOpml: async () => {
      const file = (await platform.chooseOpmlFile?.()) ?? null;
      if (!file) return { file: null, added: 0 };
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new GlossError(
          'unreadable-import',
          `${path.basename(file)} could not be read (${messageOf(error)})`,
        );
      }
      return { file: path.basename(file), added: await addFeedsUnchecked(dataDir, readOpml(text)) };
    },
    exportOpml: async () => {
      const target = await platform.chooseSavePath('Gloss feeds.opml', 'opml');
      if (!target) return { path: null };
      await writeFileAtomic(target, writeOpml(await readSubscriptions(dataDir)));
      return { path: target };
    },
  };
}
