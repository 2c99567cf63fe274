import type { ArticleSummary } from '../../common/model/article.ts';

export type SortKey = 'added' | 'published' | 'title';
export type ReadFilter = 'all' | 'unread' | 'reading' | 'read';

/** Read this far and an article counts as read. */
const READ_THRESHOLD = 0.97;

/** Whether an article is unread, being read, or read, from how far the reader got. */
export function readState(a: ArticleSummary): Exclude<ReadFilter, 'all'> {
  const p = a.progress ?? 0;
  return p >= READ_THRESHOLD ? 'read' : p > 0.02 ? 'reading' : 'unread';
}

/** The articles in the chosen order: newest added, newest published, or by title. */
export function sortArticles(list: ArticleSummary[], key: SortKey): ArticleSummary[] {
  const sorted = [...list];
  if (key === 'title') sorted.sort((a, b) => a.title.localeCompare(b.title));
  else if (key === 'published')
    sorted.sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
  else sorted.sort((a, b) => b.addedAt.localeCompare(a.addedAt));
  return sorted;
}
