/** The merge of many writers' records: what two devices see once their logs have met. */
import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../../common/model/highlight.ts';
import { HybridClock } from '../../../common/store/hlc.ts';
import {
  applyHighlightOp,
  highlightOps,
  materializeHighlight,
  mergeHighlight,
  noteHeads,
  type HighlightState,
  type LogRecord,
} from '../../../common/store/merge.ts';

const base: Highlight = {
  id: 'h1',
  articleId: 'a1',
  position: { type: 'TextPositionSelector', start: 0, end: 5 },
  quote: { type: 'TextQuoteSelector', exact: 'Hello', prefix: '', suffix: ' world' },
  color: 'yellow',
  note: 'first',
  tags: [],
  created: '2026-01-01T00:00:00.000Z',
  updated: '2026-01-01T00:00:00.000Z',
  orphan: false,
};

/** A writer (one log) keeping its own view of one highlight, as the store does. */
class Writer {
  readonly clock: HybridClock;
  readonly state: HighlightState = { id: 'h1', f: {} };
  readonly log: LogRecord[] = [];

  constructor(name: string, wall: () => number) {
    this.clock = new HybridClock(name, wall);
  }

  get highlight(): Highlight | null {
    return materializeHighlight('a1', this.state);
  }

  write(next: Highlight, resolve = false): void {
    const heads = noteHeads(this.state);
    const prev = this.highlight;
    const record: LogRecord = {
      t: this.clock.now(),
      ops: highlightOps('a1', prev, next, resolve || !prev ? heads : heads.slice(0, 1)),
    };
    this.receive([record]);
    this.log.push(record);
  }

  remove(): void {
    const record: LogRecord = {
      t: this.clock.now(),
      ops: [{ o: 'hl', a: 'a1', h: 'h1', f: { live: false } }],
    };
    this.receive([record]);
    this.log.push(record);
  }

  receive(records: LogRecord[]): void {
    for (const { t, ops } of records) {
      this.clock.observe(t);
      for (const op of ops)
        if (op.o === 'hl' || op.o === 'note') applyHighlightOp(this.state, op, t);
    }
  }
}

function clock(start: number): () => number {
  let now = start;
  return () => (now += 10);
}

describe('merging two devices', () => {
  it('keeps the later of two concurrent note edits as the note and the other as a conflict', () => {
    const laptop = new Writer('laptop~1', clock(1_000));
    const desktop = new Writer('desktop~1', clock(2_000));
    laptop.write(base);
    desktop.receive(laptop.log);
    laptop.write({ ...laptop.highlight!, note: 'edited on the laptop' });
    desktop.write({ ...desktop.highlight!, note: 'edited on the desktop' });
    laptop.receive(desktop.log);
    desktop.receive(laptop.log);
    for (const side of [laptop, desktop]) {
      expect(side.highlight?.note).toBe('edited on the desktop');
      expect(side.highlight?.conflicts).toEqual([
        { note: 'edited on the laptop', updated: expect.any(String) as unknown, device: 'laptop' },
      ]);
    }
    // Picking one with every version seen resolves the conflict everywhere.
    laptop.write({ ...laptop.highlight!, note: 'merged by hand' }, true);
    desktop.receive(laptop.log);
    expect(desktop.highlight?.note).toBe('merged by hand');
    expect(desktop.highlight?.conflicts).toBeUndefined();
  });

  it('does not call a device’s own successive edits a conflict, in whatever order logs meet', () => {
    const laptop = new Writer('laptop~1', clock(1_000));
    laptop.write(base);
    for (const note of ['a', 'ab', 'abc']) laptop.write({ ...laptop.highlight!, note });
    const reader = new Writer('reader~1', clock(5_000));
    reader.receive([...laptop.log].reverse());
    expect(reader.highlight?.note).toBe('abc');
    expect(reader.highlight?.conflicts).toBeUndefined();
  });

  it('never brings back a highlight deleted on one device by an edit made on another', () => {
    const laptop = new Writer('laptop~1', clock(1_000));
    const desktop = new Writer('desktop~1', clock(1_000));
    laptop.write(base);
    desktop.receive(laptop.log);
    laptop.remove();
    desktop.write({ ...desktop.highlight!, color: 'pink', note: 'late edit' });
    laptop.receive(desktop.log);
    desktop.receive(laptop.log);
    expect(laptop.highlight).toBeNull();
    expect(desktop.highlight).toBeNull();
  });

  it('lets undo put a deleted highlight back exactly as it was', () => {
    const laptop = new Writer('laptop~1', clock(1_000));
    laptop.write(base);
    laptop.remove();
    laptop.write(base);
    expect(laptop.highlight).toEqual(base);
  });

  it('gives the same state whichever of two states is merged into the other', () => {
    const laptop = new Writer('laptop~1', clock(1_000));
    const desktop = new Writer('desktop~1', clock(1_500));
    laptop.write(base);
    desktop.receive(laptop.log);
    laptop.write({ ...laptop.highlight!, color: 'green', note: 'laptop' });
    desktop.write({ ...desktop.highlight!, color: 'blue', note: 'desktop' });
    const one = structuredClone(laptop.state);
    mergeHighlight(one, desktop.state);
    const other = structuredClone(desktop.state);
    mergeHighlight(other, laptop.state);
    expect(materializeHighlight('a1', one)).toEqual(materializeHighlight('a1', other));
    // Merging again changes nothing.
    mergeHighlight(one, desktop.state);
    expect(materializeHighlight('a1', one)).toEqual(materializeHighlight('a1', other));
  });
});

describe('the hybrid clock', () => {
  it('stamps later than anything it has seen, even when the wall clock is behind', () => {
    const slow = new HybridClock('slow~1', () => 1_000);
    const ahead = new HybridClock('ahead~1', () => 9_000);
    const seen = ahead.now();
    slow.observe(seen);
    expect(slow.now() > seen).toBe(true);
  });
});
