import { useEffect, useState } from 'react';
import type { ArticleSummary } from '../../common/model/article.ts';
import { gloss } from '../api.ts';
import { localDate, plural } from '../format.ts';

/** The list of articles: what each is, where it came from, and how much of it is annotated. */
export function LibraryView({ onOpen }: { onOpen(id: string): void }) {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    gloss.listArticles().then(setArticles, (e: Error) => setError(e.message));
  }, []);

  return (
    <main className="library" aria-labelledby="library-title">
      <header className="library-header">
        <h1 id="library-title">Library</h1>
        {articles && <p className="library-count">{plural(articles.length, 'article')}</p>}
      </header>
      {error && <p role="alert" className="error">Could not load the library: {error}</p>}
      {articles && articles.length === 0 && (
        <p className="empty">Your library is empty. Import an article with File → Import, or `gloss import FILE`.</p>
      )}
      <ul className="article-list">
        {articles?.map((a) => (
          <li key={a.id}>
            <button type="button" className="article-card" onClick={() => onOpen(a.id)} data-article-id={a.id}>
              <span className="article-card-title">{a.title}</span>
              <span className="article-card-meta">
                {[a.source, a.publisher && `via ${a.publisher}`, localDate(a.published)].filter(Boolean).join(' · ')}
              </span>
              <span className="article-card-counts">
                {plural(a.words, 'word')}
                {a.highlights > 0 && ` · ${plural(a.highlights, 'highlight')}`}
                {a.notes > 0 && ` · ${plural(a.notes, 'note')}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
