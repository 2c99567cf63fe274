import type { Block } from '../model/article.ts';

/** A span of text to decorate, such as a highlight or an attributed passage. */
export interface Decoration {
  id: string;
  start: number;
  end: number;
}

/** A run of text inside one block over which the set of decorations does not change. */
export interface Segment {
  start: number;
  end: number;
  /**
   * Highlights covering the run, longest first, so nesting them in this order puts the shortest
   * innermost.
   */
  highlights: string[];
  /**
   * The attributed passage covering the run, if any (the one that starts last when several
   * overlap).
   */
  attribution: string | null;
  /** Decorations that begin exactly here, so the renderer can make their first run focusable. */
  starts: string[];
}

export interface BlockSegments {
  block: Block;
  segments: Segment[];
  /** Offsets inside the block where words appear to be missing. */
  gaps: number[];
}

interface Boundary {
  at: number;
  open: boolean;
  id: string;
  layer: 'highlight' | 'attribution';
  length: number;
}

/**
 * Cuts each block into runs at every decoration boundary in one sweep over all boundaries
 * (O((B + D) log D) for B blocks and D decorations), so that painting a long article with
 * thousands of highlights stays linear in what is shown rather than quadratic.
 */
export function segmentBlocks(
  blocks: readonly Block[],
  highlights: readonly Decoration[],
  attributions: readonly Decoration[],
  gapOffsets: readonly number[] = [],
): BlockSegments[] {
  const boundaries: Boundary[] = [];
  const add = (d: Decoration, layer: Boundary['layer']) => {
    if (d.end <= d.start) return;
    const length = d.end - d.start;
    boundaries.push({ at: d.start, open: true, id: d.id, layer, length });
    boundaries.push({ at: d.end, open: false, id: d.id, layer, length });
  };
  highlights.forEach((d) => add(d, 'highlight'));
  attributions.forEach((d) => add(d, 'attribution'));
  boundaries.sort((a, b) => a.at - b.at || Number(a.open) - Number(b.open));
  const gaps = [...gapOffsets].sort((a, b) => a - b);

  const activeHighlights = new Map<string, number>();
  const activeAttributions: string[] = [];
  let cursor = 0;
  let gapCursor = 0;
  const result: BlockSegments[] = [];

  const apply = (b: Boundary) => {
    if (b.layer === 'highlight') {
      if (b.open) activeHighlights.set(b.id, b.length);
      else activeHighlights.delete(b.id);
    } else if (b.open) activeAttributions.push(b.id);
    else {
      const i = activeAttributions.lastIndexOf(b.id);
      if (i >= 0) activeAttributions.splice(i, 1);
    }
  };
  const highlightOrder = () =>
    [...activeHighlights.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([id]) => id);

  // Decorations opened but not yet shown: the next run painted carries their focusable start,
  // even when they open between blocks (a selection that began at a paragraph's end).
  const pending = new Set<string>();
  const applyWithStart = (b: Boundary) => {
    apply(b);
    if (b.open) pending.add(b.id);
    else pending.delete(b.id);
  };

  for (const block of blocks) {
    const segments: Segment[] = [];
    while (cursor < boundaries.length && boundaries[cursor]!.at <= block.start)
      applyWithStart(boundaries[cursor++]!);
    let position = block.start;
    while (position < block.end) {
      let next = block.end;
      if (cursor < boundaries.length && boundaries[cursor]!.at < next)
        next = boundaries[cursor]!.at;
      if (next > position) {
        segments.push({
          start: position,
          end: next,
          highlights: highlightOrder(),
          attribution: activeAttributions[activeAttributions.length - 1] ?? null,
          starts: [...pending],
        });
        pending.clear();
        position = next;
      }
      while (
        cursor < boundaries.length &&
        boundaries[cursor]!.at === position &&
        position < block.end
      )
        applyWithStart(boundaries[cursor++]!);
    }
    const blockGaps: number[] = [];
    while (gapCursor < gaps.length && gaps[gapCursor]! <= block.end) {
      const g = gaps[gapCursor++]!;
      if (g >= block.start) blockGaps.push(g);
    }
    result.push({ block, segments, gaps: blockGaps });
  }
  return result;
}
