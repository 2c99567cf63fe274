import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ArticleSummary } from '../../common/model/article.ts';
import { gloss } from '../api.ts';
import { failureText } from '../failure.ts';
import { useLibraryChanges } from '../useLibraryChanges.ts';
import { loadFeeds } from './feeds-store.ts';
import { onLibraryChanged } from './library-events.ts';
import { readState, sortArticles, type ReadFilter, type SortKey } from './library-order.ts';

/** What the list is narrowed to. */
export interface ListFilters {
  sort: SortKey;
  source: string;
  tag: string;
  read: ReadFilter;
  /** The ids of the articles saved from the chosen feed, or null for every article. */
  feedArticles: readonly string[] | null;
}

/**
 * The library's articles, listed again whenever they change (here, by a feed refresh or a
 * saved link, or on disk by another process), and the rows the filters let through in the
 * chosen order.
 */
export function useLibraryArticles(filters: ListFilters) {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(
    () =>
      Promise.all([
        gloss.listArticles().then(
          (list) => {
            setArticles(list);
            setError(null);
          },
          (e: unknown) => setError(failureText(e)),
        ),
        // Unread counts follow what was read, added or deleted.
        loadFeeds(),
      ]).then(() => undefined),
    [],
  );
  useEffect(() => {
    void reload();
    return onLibraryChanged(() => void reload());
  }, [reload]);
  // Imports and edits by the `gloss` command or a sync engine show without a restart.
  useLibraryChanges(() => void reload());

  const sources = useMemo(
    () =>
      [...new Set((articles ?? []).map((a) => a.source).filter((s): s is string => !!s))].sort(),
    [articles],
  );
  const tags = useMemo(
    () => [...new Set((articles ?? []).flatMap((a) => a.tags ?? []))].sort(),
    [articles],
  );
  const { sort, source, tag, read, feedArticles } = filters;
  const shown = useMemo(() => {
    const inFeed = feedArticles && new Set(feedArticles);
    return sortArticles(articles ?? [], sort).filter(
      (a) =>
        (!source || a.source === source) &&
        (!tag || (a.tags ?? []).includes(tag)) &&
        (read === 'all' || readState(a) === read) &&
        (!inFeed || inFeed.has(a.id)),
    );
  }, [articles, sort, source, tag, read, feedArticles]);

  return { articles, error, reload, sources, tags, shown };
}
