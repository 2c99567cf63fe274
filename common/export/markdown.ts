/**
 * Markdown export of one article and its highlights: YAML front matter, the title, each placed
 * highlight as a block quote (with its source and a block id) followed by its note, and the
 * highlights that could not be placed at the end. Pure: no Node, no DOM.
 */

import type { Article } from '../model/article.ts';
import type { Highlight } from '../model/highlight.ts';
import { renderTemplate } from './template.ts';
import { buildView, type ArticleView, type ExportOptions, type HighlightView } from './view.ts';

export type { ExportOptions } from './view.ts';
export { suggestedFileName, safeFileNames } from './file-name.ts';

/** Heading of the section listing highlights whose text could not be found in the article. */
export const ORPHANS_HEADING = '## Could not be placed';

/**
 * One highlight in the default layout: the quote (attribution line inside it when known, block
 * id at the end of its last line), then the note and the colour tag, each after a blank line.
 */
function highlightBlock(h: HighlightView): string {
  const lines = h.quoted === '' ? ['>'] : h.quoted.split('\n');
  if (h.source !== '') lines.push(`> — ${h.source}`);
  const last = lines.length - 1;
  lines[last] = `${lines[last] ?? '>'} ${h.blockId}`;
  const parts = [lines.join('\n')];
  if (h.note !== '') parts.push(h.note);
  if (h.colorTag !== '') parts.push(h.colorTag);
  return parts.join('\n\n');
}

/** The default layout. */
function defaultLayout(view: ArticleView): string {
  const parts = [`# ${view.title === '' ? 'Untitled' : view.title}`];
  for (const h of view.highlights) parts.push(highlightBlock(h));
  if (view.hasOrphans) {
    parts.push(ORPHANS_HEADING);
    for (const h of view.orphans) parts.push(highlightBlock(h));
  }
  return `${view.frontMatter}\n${parts.join('\n\n')}\n`;
}

/**
 * The Markdown file for `article`. The same article, highlights and options always give the
 * same string, whatever order the highlights come in; only `options.exported` varies it.
 * With `options.template`, the template replaces the default layout (see TEMPLATES.md);
 * a template that does not parse throws a TemplateError naming the line and column.
 * Throws when a highlight belongs to another article.
 */
export function exportMarkdown(
  article: Article,
  highlights: Highlight[],
  options: ExportOptions,
): string {
  const view = buildView(article, highlights, options);
  if (options.template !== undefined) return renderTemplate(options.template, view);
  return defaultLayout(view);
}
