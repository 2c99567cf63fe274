import type { Block, BlockImage, BlockKind } from '../model/article.ts';

/** A block's text before offsets are assigned. */
export interface DraftBlock {
  kind: BlockKind;
  text: string;
  level?: number;
  /** A figure's picture. */
  image?: BlockImage;
}

/** The separator between blocks in every canonical text. */
export const BLOCK_SEPARATOR = '\n\n';

/**
 * Joins draft blocks into one canonical text and records each block's offsets. Empty blocks
 * are dropped so that the text never holds two separators in a row.
 */
export function assembleText(drafts: DraftBlock[]): { text: string; blocks: Block[] } {
  const blocks: Block[] = [];
  let text = '';
  for (const draft of drafts) {
    const body = draft.text.trim();
    if (!body) continue;
    if (text) text += BLOCK_SEPARATOR;
    const start = text.length;
    text += body;
    const block: Block = { start, end: text.length, kind: draft.kind };
    if (draft.level !== undefined) block.level = draft.level;
    if (draft.image) block.image = { ...draft.image };
    blocks.push(block);
  }
  return { text, blocks };
}

/** Folds the line breaks and runs of spaces inside one paragraph into single spaces. */
export function foldLines(paragraph: string): string {
  return paragraph
    .replace(/[ \t]*\r?\n[ \t]*/g, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** Counts words the way a reader would: runs of letters or digits, apostrophes and hyphens inside. */
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu);
  return matches ? matches.length : 0;
}
