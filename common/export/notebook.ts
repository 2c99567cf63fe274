/**
 * Markdown of highlights chosen from several articles at once (the notebook's export): one
 * document, a section per article in the order given, each highlight written as the
 * single-article export writes it (the same view, escaping and safe notes). Pure.
 */

import type { Article } from '../model/article.ts';
import type { Highlight } from '../model/highlight.ts';
import { buildView, type ExportOptions, type HighlightView } from './view.ts';

/** One article and the highlights of it that were chosen. */
export interface NotebookGroup {
  article: Article;
  highlights: Highlight[];
}

function highlightBlock(h: HighlightView): string {
  const lines = h.quoted === '' ? ['>'] : h.quoted.split('\n');
  if (h.source !== '') lines.push(`> — ${h.source}`);
  const parts = [lines.join('\n')];
  if (h.note !== '') parts.push(h.note);
  if (h.colorTag !== '') parts.push(h.colorTag);
  return parts.join('\n\n');
}

/**
 * The chosen highlights as one Markdown document: a heading per article with its source line,
 * then its highlights in text order (those that could not be placed after them). Block ids are
 * left out: they identify a passage within one article's file, not within a collection.
 */
export function exportNotebook(groups: readonly NotebookGroup[], options: ExportOptions): string {
  const parts = ['# Notebook'];
  for (const group of groups) {
    if (group.highlights.length === 0) continue;
    const view = buildView(group.article, group.highlights, options);
    parts.push(`## ${view.title === '' ? 'Untitled' : view.title}`);
    const origin = [view.source, view.publisher].filter((s) => s !== '').join(' · ');
    if (origin !== '') parts.push(`*${origin}*`);
    for (const h of [...view.highlights, ...view.orphans]) parts.push(highlightBlock(h));
  }
  return `${parts.join('\n\n')}\n`;
}
