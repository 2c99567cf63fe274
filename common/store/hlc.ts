/**
 * Hybrid logical clock stamps: a wall-clock time, a counter for events within one millisecond
 * (or while the wall clock lags a stamp already seen), and the writer that made it. As strings
 * of fixed width they sort in causal order, and the writer breaks ties, so every two stamps
 * from different writers differ and "the later one wins" is the same decision everywhere.
 */

/** Digits of the wall-clock part (milliseconds since 1970; enough until the year 2286). */
const WALL_DIGITS = 13;
/** Digits of the counter. */
const COUNTER_DIGITS = 6;
const COUNTER_MAX = 10 ** COUNTER_DIGITS - 1;
const DOT = 0x2e;

/** `<wall>.<counter>.<writer>`, e.g. `1764633600000.000003.laptop~k3f9`. */
export type Stamp = string;

/** The parts of a stamp. */
export interface StampParts {
  wall: number;
  counter: number;
  writer: string;
}

/** Builds a stamp from its parts. */
export function formatStamp({ wall, counter, writer }: StampParts): Stamp {
  return (
    String(wall).padStart(WALL_DIGITS, '0') +
    '.' +
    String(counter).padStart(COUNTER_DIGITS, '0') +
    '.' +
    writer
  );
}

const STAMP = /^(\d{13})\.(\d{6})\.(.+)$/;

/** Reads a stamp back; null when it is not one. */
export function parseStamp(stamp: string): StampParts | null {
  const m = STAMP.exec(stamp);
  if (!m) return null;
  return { wall: Number(m[1]), counter: Number(m[2]), writer: m[3] ?? '' };
}

/** Where the writer starts in a stamp: after the fixed-width time and counter and their dots. */
const WRITER_AT = WALL_DIGITS + 1 + COUNTER_DIGITS + 1;

/** The writer part of a stamp (the whole string when it is not a stamp). */
export function writerOf(stamp: Stamp): string {
  // Called for every note merged: the fixed layout is checked by position, not by the regex.
  if (
    stamp.length > WRITER_AT &&
    stamp.charCodeAt(WALL_DIGITS) === DOT &&
    stamp.charCodeAt(WRITER_AT - 1) === DOT
  )
    return stamp.slice(WRITER_AT);
  return parseStamp(stamp)?.writer ?? stamp;
}

/** When a stamp was made, as ISO 8601. */
export function stampTime(stamp: Stamp): string {
  return new Date(parseStamp(stamp)?.wall ?? 0).toISOString();
}

/** Whether `a` is later than `b` (stamps compare as strings, by construction). */
export function isLater(a: Stamp, b: Stamp | undefined): boolean {
  return b === undefined || a > b;
}

/**
 * One writer's clock. `now()` gives a stamp later than every stamp it gave or saw before, and
 * as close to the wall clock as that allows; `observe()` records a stamp read from elsewhere.
 */
export class HybridClock {
  #wall = 0;
  #counter = 0;

  constructor(
    readonly writer: string,
    private readonly wallClock: () => number = () => Date.now(),
  ) {}

  now(): Stamp {
    const physical = this.wallClock();
    if (physical > this.#wall) {
      this.#wall = physical;
      this.#counter = 0;
    } else if (this.#counter < COUNTER_MAX) {
      this.#counter++;
    } else {
      // A burst of a million events in one millisecond: borrow the next millisecond.
      this.#wall++;
      this.#counter = 0;
    }
    return formatStamp({ wall: this.#wall, counter: this.#counter, writer: this.writer });
  }

  observe(stamp: Stamp): void {
    const parts = parseStamp(stamp);
    if (!parts) return;
    if (parts.wall > this.#wall || (parts.wall === this.#wall && parts.counter > this.#counter)) {
      this.#wall = parts.wall;
      this.#counter = parts.counter;
    }
  }
}
