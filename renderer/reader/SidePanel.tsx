import { useMemo, useState } from 'react';
import type { Article } from '../../common/model/article.ts';
import {
  HIGHLIGHT_COLORS,
  type Highlight,
  type HighlightColor,
} from '../../common/model/highlight.ts';
import { groupSources } from '../../common/reader/sources.ts';
import { plural } from '../format.ts';
import { renderNoteInert } from './note-markdown.ts';

interface Props {
  tab: 'highlights' | 'sources';
  article: Article;
  highlights: Highlight[];
  onTab(tab: 'highlights' | 'sources'): void;
  onClose(): void;
  onJumpHighlight(id: string): void;
  onJumpStatement(index: number): void;
}

const KIND_LABEL = {
  person: 'person',
  organization: 'organization',
  group: 'group',
  unknown: 'unknown',
} as const;

/** The highlights list (with colour and tag filters) and the article's sources. */
export function SidePanel(props: Props) {
  const { tab, article, highlights } = props;
  const [color, setColor] = useState<HighlightColor | null>(null);
  const [tag, setTag] = useState<string | null>(null);
  const tags = useMemo(
    () => [...new Set(highlights.flatMap((h) => h.tags))].sort((a, b) => a.localeCompare(b)),
    [highlights],
  );
  const inOrder = useMemo(
    () =>
      [...highlights].sort(
        (a, b) => a.position.start - b.position.start || a.position.end - b.position.end,
      ),
    [highlights],
  );
  const shown = inOrder.filter(
    (h) => (!color || h.color === color) && (!tag || h.tags.includes(tag)),
  );
  const placed = shown.filter((h) => !h.orphan);
  const orphans = shown.filter((h) => h.orphan);
  const sources = useMemo(() => groupSources(article.attributions), [article.attributions]);

  return (
    <aside className="side-panel" aria-label={tab === 'highlights' ? 'Highlights' : 'Sources'}>
      <div className="side-tabs">
        <div className="side-tablist" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'highlights'}
            onClick={() => props.onTab('highlights')}
          >
            Highlights ({highlights.length})
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'sources'}
            onClick={() => props.onTab('sources')}
          >
            Sources ({sources.length})
          </button>
        </div>
        <button
          type="button"
          className="side-close"
          aria-label="Close panel"
          onClick={() => props.onClose()}
        >
          ×
        </button>
      </div>
      {tab === 'highlights' ? (
        <div role="tabpanel">
          <div className="filters" aria-label="Filter highlights">
            {HIGHLIGHT_COLORS.map((c) => (
              <button
                key={c}
                type="button"
                className={`swatch small hl-${c}`}
                aria-pressed={color === c}
                aria-label={`Only ${c}`}
                onClick={() => setColor(color === c ? null : c)}
              />
            ))}
            {tags.map((t) => (
              <button
                key={t}
                type="button"
                className="tag-filter"
                aria-pressed={tag === t}
                onClick={() => setTag(tag === t ? null : t)}
              >
                #{t}
              </button>
            ))}
          </div>
          {highlights.length === 0 && (
            <p className="empty">Select words in the text to highlight them.</p>
          )}
          <ol className="highlight-list">
            {placed.map((h) => (
              <li key={h.id}>
                <button
                  type="button"
                  className={`highlight-item hl-border-${h.color}`}
                  onClick={() => props.onJumpHighlight(h.id)}
                >
                  <span className="highlight-quote">{h.quote.exact}</span>
                  {h.note && (
                    <span
                      className="highlight-note note-text"
                      // Rendered by marked, sanitised by DOMPurify, links made text.
                      dangerouslySetInnerHTML={{ __html: renderNoteInert(h.note) }}
                    />
                  )}
                </button>
              </li>
            ))}
          </ol>
          {orphans.length > 0 && (
            <>
              <h3 className="panel-heading">Could not be placed</h3>
              <p className="panel-hint">
                The text changed and these passages were not found; their notes are kept.
              </p>
              <ol className="highlight-list">
                {orphans.map((h) => (
                  <li key={h.id} className={`highlight-item orphan hl-border-${h.color}`}>
                    <span className="highlight-quote">{h.quote.exact}</span>
                    {h.note && (
                      <span
                        className="highlight-note note-text"
                        // Rendered by marked, sanitised by DOMPurify, links made text.
                        dangerouslySetInnerHTML={{ __html: renderNoteInert(h.note) }}
                      />
                    )}
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      ) : (
        <div role="tabpanel">
          {sources.length === 0 && (
            <p className="empty">No quotations or reported statements were found.</p>
          )}
          <ul className="source-list">
            {sources.map((g) => (
              <li key={g.key} className="source-item">
                <p className="source-name">
                  {g.source.name ?? 'Unknown source (name missing in the text)'}
                  <span className={`source-kind kind-${g.source.kind}`}>
                    {KIND_LABEL[g.source.kind]}
                  </span>
                </p>
                {g.source.role && <p className="source-role">{g.source.role}</p>}
                <p className="source-count">{plural(g.statements.length, 'statement')}</p>
                <ol className="statement-list">
                  {g.statements.map((i) => {
                    const a = article.attributions[i]!;
                    return (
                      <li key={i}>
                        <button
                          type="button"
                          className="statement"
                          onClick={() => props.onJumpStatement(i)}
                        >
                          {a.kind === 'direct' ? `“${a.quote}”` : a.quote}
                        </button>
                      </li>
                    );
                  })}
                </ol>
              </li>
            ))}
          </ul>
        </div>
      )}
    </aside>
  );
}
