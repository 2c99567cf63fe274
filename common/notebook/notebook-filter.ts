/**
 * The notebook's list: every highlight of the library as one flat list, filtered by colour,
 * tag, article, source and speaker, searched by words, and sorted by date or by article. Pure.
 */

import type { ArticleSummary } from '../model/article.ts';
import type { Highlight, HighlightColor } from '../model/highlight.ts';

/** One highlight with the row of the article it belongs to. */
export interface NotebookEntry {
  highlight: Highlight;
  article: ArticleSummary;
}

export type NotebookSort = 'date' | 'article';

/** What the user chose to see; an empty string means "any". */
export interface NotebookFilter {
  query: string;
  color: HighlightColor | '';
  tag: string;
  articleId: string;
  source: string;
  speaker: string;
  sort: NotebookSort;
}

export const NO_FILTER: NotebookFilter = {
  query: '',
  color: '',
  tag: '',
  articleId: '',
  source: '',
  speaker: '',
  sort: 'date',
};

/** The speaker value for highlights that lie in no attributed passage. */
export const NO_SPEAKER = '(no speaker)';

/** Who wrote or published the article, as the library's source filter names it. */
export function sourceOf(article: ArticleSummary): string {
  return article.source ?? article.publisher ?? '';
}

/** The person or body the highlighted passage is attributed to, or NO_SPEAKER. */
export function speakerOf(h: Highlight): string {
  return h.attribution?.name ?? NO_SPEAKER;
}

/** Flattens the service's groups into entries. */
export function flattenNotebook(
  groups: ReadonlyArray<{ article: ArticleSummary; highlights: readonly Highlight[] }>,
): NotebookEntry[] {
  return groups.flatMap(({ article, highlights }) =>
    highlights.map((highlight) => ({ highlight, article })),
  );
}

/** Words of a search, lower-cased; an entry matches when it holds every one of them. */
function words(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

function haystack(e: NotebookEntry): string {
  const h = e.highlight;
  return [h.quote.exact, h.note, e.article.title, h.tags.join(' '), h.attribution?.name ?? '']
    .join('\n')
    .toLowerCase();
}

/** The entries the filter lets through, in its order. */
export function filterNotebook(
  entries: readonly NotebookEntry[],
  filter: NotebookFilter,
): NotebookEntry[] {
  const wanted = words(filter.query);
  const kept = entries.filter((e) => {
    const h = e.highlight;
    if (filter.color && h.color !== filter.color) return false;
    if (filter.tag && !h.tags.some((t) => t.toLowerCase() === filter.tag.toLowerCase()))
      return false;
    if (filter.articleId && e.article.id !== filter.articleId) return false;
    if (filter.source && sourceOf(e.article) !== filter.source) return false;
    if (filter.speaker && speakerOf(h) !== filter.speaker) return false;
    if (wanted.length) {
      const text = haystack(e);
      if (!wanted.every((w) => text.includes(w))) return false;
    }
    return true;
  });
  return filter.sort === 'date'
    ? kept.sort(
        (a, b) =>
          b.highlight.created.localeCompare(a.highlight.created) ||
          a.highlight.id.localeCompare(b.highlight.id),
      )
    : kept.sort(
        (a, b) =>
          a.article.title.localeCompare(b.article.title) ||
          a.article.id.localeCompare(b.article.id) ||
          a.highlight.position.start - b.highlight.position.start,
      );
}

/** The values each filter can take, from the entries present, sorted for people. */
export function notebookFacets(entries: readonly NotebookEntry[]): {
  tags: string[];
  articles: Array<{ id: string; title: string }>;
  sources: string[];
  speakers: string[];
} {
  const tags = new Map<string, string>();
  const articles = new Map<string, string>();
  const sources = new Set<string>();
  const speakers = new Set<string>();
  for (const e of entries) {
    for (const t of e.highlight.tags) if (!tags.has(t.toLowerCase())) tags.set(t.toLowerCase(), t);
    articles.set(e.article.id, e.article.title);
    const source = sourceOf(e.article);
    if (source) sources.add(source);
    speakers.add(speakerOf(e.highlight));
  }
  const byName = (a: string, b: string) => a.localeCompare(b);
  return {
    tags: [...tags.values()].sort(byName),
    articles: [...articles]
      .map(([id, title]) => ({ id, title }))
      .sort((a, b) => byName(a.title, b.title)),
    sources: [...sources].sort(byName),
    speakers: [...speakers].sort((a, b) =>
      a === NO_SPEAKER ? 1 : b === NO_SPEAKER ? -1 : byName(a, b),
    ),
  };
}
