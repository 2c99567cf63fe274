import { describe, expect, it } from 'vitest';
import {
  layoutMargin,
  leaderLanes,
  type MarginItem,
  type PlacedMarginItem,
} from '../../../common/reader/margin-layout.ts';

const LINE = 30;

function overlaps(placed: PlacedMarginItem[], items: MarginItem[], spacing: number): boolean {
  const height = new Map(items.map((i) => [i.id, i.height]));
  for (let i = 1; i < placed.length; i++) {
    const a = placed[i - 1]!;
    const b = placed[i]!;
    if (a.top + height.get(a.id)! + spacing > b.top + 1e-9) return true;
  }
  return false;
}

describe('laying out margin notes', () => {
  it('keeps notes level with their lines when they do not collide', () => {
    const items = [
      { id: 'a', desiredTop: 0, height: 40 },
      { id: 'b', desiredTop: 100, height: 40 },
      { id: 'c', desiredTop: 400, height: 10 },
    ];
    expect(layoutMargin(items, 10).map((p) => p.displacement)).toEqual([0, 0, 0]);
  });

  it('stacks colliding notes in text order without overlap, never above the column', () => {
    const items = [
      { id: 'a', desiredTop: 0, height: 50 },
      { id: 'b', desiredTop: 20, height: 30 },
      { id: 'c', desiredTop: 200, height: 10 },
    ];
    const placed = layoutMargin(items, 10);
    expect(placed.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(placed.map((p) => p.top)).toEqual([0, 60, 200]);
    expect(overlaps(placed, items, 10)).toBe(false);
  });

  it('centres a dense run on its passages instead of letting it drift down the page', () => {
    // Five notes on five consecutive lines, each three lines tall: stacked greedily, the
    // last one sat 12 lines (360 px) below its passage.
    const items = [0, 1, 2, 3, 4].map((i) => ({
      id: `n${i}`,
      desiredTop: 600 + i * LINE,
      height: 3 * LINE,
    }));
    const placed = layoutMargin(items, 10);
    expect(overlaps(placed, items, 10)).toBe(false);
    const worst = Math.max(...placed.map((p) => Math.abs(p.displacement)));
    const greedyWorst = 4 * (3 * LINE + 10) - 4 * LINE;
    expect(worst).toBeLessThanOrEqual(greedyWorst / 2 + 1);
    // Some notes now sit above their lines, some below.
    expect(placed.some((p) => p.displacement < 0)).toBe(true);
    expect(placed.some((p) => p.displacement > 0)).toBe(true);
  });

  it('keeps the note being edited exactly level with its passage', () => {
    const items = [0, 1, 2, 3].map((i) => ({
      id: `n${i}`,
      desiredTop: 500 + i * 20,
      height: 60,
    }));
    const placed = layoutMargin(items, { spacing: 10, pinnedId: 'n2' });
    expect(placed.find((p) => p.id === 'n2')!.displacement).toBe(0);
    expect(overlaps(placed, items, 10)).toBe(false);
  });

  it('merges a cluster pushed into the one above it, keeping every note in order', () => {
    const items = [
      { id: 'a', desiredTop: 100, height: 100 },
      { id: 'b', desiredTop: 210, height: 100 },
      { id: 'c', desiredTop: 220, height: 100 },
      { id: 'd', desiredTop: 230, height: 100 },
    ];
    const placed = layoutMargin(items, 10);
    expect(placed.map((p) => p.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(overlaps(placed, items, 10)).toBe(false);
    expect(placed[0]!.top).toBeGreaterThanOrEqual(0);
  });

  it('holds for random inputs: in order, no overlap, none above the column (seeded)', () => {
    const seed = 20261202;
    console.log(`margin-layout random seed ${seed}`);
    let state = seed;
    const rand = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    for (let run = 0; run < 200; run++) {
      let at = rand() * 50;
      const items = Array.from({ length: 1 + Math.floor(rand() * 30) }, (_, i) => {
        at += rand() < 0.3 ? 0 : rand() * 120;
        return { id: `i${i}`, desiredTop: at, height: 20 + rand() * 120 };
      });
      const placed = layoutMargin(items, { spacing: 8 });
      expect(placed.map((p) => p.id)).toEqual(items.map((i) => i.id));
      expect(overlaps(placed, items, 8)).toBe(false);
      expect(Math.min(...placed.map((p) => p.top))).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('leader lanes', () => {
  it('gives leaders whose runs overlap different lanes, and reuses a lane once it is free', () => {
    const placed = [
      { id: 'a', top: 100, displacement: 80 },
      { id: 'b', top: 200, displacement: 150 },
      { id: 'c', top: 260, displacement: 190 },
      { id: 'd', top: 330, displacement: 250 },
      { id: 'near', top: 900, displacement: 10 },
      { id: 'e', top: 1000, displacement: 100 },
    ];
    const lanes = leaderLanes(placed, 24);
    expect(lanes.has('near')).toBe(false);
    const overlapping = ['a', 'b', 'c', 'd'].map((id) => lanes.get(id));
    expect(new Set(overlapping).size).toBe(4);
    expect(lanes.get('e')).toBe(0);
  });

  it('treats a note lifted above its line like one pushed below it', () => {
    const lanes = leaderLanes(
      [
        { id: 'up', top: 100, displacement: -60 },
        { id: 'down', top: 180, displacement: 40 },
      ],
      24,
    );
    expect(lanes.get('up')).not.toBe(lanes.get('down'));
  });
});
