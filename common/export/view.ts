/**
 * The data of one exported file, shared by the default layout and user templates: highlights
 * sorted, placed or not, attributed, given block ids, their text escaped and notes made safe.
 */

import type { Article } from '../model/article.ts';
import type { Highlight, HighlightColor } from '../model/highlight.ts';
import { attributionText, findAttribution, passageWithGapMarks } from './attribution-line.ts';
import { uniqueBlockIds } from './block-id.ts';
import { escapedLines, escapeOneLine, quoteLines, splitLines } from './escape-markdown.ts';
import { frontMatter, yamlScalar } from './front-matter.ts';
import { safeNote } from './safe-note.ts';

/** Options of an export. */
export interface ExportOptions {
  /** When the export was made, written as given (ISO 8601 expected); the only varying field. */
  exported: string;
  /** Add each highlight's colour as a tag (`#yellow`) after its note. */
  colorTags?: boolean;
  /** A Mustache template replacing the default layout (see TEMPLATES.md). */
  template?: string;
}

/** One highlight as the export writes it. Field names are the template placeholders. */
export interface HighlightView {
  /** The highlight's id. */
  id: string;
  /** 1-based position in its list (placed highlights, or the ones that could not be placed). */
  index: number;
  /** The highlighted text escaped for Markdown; paragraphs separated by blank lines. */
  text: string;
  /** The highlighted text exactly as stored. */
  rawText: string;
  /** `text` as block-quote lines (`> …`), without attribution line or block id. */
  quoted: string;
  /**
   * Escaped attribution line text ("Name, role"), '' when the highlight is in no attributed
   * passage.
   */
  source: string;
  /** `source` unescaped. */
  rawSource: string;
  /**
   * The note as written, with only the repairs that keep it from breaking the file (safe-note.ts).
   */
  note: string;
  /** The note exactly as stored. */
  rawNote: string;
  color: HighlightColor;
  /** `#colour` when the colorTags option is on, '' otherwise. */
  colorTag: string;
  /** The highlight's tags, comma-separated (`syria, turkey`). */
  tags: string;
  /** The highlight's tags as hashtags (`#syria #turkey`). */
  hashtags: string;
  tagList: string[];
  /** Block id with its marker (`^h-1a2b3c4d`), unique within the file. */
  blockId: string;
  /** Block id without the marker (`h-1a2b3c4d`), for links (`[[file#^h-1a2b3c4d]]`). */
  blockRef: string;
  created: string;
  updated: string;
}

/** YAML-encoded scalars, for templates that write their own front matter. */
export interface YamlView {
  title: string;
  source: string;
  dateline: string;
  publisher: string;
  published: string;
  exported: string;
  id: string;
  tags: string;
}

/** One article as the export writes it. Field names are the template placeholders. */
export interface ArticleView {
  /** Title on one line, escaped for Markdown. */
  title: string;
  rawTitle: string;
  /** Escaped for Markdown; '' when unknown. */
  source: string;
  dateline: string;
  publisher: string;
  /** As stored (ISO 8601), '' when unknown. */
  published: string;
  exported: string;
  id: string;
  tags: string;
  hashtags: string;
  tagList: string[];
  /** Number of highlights in the file, placed or not. */
  highlightCount: number;
  /** The default front matter block, from `---` to `---` with a final line break. */
  frontMatter: string;
  yaml: YamlView;
  /** Placed highlights in text order. */
  highlights: HighlightView[];
  /** Highlights that could not be placed, oldest first. */
  orphans: HighlightView[];
  hasHighlights: boolean;
  hasOrphans: boolean;
}

