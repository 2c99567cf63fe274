import type { BlockSegments, Segment } from './segments.ts';

const sameList = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function sameSegment(a: Segment, b: Segment): boolean {
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.attribution === b.attribution &&
    sameList(a.highlights, b.highlights) &&
    sameList(a.starts, b.starts)
  );
}

/**
 * Whether a block is cut into the same runs, with the same decorations, as before: the text is
 * cut afresh for the whole article whenever a highlight changes, and a block whose runs are all
 * as they were need not be rendered again.
 */
export function sameBlockSegments(a: BlockSegments, b: BlockSegments): boolean {
  if (a === b) return true;
  return (
    a.block === b.block &&
    sameList(a.gaps, b.gaps) &&
    a.segments.length === b.segments.length &&
    a.segments.every((s, i) => sameSegment(s, b.segments[i]!))
  );
}
