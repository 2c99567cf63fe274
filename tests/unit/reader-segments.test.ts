import { describe, expect, it } from 'vitest';
import { segmentBlocks } from '../../common/reader/segments.ts';
import type { Block } from '../../common/model/article.ts';

const blocks: Block[] = [
  { start: 0, end: 10, kind: 'paragraph' },
  { start: 12, end: 30, kind: 'paragraph' },
];

describe('cutting blocks into runs for painting', () => {
  it('nests overlapping highlights longest first and marks where each begins', () => {
    const [first] = segmentBlocks(
      blocks,
      [
        { id: 'long', start: 2, end: 9 },
        { id: 'short', start: 4, end: 6 },
      ],
      [],
    );
    expect(first!.segments.map((s) => [s.start, s.end, s.highlights, s.starts])).toEqual([
      [0, 2, [], []],
      [2, 4, ['long'], ['long']],
      [4, 6, ['long', 'short'], ['short']],
      [6, 9, ['long'], []],
      [9, 10, [], []],
    ]);
  });

  it('gives a highlight that begins between two blocks its start in the next block', () => {
    const [, second] = segmentBlocks(blocks, [{ id: 'h', start: 10, end: 15 }], []);
    expect(second!.segments[0]).toMatchObject({
      start: 12,
      end: 15,
      highlights: ['h'],
      starts: ['h'],
    });
  });

  it('carries a highlight across blocks but marks only its first run as its start', () => {
    const [first, second] = segmentBlocks(blocks, [{ id: 'h', start: 5, end: 20 }], []);
    expect(first!.segments.filter((s) => s.starts.includes('h'))).toHaveLength(1);
    expect(second!.segments.every((s) => !s.starts.includes('h'))).toBe(true);
    expect(second!.segments[0]!.highlights).toEqual(['h']);
  });

  it('puts each gap in the block that holds it, including one at a block end', () => {
    const result = segmentBlocks(blocks, [], [], [10, 3, 20]);
    expect(result.map((b) => b.gaps)).toEqual([[3, 10], [20]]);
  });
});
