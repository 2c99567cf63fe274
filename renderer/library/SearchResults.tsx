import type { SearchResult } from '../../common/api.ts';
import { plural } from '../format.ts';
import type { ReaderTarget } from '../reader/ReaderView.tsx';
import { Snippet } from './Snippet.tsx';

/** The hits of a library search, each opening its article at the hit. */
export function SearchResults({
  results,
  onOpen,
}: {
  results: SearchResult[];
  onOpen: (id: string, target?: ReaderTarget) => void;
}) {
  return (
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
  );
}
