import type { ArticleSummary } from '../../common/model/article.ts';
import { localDate, plural } from '../format.ts';
import { readState } from './library-order.ts';

/** What an article's tag button shows, and its accessible name begins with. */
const tagText = (a: ArticleSummary) =>
  (a.tags ?? []).length ? (a.tags ?? []).map((t) => `#${t}`).join(' ') : '+ tag';

/** "42% read" as a thin bar. */
export function ProgressBar({ progress }: { progress: number }) {
  const percent = Math.round(progress * 100);
  return (
    <span className="progress" aria-label={`${percent}% read`}>
      <span style={{ width: `${percent}%` }} />
    </span>
  );
}

interface Props {
  article: ArticleSummary;
  editingTags: boolean;
  onOpen: () => void;
  onEditTags: (editing: boolean) => void;
  onSaveTags: (text: string) => void;
  onTrash: () => void;
}

/** One article in the list: title, byline and counts, its tags, and Delete. */
export function ArticleRow({ article: a, editingTags, ...on }: Props) {
  return (
    <li className="article-row">
      <button type="button" className="article-card" onClick={on.onOpen} data-article-id={a.id}>
        <span className="article-card-title">{a.title}</span>
        <span className="article-card-meta">
          {[a.author, a.source, a.publisher && `via ${a.publisher}`, localDate(a.published)]
            .filter(Boolean)
            .join(' · ')}
        </span>
        <span className="article-card-counts">
          {plural(a.words, 'word')}
          {a.highlights > 0 && ` · ${plural(a.highlights, 'highlight')}`}
          {a.notes > 0 && ` · ${plural(a.notes, 'note')}`}
          {readState(a) === 'read' && ' · read'}
        </span>
        {(a.progress ?? 0) > 0.02 && <ProgressBar progress={a.progress ?? 0} />}
      </button>
      <div className="article-row-tools">
        {editingTags ? (
          <input
            className="tag-input"
            aria-label={`Tags for ${a.title}, separated by commas`}
            defaultValue={(a.tags ?? []).join(', ')}
            autoFocus
            onKeyDown={(e) => {
              if (e.key === 'Enter') on.onSaveTags(e.currentTarget.value);
              if (e.key === 'Escape') on.onEditTags(false);
            }}
            onBlur={(e) => on.onSaveTags(e.currentTarget.value)}
          />
        ) : (
          <button
            type="button"
            className="tags"
            onClick={() => on.onEditTags(true)}
            aria-label={`${tagText(a)}: edit the tags of ${a.title}`}
          >
            {tagText(a)}
          </button>
        )}
        <button
          type="button"
          className="row-delete"
          onClick={on.onTrash}
          aria-label={`Delete: Move ${a.title} to the trash`}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