/** Tags without `#`, trimmed, deduplicated and sorted by code unit (locale-independent). */
export function normalizeTags(tags: readonly string[]): string[] {
  const set = new Set<string>();
  for (const t of tags) {
    const tag = t.replace(/^#+/, '').trim();
    if (tag !== '') set.add(tag);
  }
  return [...set].sort(compareStrings);
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when the highlight's stored position lies inside the article's text. */
function isPlaceable(h: Highlight, textLength: number): boolean {
  const { start, end } = h.position;
  return (
    !h.orphan &&
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    start <= end &&
    end <= textLength
  );
}

/** Builds the view of one article and its highlights. */
export function buildView(
  article: Article,
  highlights: readonly Highlight[],
  options: ExportOptions,
): ArticleView {
  for (const h of highlights) {
    if (h.articleId !== article.id) {
      throw new Error(`Highlight ${h.id} belongs to article ${h.articleId}, not to ${article.id}`);
    }
  }
  // Sorting makes the output independent of the order the caller passes highlights in.
  const placed = highlights
    .filter((h) => isPlaceable(h, article.text.length))
    .sort(
      (a, b) =>
        a.position.start - b.position.start ||
        a.position.end - b.position.end ||
        compareStrings(a.id, b.id),
    );
  const orphans = highlights
    .filter((h) => !isPlaceable(h, article.text.length))
    .sort((a, b) => compareStrings(a.created, b.created) || compareStrings(a.id, b.id));
  const blockIds = uniqueBlockIds([...placed, ...orphans].map((h) => h.id));

  const view = (
    h: Highlight,
    index: number,
    blockRef: string,
    placedHere: boolean,
  ): HighlightView => {
    const attribution = placedHere
      ? findAttribution(article.attributions, h.position.start, h.position.end)
      : null;
    const rawSource = attribution ? attributionText(attribution.source) : '';
    const tagList = normalizeTags(h.tags);
    // The quoted text marks where the feed cut words ("‸"); rawText stays exactly as stored.
    const shown = placedHere
      ? passageWithGapMarks(
          article.text,
          h.quote.exact,
          h.position.start,
          h.position.end,
          article.gaps,
        )
      : h.quote.exact;
    return {
      id: h.id,
      index: index + 1,
      text: escapedLines(shown).join('\n'),
      rawText: h.quote.exact,
      quoted: quoteLines(shown).join('\n'),
      source: rawSource === '' ? '' : escapeOneLine(rawSource),
      rawSource,
      note: safeNote(h.note),
      rawNote: h.note,
      color: h.color,
      colorTag: options.colorTags === true ? `#${h.color}` : '',
      tags: tagList.join(', '),
      hashtags: tagList.map((t) => `#${t}`).join(' '),
      tagList,
      blockId: `^${blockRef}`,
      blockRef,
      created: h.created,
      updated: h.updated,
    };
  };
  const placedViews = placed.map((h, i) => view(h, i, blockIds[i] ?? '', true));
  const orphanViews = orphans.map((h, i) => view(h, i, blockIds[placed.length + i] ?? '', false));

  const tagList = normalizeTags(highlights.flatMap((h) => h.tags));
  const rawTitle = splitLines(article.title).join(' ').replace(/\s+/g, ' ').trim();
  const exported = options.exported;
  return {
    title: escapeOneLine(rawTitle),
    rawTitle,
    source: escapeOneLine(article.source ?? ''),
    dateline: escapeOneLine(article.dateline ?? ''),
    publisher: escapeOneLine(article.publisher ?? ''),
    published: article.published ?? '',
    exported,
    id: article.id,
    tags: tagList.join(', '),
    hashtags: tagList.map((t) => `#${t}`).join(' '),
    tagList,
    highlightCount: highlights.length,
    frontMatter: frontMatter({
      title: rawTitle,
      source: article.source,
      dateline: article.dateline,
      publisher: article.publisher,
      published: article.published,
      tags: tagList,
      highlights: highlights.length,
      exported,
      gloss_id: article.id,
    }),
    yaml: {
      title: yamlScalar(rawTitle, true),
      source: yamlScalar(article.source ?? ''),
      dateline: yamlScalar(article.dateline ?? ''),
      publisher: yamlScalar(article.publisher ?? ''),
      published: yamlScalar(article.published ?? ''),
      exported: yamlScalar(exported),
      id: yamlScalar(article.id),
      tags: yamlScalar(tagList),
    },
    highlights: placedViews,
    orphans: orphanViews,
    hasHighlights: placedViews.length > 0,
    hasOrphans: orphanViews.length > 0,
  };
}
