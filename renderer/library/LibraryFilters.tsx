import { useEffect, useRef } from 'react';
import type { ReadFilter, SortKey } from './library-order.ts';
import type { ListFilters } from './useLibraryArticles.ts';

interface Props {
  query: string;
  onQuery: (query: string) => void;
  /** Hidden while search results show. */
  showFilters: boolean;
  filters: ListFilters;
  onFilters: (change: Partial<ListFilters>) => void;
  sources: string[];
  tags: string[];
}

/** The search box (Ctrl/Cmd+F) and the sort and filter menus. */
export function LibraryFilters(props: Props) {
  const { query, onQuery, showFilters, filters, onFilters, ...lists } = props;
  const searchBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        searchBox.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="library-tools">
      <input
        ref={searchBox}
        type="search"
        className="library-search"
        placeholder="Search articles and notes"
        aria-label="Search articles and notes"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
      />
      {showFilters && (
        <div className="library-filters">
          <label>
            Sort
            <select
              value={filters.sort}
              onChange={(e) => onFilters({ sort: e.target.value as SortKey })}
            >
              <option value="added">Date added</option>
              <option value="published">Published</option>
              <option value="title">Title</option>
            </select>
          </label>
          <label>
            Source
            <select value={filters.source} onChange={(e) => onFilters({ source: e.target.value })}>
              <option value="">All</option>
              {lists.sources.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          {lists.tags.length > 0 && (
            <label>
              Tag
              <select value={filters.tag} onChange={(e) => onFilters({ tag: e.target.value })}>
                <option value="">All</option>
                {lists.tags.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
            </label>
          )}
          <label>
            Show
            <select
              value={filters.read}
              onChange={(e) => onFilters({ read: e.target.value as ReadFilter })}
            >
              <option value="all">All</option>
              <option value="unread">Unread</option>
              <option value="reading">In progress</option>
              <option value="read">Read</option>
            </select>
          </label>
        </div>
      )}
    </div>
  );
}
