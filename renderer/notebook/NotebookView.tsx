import { useEffect, useMemo, useState } from 'react';
import {
  filterNotebook,
  flattenNotebook,
  NO_FILTER,
  notebookFacets,
  type NotebookEntry,
  type NotebookFilter,
} from '../../common/notebook/notebook-filter.ts';
import { gloss } from '../api.ts';
import { failureText } from '../failure.ts';
import { plural } from '../format.ts';
import type { ReaderTarget } from '../reader/ReaderView.tsx';
import { exportColorTags } from '../settings.ts';
import { NotebookFilters } from './NotebookFilters.tsx';
import { NotebookItem } from './NotebookItem.tsx';

interface Props {
  onOpen: (id: string, target: ReaderTarget) => void;
  onLibrary: () => void;
}

const keyOf = (e: NotebookEntry) => e.highlight.id;

/**
 * The notebook: every highlight and note in the library in one list, filtered and searched,
 * each opening its article at the passage; chosen ones export together as one Markdown file.
 */
export function NotebookView({ onOpen, onLibrary }: Props) {
  const [entries, setEntries] = useState<NotebookEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<NotebookFilter>(NO_FILTER);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    gloss.listAllHighlights().then(
      (groups) => setEntries(flattenNotebook(groups)),
      (e: unknown) => setError(failureText(e)),
    );
  }, []);

  const facets = useMemo(() => notebookFacets(entries ?? []), [entries]);
  const shown = useMemo(() => filterNotebook(entries ?? [], filter), [entries, filter]);
  const chosen = shown.filter((e) => selected.has(keyOf(e)));
  const allShownChosen = shown.length > 0 && chosen.length === shown.length;

  const choose = (keys: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const k of keys) {
        if (on) next.add(k);
        else next.delete(k);
      }
      return next;
    });

  const exportChosen = async (save: boolean) => {
    try {
      const { markdown, path } = await gloss.exportNotebook({
        highlights: chosen.map((e) => ({ articleId: e.article.id, id: e.highlight.id })),
        colorTags: exportColorTags(),
        save,
      });
      if (save) {
        if (path) setStatus(`Saved ${plural(chosen.length, 'highlight')} to ${path}`);
        return;
      }
      await navigator.clipboard.writeText(markdown);
      setStatus(`Copied ${plural(chosen.length, 'highlight')} as Markdown`);
    } catch (e) {
      setStatus(`Export failed: ${failureText(e)}`);
    }
  };

  return (
    <main className="library notebook" aria-labelledby="notebook-title">
      <header className="library-header">
        <h1 id="notebook-title">Notebook</h1>
        <div className="library-actions">
          {entries && <span className="library-count">{plural(entries.length, 'highlight')}</span>}
          <button type="button" className="bar-button" onClick={onLibrary}>
            Library
          </button>
        </div>
      </header>
      <NotebookFilters filter={filter} facets={facets} onChange={setFilter} />
      {error && (
        <p role="alert" className="error">
          Could not load the notebook: {error}
        </p>
      )}
      {entries && (
        <div className="notebook-actions" role="group" aria-label="Chosen highlights">
          <label className="notebook-all">
            <input
              type="checkbox"
              checked={allShownChosen}
              disabled={shown.length === 0}
              onChange={(e) => choose(shown.map(keyOf), e.target.checked)}
            />
            Choose all shown
          </label>
          <span className="library-count" aria-live="polite">
            {shown.length === entries.length
              ? plural(shown.length, 'highlight')
              : `${shown.length} of ${entries.length} highlights`}
            {chosen.length > 0 && ` · ${chosen.length} chosen`}
          </span>
          <button
            type="button"
            className="bar-button"
            disabled={chosen.length === 0}
            onClick={() => void exportChosen(false)}
          >
            Copy as Markdown
          </button>
          <button
            type="button"
            className="bar-button"
            disabled={chosen.length === 0}
            onClick={() => void exportChosen(true)}
          >
            Export to file…
          </button>
        </div>
      )}
      {entries && entries.length === 0 && (
        <p className="empty">
          No highlights yet. Select text in an article and choose a colour to keep a passage.
        </p>
      )}
      {entries && entries.length > 0 && shown.length === 0 && (
        <p className="empty">No highlight matches these filters.</p>
      )}
      <ul className="notebook-list" aria-label="Highlights">
        {shown.map((e) => (
          <NotebookItem
            key={keyOf(e)}
            entry={e}
            selected={selected.has(keyOf(e))}
            onSelect={(on) => choose([keyOf(e)], on)}
            onOpen={() =>
              onOpen(e.article.id, {
                offset: e.highlight.position.start,
                highlightId: e.highlight.id,
              })
            }
          />
        ))}
      </ul>
      {status && (
        <p className="notebook-status" role="status">
          {status}
        </p>
      )}
    </main>
  );
}
