import {
  NO_FILTER,
  type NotebookFilter,
  type notebookFacets,
} from '../../common/notebook/notebook-filter.ts';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../common/model/highlight.ts';

interface Props {
  filter: NotebookFilter;
  facets: ReturnType<typeof notebookFacets>;
  onChange: (next: NotebookFilter) => void;
}

/** The notebook's search box, its five filters and its sort order. */
export function NotebookFilters({ filter, facets, onChange }: Props) {
  const set = (patch: Partial<NotebookFilter>) => onChange({ ...filter, ...patch });
  const filtered = Object.entries(NO_FILTER).some(
    ([k, v]) => k !== 'sort' && filter[k as keyof NotebookFilter] !== v,
  );
  return (
    <div className="library-tools">
      <input
        type="search"
        className="library-search"
        placeholder="Search highlights and notes"
        aria-label="Search highlights and notes"
        value={filter.query}
        onChange={(e) => set({ query: e.target.value })}
      />
      <div className="library-filters">
        <label>
          Colour
          <select
            value={filter.color}
            onChange={(e) => set({ color: e.target.value as HighlightColor | '' })}
          >
            <option value="">All</option>
            {HIGHLIGHT_COLORS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <select value={filter.tag} onChange={(e) => set({ tag: e.target.value })}>
            <option value="">All</option>
            {facets.tags.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          Article
          <select value={filter.articleId} onChange={(e) => set({ articleId: e.target.value })}>
            <option value="">All</option>
            {facets.articles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source
          <select value={filter.source} onChange={(e) => set({ source: e.target.value })}>
            <option value="">All</option>
            {facets.sources.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Speaker
          <select value={filter.speaker} onChange={(e) => set({ speaker: e.target.value })}>
            <option value="">All</option>
            {facets.speakers.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Sort
          <select
            value={filter.sort}
            onChange={(e) => set({ sort: e.target.value as NotebookFilter['sort'] })}
          >
            <option value="date">Newest first</option>
            <option value="article">By article</option>
          </select>
        </label>
        {filtered && (
          <button
            type="button"
            className="bar-button"
            onClick={() => onChange({ ...NO_FILTER, sort: filter.sort })}
          >
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}
