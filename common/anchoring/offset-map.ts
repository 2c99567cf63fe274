import type { TextRange } from './match-quote.ts';
import type { DiffStep } from './text-diff.ts';

/**
 * Maps offsets of an old text to offsets of its new version, from a diff of the two.
 * Only unchanged runs are stored (as parallel sorted arrays), and each lookup is a binary
 * search, so mapping thousands of offsets through a long diff is cheap.
 */
export class OffsetMap {
  private readonly oldStarts: number[] = [];
  private readonly newStarts: number[] = [];
  private readonly lengths: number[] = [];
  /** Ranges of the new text that the diff marks as inserted, in order. */
  readonly insertions: TextRange[] = [];
  /** Length of the new text. */
  readonly newLength: number;

  constructor(steps: readonly DiffStep[]) {
    let oldAt = 0;
    let newAt = 0;
    for (const [op, text] of steps) {
      if (op === 0) {
        this.oldStarts.push(oldAt);
        this.newStarts.push(newAt);
        this.lengths.push(text.length);
        oldAt += text.length;
        newAt += text.length;
      } else if (op === -1) {
        oldAt += text.length;
      } else {
        this.insertions.push({ start: newAt, end: newAt + text.length });
        newAt += text.length;
      }
    }
    this.newLength = newAt;
  }

  /**
   * The inserted ranges at least `minLength` long, widened by `pad` on each side and merged
   * where they meet: where a passage that moved into new text can now lie.
   */
  insertedScope(minLength: number, pad: number): TextRange[] {
    const scope: TextRange[] = [];
    for (const inserted of this.insertions) {
      if (inserted.end - inserted.start < minLength) continue;
      const start = Math.max(0, inserted.start - pad);
      const end = Math.min(this.newLength, inserted.end + pad);
      const last = scope[scope.length - 1];
      if (last !== undefined && start <= last.end) last.end = Math.max(last.end, end);
      else scope.push({ start, end });
    }
    return scope;
  }

  /** Index of the last unchanged run starting at or before old offset `at`, or -1. */
  private runAtOrBefore(at: number): number {
    let low = 0;
    let high = this.oldStarts.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if ((this.oldStarts[mid] ?? 0) <= at) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }

  /**
   * Where the character at old offset `at` went, or, if it was deleted, where the first
   * surviving character after it went. Text inserted right before it stays before it, so a
   * range start never takes in text added just outside the range.
   */
  mapStart(at: number): number {
    const run = this.runAtOrBefore(at);
    if (run !== -1) {
      const oldStart = this.oldStarts[run] ?? 0;
      if (at < oldStart + (this.lengths[run] ?? 0))
        return (this.newStarts[run] ?? 0) + (at - oldStart);
    }
    const next = run + 1;
    return next < this.newStarts.length ? (this.newStarts[next] ?? this.newLength) : this.newLength;
  }

  /**
   * The new offset just past where the character before old offset `at` went, or, if it was
   * deleted, just past the last surviving character before it. Text inserted right after a
   * range's end therefore stays outside the range.
   */
  mapEnd(at: number): number {
    if (at <= 0) return 0;
    const run = this.runAtOrBefore(at - 1);
    if (run === -1) return 0;
    const oldStart = this.oldStarts[run] ?? 0;
    const length = this.lengths[run] ?? 0;
    const newStart = this.newStarts[run] ?? 0;
    if (at - 1 < oldStart + length) return newStart + (at - oldStart);
    return newStart + length;
  }
}
