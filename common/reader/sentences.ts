/**
 * Sentences of an article's text, for stepping through it from the keyboard. Each block is
 * split on its own (a heading or caption without a full stop is a sentence of its own), by
 * the platform's sentence segmenter; the spaces after a sentence are not part of it.
 */
import type { Block } from '../model/article.ts';

/** One sentence: its offsets in the article's text, end exclusive. */
export interface Sentence {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sentences of one block, in order. */
export function sentencesOfBlock(text: string, block: Block): Sentence[] {
  const out: Sentence[] = [];
  const slice = text.slice(block.start, block.end);
  for (const { segment, index } of segmenter.segment(slice)) {
    const trimmed = segment.trimEnd();
    const lead = trimmed.length - trimmed.trimStart().length;
    if (trimmed.length - lead === 0) continue;
    out.push({ start: block.start + index + lead, end: block.start + index + trimmed.length });
  }
  return out;
}

/** The first sentence that starts at or after `offset`, across blocks; null past the end. */
export function sentenceAfter(
  text: string,
  blocks: readonly Block[],
  offset: number,
): Sentence | null {
  for (const block of blocks) {
    if (block.end <= offset) continue;
    const found = sentencesOfBlock(text, block).find((s) => s.start >= offset);
    if (found) return found;
  }
  return null;
}

/** The last sentence that ends at or before `offset`, across blocks; null before the start. */
export function sentenceBefore(
  text: string,
  blocks: readonly Block[],
  offset: number,
): Sentence | null {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (block.start >= offset) continue;
    const before = sentencesOfBlock(text, block).filter((s) => s.end <= offset);
    if (before.length) return before[before.length - 1]!;
  }
  return null;
}
