import type { Attribution, Source } from '../model/attribution.ts';

/**
 * The source of the attributed passage a range lies in: the attribution that overlaps the
 * range most, or null when the range touches none.
 */
export function attributionAt(
  attributions: readonly Attribution[],
  start: number,
  end: number,
): Source | null {
  let best: Attribution | null = null;
  let bestOverlap = 0;
  for (const a of attributions) {
    const overlap = Math.min(end, a.end) - Math.max(start, a.start);
    if (overlap > bestOverlap) {
      best = a;
      bestOverlap = overlap;
    }
  }
  return best ? best.source : null;
}
