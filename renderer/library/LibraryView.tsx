import { useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleSummary } from '../../common/model/article.ts';
import { gloss } from '../api.ts';
import { failureText } from '../failure.ts';
import { localDate, plural } from '../format.ts';
import type { ReaderTarget } from '../reader/ReaderView.tsx';
import { readState, sortArticles, type ReadFilter, type SortKey } from './library-order.ts';
import { Snippet } from './Snippet.tsx';
import { TrashSection } from './TrashSection.tsx';
import { useLibrarySearch } from './useLibrarySearch.ts';
import { useLibraryChanges } from '../useLibraryChanges.ts';

/** What an article's tag button shows, and its accessible name begins with. */
const tagText = (a: ArticleSummary) =>
  (a.tags ?? []).length ? (a.tags ?? []).map((t) => `#${t}`).join(' ') : '+ tag';

interface Props {
  onOpen: (id: string, target?: ReaderTarget) => void;
  /** The order the list shows, for moving to the previous and next article from the reader. */
  onOrder: (ids: string[]) => void;
  onImport: () => void;
  onExportAll: () => void;
  /** Opens the notebook of every highlight. */
  onNotebook?: () => void;
}

/** The library: search, sort, filter, tag, continue reading, and delete with undo. */
export function LibraryView({ onOpen, onOrder, onImport, onExportAll, onNotebook }: Props) {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { query, setQuery, results } = useLibrarySearch();
  const [sort, setSort] = useState<SortKey>(
    () => (localStorage.getItem('gloss.library-sort') as SortKey) || 'added',
  );
  const [source, setSource] = useState('');
  const [tag, setTag] = useState('');
  const [read, setRead] = useState<ReadFilter>('all');
  const [editingTags, setEditingTags] = useState<string | null>(null);
  const [trashed, setTrashed] = useState<ArticleSummary | null>(null);
  const [showTrash, setShowTrash] = useState(false);
  const searchBox = useRef<HTMLInputElement>(null);

  const reload = () =>
    gloss.listArticles().then(setArticles, (e: unknown) => setError(failureText(e)));
  useEffect(() => {
    void reload();
  }, []);
  // Imports and edits by the `gloss` command or a sync engine show without a restart.
  useLibraryChanges(() => void reload());
  useEffect(() => {
    localStorage.setItem('gloss.library-sort', sort);
  }, [sort]);

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

  const sources = useMemo(
    () =>
      [...new Set((articles ?? []).map((a) => a.source).filter((s): s is string => !!s))].sort(),
    [articles],
  );
  const tags = useMemo(
    () => [...new Set((articles ?? []).flatMap((a) => a.tags ?? []))].sort(),
    [articles],
  );
  const shown = useMemo(
    () =>
      sortArticles(articles ?? [], sort).filter(
        (a) =>
          (!source || a.source === source) &&
          (!tag || (a.tags ?? []).includes(tag)) &&
          (read === 'all' || readState(a) === read),
      ),
    [articles, sort, source, tag, read],
  );
  useEffect(() => {
    onOrder(shown.map((a) => a.id));
  }, [shown, onOrder]);

  const continuing = useMemo(
    () =>
      (articles ?? [])
        .filter((a) => readState(a) === 'reading' && a.lastReadAt)
        .sort((a, b) => (b.lastReadAt ?? '').localeCompare(a.lastReadAt ?? ''))[0],
    [articles],
  );

  const moveToTrash = async (a: ArticleSummary) => {
    await gloss.trashArticle({ id: a.id });
    setTrashed(a);
    await reload();
  };
  const undoTrash = async () => {
    if (!trashed) return;
    await gloss.restoreArticle({ id: trashed.id });
    setTrashed(null);
    await reload();
  };

  const saveTags = async (a: ArticleSummary, text: string) => {
    const next = [
      ...new Set(
        text
          .split(',')
          .map((t) => t.trim().replace(/^#/, ''))
          .filter(Boolean),
      ),
    ];
    await gloss.setArticleTags({ id: a.id, tags: next });
    setEditingTags(null);
    await reload();
  };

  return (
    <main className="library" aria-labelledby="library-title">
      <header className="library-header">
        <h1 id="library-title">Library</h1>
        <div className="library-actions">
          {articles && <span className="library-count">{plural(articles.length, 'article')}</span>}
          {onNotebook && (
            <button type="button" className="bar-button" onClick={onNotebook}>
              Notebook
            </button>
          )}
          <button type="button" className="bar-button" onClick={onImport}>
            Import…
          </button>
          <button type="button" className="bar-button" onClick={onExportAll}>
            Export all…
          </button>
          <button type="button" className="bar-button" onClick={() => setShowTrash(true)}>
            Trash
          </button>
        </div>
      </header>

      <div className="library-tools">
        <input
          ref={searchBox}
          type="search"
          className="library-search"
          placeholder="Search articles and notes"
          aria-label="Search articles and notes"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {!results && (
          <div className="library-filters">
            <label>
              Sort
              <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
                <option value="added">Date added</option>
                <option value="published">Published</option>
                <option value="title">Title</option>
              </select>
            </label>
            <label>
              Source
              <select value={source} onChange={(e) => setSource(e.target.value)}>
                <option value="">All</option>
                {sources.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            {tags.length > 0 && (
              <label>
                Tag
                <select value={tag} onChange={(e) => setTag(e.target.value)}>
                  <option value="">All</option>
                  {tags.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </select>
              </label>
            )}
            <label>
              Show
              <select value={read} onChange={(e) => setRead(e.target.value as ReadFilter)}>
                <option value="all">All</option>
                <option value="unread">Unread</option>
                <option value="reading">In progress</option>
                <option value="read">Read</option>
              </select>
            </label>
          </div>
        )}
      </div>

      {error && (
        <p role="alert" className="error">
          Could not load the library: {error}
        </p>
      )}

      {results ? (
        <section aria-label="Search results">
          <p className="library-count" aria-live="polite">
            {results.length ? plural(results.length, 'result') : 'No results'}
            {/* Found by reading the library while the search index loads: maybe not all. */}
            {results.some((r) => r.scanned) && ' · indexing…'}
          </p>
          <ul className="result-list">
            {results.map((r, i) => (
              <li key={`${r.id}-${r.offset}-${i}`}>
                <button
                  type="button"
                  className="result"
                  onClick={() => onOpen(r.id, { offset: r.offset, highlightId: r.highlightId })}
                >
                  <span className="result-title">
                    {r.title}
                    <span className="result-kind">
                      {r.kind === 'note' ? 'in a note' : 'in the text'}
                    </span>
                  </span>
                  <Snippet result={r} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <>
          {continuing && (
            <section className="continue" aria-label="Continue reading">
              <button type="button" className="continue-card" onClick={() => onOpen(continuing.id)}>
                <span className="continue-label">Continue reading</span>
                <span className="article-card-title">{continuing.title}</span>
                <span
                  className="progress"
                  aria-label={`${Math.round((continuing.progress ?? 0) * 100)}% read`}
                >
                  <span style={{ width: `${Math.round((continuing.progress ?? 0) * 100)}%` }} />
                </span>
              </button>
            </section>
          )}
          {articles && articles.length === 0 && (
            <p className="empty">
              Your library is empty. Drop articles on this window, use Import…, or run `gloss import
              FILE`.
            </p>
          )}
          <ul className="article-list">
            {shown.map((a) => (
              <li key={a.id} className="article-row">
                <button
                  type="button"
                  className="article-card"
                  onClick={() => onOpen(a.id)}
                  data-article-id={a.id}
                >
                  <span className="article-card-title">{a.title}</span>
                  <span className="article-card-meta">
                    {[a.source, a.publisher && `via ${a.publisher}`, localDate(a.published)]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  <span className="article-card-counts">
                    {plural(a.words, 'word')}
                    {a.highlights > 0 && ` · ${plural(a.highlights, 'highlight')}`}
                    {a.notes > 0 && ` · ${plural(a.notes, 'note')}`}
                    {readState(a) === 'read' && ' · read'}
                  </span>
                  {(a.progress ?? 0) > 0.02 && (
                    <span
                      className="progress"
                      aria-label={`${Math.round((a.progress ?? 0) * 100)}% read`}
                    >
                      <span style={{ width: `${Math.round((a.progress ?? 0) * 100)}%` }} />
                    </span>
                  )}
                </button>
                <div className="article-row-tools">
                  {editingTags === a.id ? (
                    <input
                      className="tag-input"
                      aria-label={`Tags for ${a.title}, separated by commas`}
                      defaultValue={(a.tags ?? []).join(', ')}
                      autoFocus
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') void saveTags(a, e.currentTarget.value);
                        if (e.key === 'Escape') setEditingTags(null);
                      }}
                      onBlur={(e) => void saveTags(a, e.currentTarget.value)}
                    />
                  ) : (
                    <button
                      type="button"
                      className="tags"
                      onClick={() => setEditingTags(a.id)}
                      aria-label={`${tagText(a)}: edit the tags of ${a.title}`}
                    >
                      {tagText(a)}
                    </button>
                  )}
                  <button
                    type="button"
                    className="row-delete"
                    onClick={() => void moveToTrash(a)}
                    aria-label={`Delete: Move ${a.title} to the trash`}
                  >
                    Delete
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}

      {trashed && (
        <div className="undo-toast" role="status">
          Moved “{trashed.title}” to the trash.
          <button type="button" onClick={() => void undoTrash()}>
            Undo
          </button>
          <button
            type="button"
            className="tool-plain"
            aria-label="Dismiss"
            onClick={() => setTrashed(null)}
          >
            ×
          </button>
        </div>
      )}

      {showTrash && <TrashSection onRestored={reload} onClose={() => setShowTrash(false)} />}
    </main>
  );
}
