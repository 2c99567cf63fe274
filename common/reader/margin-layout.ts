/** A margin note to place: where it would like to sit (level with its highlight) and its height. */
export interface MarginItem {
  id: string;
  desiredTop: number;
  height: number;
}

export interface PlacedMarginItem {
  id: string;
  top: number;
  /** How far below its highlight the note was pushed; the reader draws a leader when this is large. */
  displacement: number;
}

/**
 * Places margin notes level with their highlights, in document order, pushing each one down
 * just enough to clear the one above it. Items must come in document order; equal desired tops
 * keep that order, so two notes on one line never swap.
 */
export function layoutMargin(items: readonly MarginItem[], spacing = 8): PlacedMarginItem[] {
  const placed: PlacedMarginItem[] = [];
  let floor = -Infinity;
  for (const item of items) {
    const top = Math.max(item.desiredTop, floor);
    placed.push({ id: item.id, top, displacement: top - item.desiredTop });
    floor = top + item.height + spacing;
  }
  return placed;
}
