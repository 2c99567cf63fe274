import type { Block, BlockImage, BlockKind, InlineMark } from '../model/article.ts';
import type { DraftMark } from './inline-marks.ts';

/** A block's text before offsets are assigned. */
export interface DraftBlock {
  kind: BlockKind;
  text: string;
  level?: number;
  /** A figure's picture. */
  image?: BlockImage;
  /** Inline formatting over the draft's own text. */
  marks?: DraftMark[];
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
    const marks = placeMarks(draft, start, body.length);
    if (marks.length) block.marks = marks;
    blocks.push(block);
  }
  return { text, blocks };
}

/** A draft's marks as offsets into the canonical text, clipped to the trimmed body. */
function placeMarks(draft: DraftBlock, start: number, length: number): InlineMark[] {
  if (!draft.marks?.length) return [];
  const lead = draft.text.length - draft.text.trimStart().length;
  const placed: InlineMark[] = [];
  for (const m of draft.marks) {
    const from = Math.max(0, m.start - lead);
    const to = Math.min(length, m.end - lead);
    if (to <= from) continue;
    const mark: InlineMark = { start: start + from, end: start + to, kind: m.kind };
    if (m.href) mark.href = m.href;
    placed.push(mark);
  }
  return placed;
}

/** Folds the line breaks and runs of spaces inside one paragraph into single spaces. */
export function foldLines(paragraph: string): string {
  return paragraph
    .replace(/[ \t]*\r?\n[ \t]*/g, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/**
 * Counts words the way a reader would: runs of letters or digits, apostrophes and hyphens
 * inside.
 */
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return matches ? matches.length : 0;
}
