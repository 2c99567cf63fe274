/** A margin note to place: where it would like to sit (level with its highlight) and its height. */
export interface MarginItem {
  id: string;
  desiredTop: number;
  height: number;
}

export interface PlacedMarginItem {
  id: string;
  top: number;
  /**
   * How far the note sits from its highlight: positive when pushed below it, negative when
   * lifted above it. The reader draws a leader when its size is large.
   */
  displacement: number;
}

export interface MarginLayoutOptions {
  /** Space between two notes. */
  spacing?: number;
  /** No note goes above this (the top of the margin column). */
  minTop?: number;
  /** A note that must sit exactly level with its highlight (the one being edited), if any. */
  pinnedId?: string | null;
}

/** A run of notes that touch: laid out as one block, each at a fixed offset from its top. */
interface Cluster {
  items: MarginItem[];
  /** Offset of each item from the cluster's top. */
  offsets: number[];
  height: number;
  /** Sum of (desiredTop - offset) over the items: the best top is its mean. */
  sum: number;
  /** The top the pinned note imposes on the cluster, when it holds that note. */
  pinnedTop: number | null;
  top: number;
}

function clusterTop(c: Cluster, minTop: number): number {
  return Math.max(minTop, c.pinnedTop ?? c.sum / c.items.length);
}

/**
 * Places margin notes as close to their highlights as they fit, in document order. Notes that
 * do not collide sit exactly level with their highlights. Notes that would overlap form a
 * cluster, stacked in order with `spacing` between them, and the cluster is centred on its
 * highlights (the top that makes the squared distances of its notes from their lines least),
 * so a dense run spreads both above and below its passages instead of drifting ever further
 * down the page. Clusters that then touch merge, and so on (pool-adjacent-violators). Equal
 * desired tops keep their order, so two notes on one line never swap.
 */
export function layoutMargin(
  items: readonly MarginItem[],
  options: number | MarginLayoutOptions = {},
): PlacedMarginItem[] {
  const { spacing = 8, minTop = 0, pinnedId = null } =
    typeof options === 'number' ? { spacing: options } : options;
  const stack: Cluster[] = [];
  for (const item of items) {
    let cur: Cluster = {
      items: [item],
      offsets: [0],
      height: item.height,
      sum: item.desiredTop,
      pinnedTop: item.id === pinnedId ? item.desiredTop : null,
      top: 0,
    };
    cur.top = clusterTop(cur, minTop);
    for (let prev = stack.at(-1); prev && prev.top + prev.height + spacing > cur.top; ) {
      stack.pop();
      const shift = prev.height + spacing;
      const merged: Cluster = {
        items: [...prev.items, ...cur.items],
        offsets: [...prev.offsets, ...cur.offsets.map((o) => o + shift)],
        height: shift + cur.height,
        sum: prev.sum + cur.sum - shift * cur.items.length,
        pinnedTop: prev.pinnedTop ?? (cur.pinnedTop === null ? null : cur.pinnedTop - shift),
        top: 0,
      };
      merged.top = clusterTop(merged, minTop);
      cur = merged;
      prev = stack.at(-1);
    }
    stack.push(cur);
  }
  const placed: PlacedMarginItem[] = [];
  for (const c of stack) {
    c.items.forEach((item, i) => {
      const top = c.top + (c.offsets[i] ?? 0);
      placed.push({ id: item.id, top, displacement: top - item.desiredTop });
    });
  }
  return placed;
}

/**
 * Which lane (0 nearest the note, then outward) each leader line runs in, so that leaders whose
 * vertical runs overlap never share one x position and merge into a single bar. Only notes
 * further than `threshold` from their lines get a leader (and a lane); `gap` is the vertical
 * space two leaders in one lane keep between them.
 */
export function leaderLanes(
  placed: readonly PlacedMarginItem[],
  threshold: number,
  gap = 4,
): Map<string, number> {
  const runs = placed
    .filter((p) => Math.abs(p.displacement) > threshold)
    .map((p) => {
      const desired = p.top - p.displacement;
      return { id: p.id, from: Math.min(p.top, desired), to: Math.max(p.top, desired) };
    })
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const laneEnds: number[] = [];
  const lanes = new Map<string, number>();
  for (const run of runs) {
    let lane = laneEnds.findIndex((end) => end + gap <= run.from);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = run.to;
    lanes.set(run.id, lane);
  }
  return lanes;
}
