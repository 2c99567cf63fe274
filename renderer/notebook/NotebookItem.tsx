import type { NotebookEntry } from '../../common/notebook/notebook-filter.ts';
import { localDate } from '../format.ts';
import { renderNote } from '../reader/note-markdown.ts';

interface Props {
  entry: NotebookEntry;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onOpen: () => void;
}

/**
 * One highlight in the notebook: a checkbox to choose it for export, its passage (a button
 * that opens the article there) in its colour, its note rendered as safe Markdown, and where
 * it came from.
 */
export function NotebookItem({ entry, selected, onSelect, onOpen }: Props) {
  const { highlight: h, article } = entry;
  const quoteId = `nb-quote-${h.id}`;
  const speaker = h.attribution?.name;
  return (
    <li className={`notebook-item hl-edge-${h.color}`} data-hid={h.id}>
      <input
        type="checkbox"
        className="notebook-check"
        checked={selected}
        aria-labelledby={quoteId}
        onChange={(e) => onSelect(e.target.checked)}
      />
      <div className="notebook-entry">
        <button
          type="button"
          id={quoteId}
          className="notebook-quote"
          onClick={onOpen}
          title={`Open “${article.title}” at this passage`}
        >
          <span className={`notebook-swatch hl-swatch-${h.color}`} aria-hidden="true" />
          <span className="visually-hidden">{h.color} highlight: </span>
          {h.quote.exact}
        </button>
        {h.note && (
          <div
            className="notebook-note note-text"
            // Rendered by marked and sanitised by DOMPurify (note-markdown.ts).
            dangerouslySetInnerHTML={{ __html: renderNote(h.note) }}
          />
        )}
        <p className="notebook-meta">
          <span className="notebook-article">{article.title}</span>
          {speaker && <span> · {speaker}</span>}
          {h.orphan && <span> · could not be placed</span>}
          <span> · {localDate(h.created)}</span>
        </p>
      </div>
    </li>
  );
}
