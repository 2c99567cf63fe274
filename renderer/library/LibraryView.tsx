import { useEffect, useState } from 'react';
import type { ArticleSummary } from '../../common/model/article.ts';
import { gloss } from '../api.ts';
import { plural } from '../format.ts';
import type { ReaderTarget } from '../reader/ReaderView.tsx';
import { ArticleRow } from './ArticleRow.tsx';
import { ContinueReading, continueWith } from './ContinueReading.tsx';
import { FeedsSection } from './FeedsSection.tsx';
import { useFeeds } from './feeds-store.ts';
import { LibraryFilters } from './LibraryFilters.tsx';
import type { SortKey } from './library-order.ts';
import { SearchResults } from './SearchResults.tsx';
import { dismissToast, showToast } from './toasts.ts';
import { TrashSection } from './TrashSection.tsx';
import { useLibraryArticles, type ListFilters } from './useLibraryArticles.ts';
import { useLibrarySearch } from './useLibrarySearch.ts';
import './library.css';

interface Props {
  onOpen: (id: string, target?: ReaderTarget) => void;
  /** The order the list shows, for moving to the previous and next article from the reader. */
  onOrder: (ids: string[]) => void;
  onImport: () => void;
  onExportAll: () => void;
  /** Opens the notebook of every highlight. */
  onNotebook?: () => void;
}

/** Tags typed as "a, #b, a" → ["a", "b"]. */
const tagsOf = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((t) => t.trim().replace(/^#/, ''))
      .filter(Boolean),
  ),
];

/** The library: search, sort, filter, feeds, tag, continue reading, and delete with undo. */
export function LibraryView({ onOpen, onOrder, onImport, onExportAll, onNotebook }: Props) {
  const { query, setQuery, results } = useLibrarySearch();
  const [filters, setFilters] = useState<Omit<ListFilters, 'feedArticles'>>(() => ({
    sort: (localStorage.getItem('gloss.library-sort') as SortKey) || 'added',
    source: '',
    tag: '',
    read: 'all',
  }));
  const [feed, setFeed] = useState<string | null>(null);
  const { feeds } = useFeeds();
  const feedArticles = (feed && feeds?.find((f) => f.url === feed)?.articles) || null;
  const { articles, error, reload, sources, tags, shown } = useLibraryArticles({
    ...filters,
    feedArticles,
  });
  const [editingTags, setEditingTags] = useState<string | null>(null);
  const [showTrash, setShowTrash] = useState(false);

  useEffect(() => {
    localStorage.setItem('gloss.library-sort', filters.sort);
  }, [filters.sort]);
  useEffect(() => {
    onOrder(shown.map((a) => a.id));
  }, [shown, onOrder]);

  const continuing = continueWith(articles ?? [], shown);

  const moveToTrash = async (a: ArticleSummary) => {
    await gloss.trashArticle({ id: a.id });
    showToast({
      key: 'trash',
      text: `Moved “${a.title}” to the trash.`,
      actions: [
        {
          label: 'Undo',
          run: async () => {
            await gloss.restoreArticle({ id: a.id });
            await reload();
          },
        },
      ],
    });
    await reload();
  };
  const saveTags = async (a: ArticleSummary, text: string) => {
    await gloss.setArticleTags({ id: a.id, tags: tagsOf(text) });
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

      <LibraryFilters
        query={query}
        onQuery={setQuery}
        showFilters={!results}
        filters={{ ...filters, feedArticles }}
        onFilters={(change) => setFilters((f) => ({ ...f, ...change }))}
        sources={sources}
        tags={tags}
      />

      {error && (
        <p role="alert" className="error">
          Could not load the library: {error}
        </p>
      )}

      {results ? (
        <SearchResults results={results} onOpen={onOpen} />
      ) : (
        <>
          <FeedsSection selected={feed} onSelect={setFeed} />
          {continuing && <ContinueReading article={continuing} onOpen={onOpen} />}
          {articles && articles.length === 0 && (
            <p className="empty">
              Your library is empty. Drop articles or a link on this window, use Import… or Save
              link (Ctrl/Cmd+L), or run `gloss import FILE`.
            </p>
          )}
          {feedArticles && shown.length === 0 && (
            <p className="empty">No articles from this feed yet: refresh to fetch them.</p>
          )}
          <ul
            className="article-list"
            aria-label={feed ? 'Articles from the chosen feed' : undefined}
          >
            {shown.map((a) => (
              <ArticleRow
                key={a.id}
                article={a}
                editingTags={editingTags === a.id}
                onOpen={() => onOpen(a.id)}
                onEditTags={(on) => setEditingTags(on ? a.id : null)}
                onSaveTags={(text) => void saveTags(a, text)}
                onTrash={() => void moveToTrash(a)}
              />
            ))}
          </ul>
        </>
      )}

      {showTrash && (
        <TrashSection
          onRestored={async () => {
            dismissToast('trash');
            await reload();
          }}
          onClose={() => setShowTrash(false)}
        />
      )}
    </main>
  );
}
