/**
 * The feeds as the page knows them: the subscriptions with their unread counts, whether a
 * refresh is running, and what the last one did. One refresh at a time: asking while one runs
 * waits for that one (the services join a running refresh too, so the app's schedule, the
 * Refresh button and a `gloss feeds refresh` never save an item twice).
 */
import { useSyncExternalStore } from 'react';
import type { FeedRefreshReport, FeedSummary } from '../../common/api.ts';
import { gloss } from '../api.ts';
import { failureText } from '../failure.ts';
import { libraryChanged } from './library-events.ts';

/** How often feeds are refreshed while the app is open. */
export const REFRESH_INTERVAL_MINUTES = 30;

export interface FeedsState {
  /** Null until first listed. */
  feeds: FeedSummary[] | null;
  refreshing: boolean;
  /** When the last refresh ended (ISO), and what it did; null before the first. */
  lastRefresh: { at: string; reports: FeedRefreshReport[] } | null;
  /** Why the feeds could not be listed or refreshed, for people. */
  error: string | null;
}

let state: FeedsState = { feeds: null, refreshing: false, lastRefresh: null, error: null };
const listeners = new Set<() => void>();
let running: Promise<void> | null = null;

function update(change: Partial<FeedsState>): void {
  state = { ...state, ...change };
  for (const listener of [...listeners]) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The feeds state, kept current. */
export function useFeeds(): FeedsState {
  return useSyncExternalStore(subscribe, () => state);
}

/** The state now (for timers, outside React). */
export function feedsNow(): FeedsState {
  return state;
}

/** Lists the subscriptions again (unread counts change as articles are read). */
export async function loadFeeds(): Promise<void> {
  try {
    update({ feeds: await gloss.listFeeds(), error: null });
  } catch (error) {
    update({ error: failureText(error) });
  }
}

/** Refreshes every feed, or waits for the refresh already running. */
export function refreshFeeds(): Promise<void> {
  running ??= (async () => {
    update({ refreshing: true, error: null });
    try {
      const { feeds } = await gloss.refreshFeeds();
      update({ lastRefresh: { at: new Date().toISOString(), reports: feeds } });
      if (feeds.some((f) => f.new > 0)) libraryChanged();
    } catch (error) {
      update({ error: failureText(error) });
    } finally {
      running = null;
      update({ refreshing: false });
      await loadFeeds();
    }
  })();
  return running;
}

/** Subscribes to a feed (fetched once to check it), then refreshes to save its items. */
export async function subscribeTo(url: string): Promise<FeedSummary> {
  const feed = await gloss.addFeed({ url });
  await loadFeeds();
  // A refresh already running began without this feed: refresh again once it ends.
  void (running ?? Promise.resolve()).then(refreshFeeds);
  return feed;
}

/** Unsubscribes; the articles saved from the feed stay in the library. */
export async function unsubscribe(url: string): Promise<void> {
  await gloss.removeFeed({ url });
  await loadFeeds();
}
