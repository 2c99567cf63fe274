import type { ArticleSummary } from '../../common/model/article.ts';
import { ProgressBar } from './ArticleRow.tsx';
import { readState } from './library-order.ts';

/**
 * The article to go back to: the one read most recently and not finished. None when it is the
 * first row of the list anyway (or the only one), where a card would only repeat it.
 */
export function continueWith(
  articles: readonly ArticleSummary[],
  shown: readonly ArticleSummary[],
): ArticleSummary | null {
  const latest = articles
    .filter((a) => readState(a) === 'reading' && a.lastReadAt)
    .sort((a, b) => (b.lastReadAt ?? '').localeCompare(a.lastReadAt ?? ''))[0];
  if (!latest || shown[0]?.id === latest.id) return null;
  return latest;
}

/** The "Continue reading" card above the list. */
export function ContinueReading({
  article,
  onOpen,
}: {
  article: ArticleSummary;
  onOpen: (id: string) => void;
}) {
  return (
    <section className="continue" aria-label="Continue reading">
      <button type="button" className="continue-card" onClick={() => onOpen(article.id)}>
        <span className="continue-label">Continue reading</span>
        <span className="article-card-title">{article.title}</span>
        <ProgressBar progress={article.progress ?? 0} />
      </button>
    </section>
  );
}
