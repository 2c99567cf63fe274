import type { Highlight } from '../../common/model/highlight.ts';
import { sameBlockSegments } from '../../common/reader/same-segments.ts';
import type { BlockSegments } from '../../common/reader/segments.ts';

/** What a paragraph of the article is rendered from (ArticleBody's ArticleBlock). */
interface BlockInput {
  item: BlockSegments;
  text: string;
  articleId: string;
  decorated: boolean;
  byId: Map<string, Highlight>;
  attributionLength: (id: string) => number;
}

/**
 * Whether a paragraph would render as it did: its runs are the same and each highlight in it
 * is the same object (colour, note and quote unchanged). Creating, recolouring or deleting one
 * highlight then renders only the paragraphs it is in, not all of a long article's thousands.
 */
export function sameBlock(prev: BlockInput, next: BlockInput): boolean {
  if (
    prev.decorated !== next.decorated ||
    prev.text !== next.text ||
    prev.articleId !== next.articleId ||
    prev.attributionLength !== next.attributionLength ||
    !sameBlockSegments(prev.item, next.item)
  )
    return false;
  // A paragraph far from the view is plain text: its highlights do not show in it.
  if (!next.decorated || prev.byId === next.byId) return true;
  for (const segment of next.item.segments)
    for (const id of segment.highlights) if (prev.byId.get(id) !== next.byId.get(id)) return false;
  return true;
}
