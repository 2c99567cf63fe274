import { describe, expect, it } from 'vitest';
import type { Block } from '../../../common/model/article.ts';
import { sameBlockSegments } from '../../../common/reader/same-segments.ts';
import { segmentBlocks } from '../../../common/reader/segments.ts';

const text = 'The harbour opens at six. The boats come in by nine.';
const blocks: Block[] = [
  { kind: 'paragraph', start: 0, end: 25 },
  { kind: 'paragraph', start: 26, end: text.length },
];

describe('whether a paragraph is cut into the same runs as before', () => {
  it('holds for paragraphs a new highlight elsewhere does not touch', () => {
    const before = segmentBlocks(blocks, [{ id: 'h1', start: 4, end: 11 }], []);
    const after = segmentBlocks(
      blocks,
      [
        { id: 'h1', start: 4, end: 11 },
        { id: 'h2', start: 30, end: 35 },
      ],
      [],
    );
    expect(sameBlockSegments(before[0]!, after[0]!)).toBe(true);
    expect(sameBlockSegments(before[1]!, after[1]!)).toBe(false);
  });

  it('fails when a highlight in the paragraph moves or another is nested in it', () => {
    const before = segmentBlocks(blocks, [{ id: 'h1', start: 4, end: 11 }], []);
    const moved = segmentBlocks(blocks, [{ id: 'h1', start: 4, end: 12 }], []);
    const nested = segmentBlocks(
      blocks,
      [
        { id: 'h1', start: 4, end: 11 },
        { id: 'h2', start: 5, end: 8 },
      ],
      [],
    );
    expect(sameBlockSegments(before[0]!, moved[0]!)).toBe(false);
    expect(sameBlockSegments(before[0]!, nested[0]!)).toBe(false);
  });
});
