import { describe, expect, it } from 'vitest';
import type { Block } from '../../common/model/article.ts';
import { sentenceAfter, sentenceBefore, sentencesOfBlock } from '../../common/reader/sentences.ts';

const text = 'A heading\n\nFirst one. Second one, said Ali. Third!\n\nLast paragraph here.';
/** The blocks of `text`: its paragraphs, the first a heading. */
const blocks: Block[] = text.split('\n\n').map((part, i, parts) => {
  const start = parts.slice(0, i).reduce((n, p) => n + p.length + 2, 0);
  return { start, end: start + part.length, kind: i === 0 ? 'heading' : 'paragraph' };
});
const [, middle, last] = blocks;
const words = (s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);

describe('sentences for keyboard stepping', () => {
  it('splits a block into sentences without their trailing spaces', () => {
    expect(sentencesOfBlock(text, middle!).map(words)).toEqual([
      'First one.',
      'Second one, said Ali.',
      'Third!',
    ]);
  });

  it('treats a heading without a full stop as a sentence of its own', () => {
    expect(words(sentenceAfter(text, blocks, 0))).toBe('A heading');
    expect(words(sentenceAfter(text, blocks, 9))).toBe('First one.');
  });

  it('steps forward and back across paragraphs and stops at either end', () => {
    expect(words(sentenceAfter(text, blocks, middle!.end))).toBe('Last paragraph here.');
    expect(sentenceAfter(text, blocks, last!.end)).toBeNull();
    expect(words(sentenceBefore(text, blocks, last!.start))).toBe('Third!');
    expect(sentenceBefore(text, blocks, 0)).toBeNull();
  });
});
