import { useEffect, useState } from 'react';
import type { SearchResult } from '../../common/api.ts';
import { gloss } from '../api.ts';

/** How long typing pauses before the library is searched. */
const SEARCH_DELAY_MS = 120;

/**
 * Search as you type, a moment after the typing pauses. Results belong to the query they were
 * found for; an empty query has none (the library list shows instead).
 */
export function useLibrarySearch() {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; results: SearchResult[] } | null>(null);

  useEffect(() => {
    if (!query.trim()) return;
    let live = true;
    const timer = window.setTimeout(() => {
      gloss.search({ query, limit: 50 }).then(
        (results) => live && setFound({ query, results }),
        () => live && setFound({ query, results: [] }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query]);

  // While a new query is being searched, the last results stay (no flash of the full list).
  const results = query.trim() ? (found?.results ?? null) : null;
  return { query, setQuery, results };
}
