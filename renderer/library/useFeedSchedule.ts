import { useEffect } from 'react';
import { feedsNow, loadFeeds, refreshFeeds, REFRESH_INTERVAL_MINUTES } from './feeds-store.ts';

/** How often the schedule looks whether a refresh is due. */
const TICK_MS = 60_000;
const INTERVAL_MS = REFRESH_INTERVAL_MINUTES * 60_000;

/** When the feeds were last refreshed: the latest refresh this session, else the oldest feed's. */
function lastRefreshed(): number {
  const { lastRefresh, feeds } = feedsNow();
  if (lastRefresh) return Date.parse(lastRefresh.at);
  const times = (feeds ?? []).map((f) => (f.refreshedAt ? Date.parse(f.refreshedAt) : 0));
  return times.length ? Math.min(...times) : Date.now();
}

/**
 * Refreshes the feeds every REFRESH_INTERVAL_MINUTES while the app is open (and soon after it
 * opens, when the last refresh is older than that). A refresh still running when the next is
 * due is not doubled: the store waits for it.
 */
export function useFeedSchedule(): void {
  useEffect(() => {
    let live = true;
    const tick = () => {
      const { feeds, refreshing } = feedsNow();
      if (!live || refreshing || !feeds?.length) return;
      if (Date.now() - lastRefreshed() >= INTERVAL_MS) void refreshFeeds();
    };
    void loadFeeds().then(tick);
    const timer = window.setInterval(tick, TICK_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);
}
