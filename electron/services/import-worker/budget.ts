/**
 * What one import may cost. Every import parses in a worker thread held to these limits; one
 * that goes over them fails alone, with a reason naming the file, and nothing is stored.
 */

/** One megabyte as people count file sizes here (2^20 bytes, as file managers show them). */
const MB = 1024 * 1024;

export interface ImportBudget {
  /** The largest file read, in bytes. */
  maxBytes: number;
  /** The longest one file may take to parse, in milliseconds. */
  timeMs: number;
  /** The worker's old-generation heap, in MB (worker_threads `resourceLimits`). */
  heapMb: number;
}

/**
 * Chosen from measurement on the 2-core development machine (busy with other builds), with
 * `npm run bench -- --only=import-budget` (a 49 MB news text and small generated pages, in the
 * worker and in the main thread), `npm run soak -- --only=hostile,heap` and
 * `npx vitest run tests/unit/security/hostile-inputs.test.ts`:
 * - time: one minute is what a reader may be asked to wait. Saved pages are what reach it:
 *   jsdom with Readability took about 0.5 s per 3 KB fixture page under that load, a generated
 *   9.6 MB page of 150,000 paragraphs did not finish within 60 s, and a 2 MB page of 50,000
 *   elements not within 600 s. Such pages are stopped by the clock with a reason. Hostile pages
 *   are bounded before the clock: nesting past 1,000 levels is refused in milliseconds and
 *   empty elements are removed (html/nesting.ts).
 * - memory: the worker holds 38 MB after 10 page imports and 39 MB after 1,000 (at most
 *   43 MB; it is replaced every 50 imports), and reading a 50 MB text in the main thread
 *   peaked at 2.0 GB before imports moved, so 2048 MB of worker heap lets the largest
 *   accepted text through and stops a parser that runs away before the machine runs short.
 * - size: 50 MB, the largest text read before (73 s on the main thread then); for pages the
 *   clock, not the size, is the limit that binds.
 */
export const DEFAULT_BUDGET: ImportBudget = {
  maxBytes: 50 * MB,
  timeMs: 60_000,
  heapMb: 2048,
};

/** A size in MB with one decimal, rounded up so that a size over a limit never reads as it. */
function megabytes(bytes: number): string {
  const tenths = Math.ceil((bytes / MB) * 10);
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

/** "the file is 52.4 MB; Gloss reads files up to 50 MB" */
export function tooLargeReason(bytes: number, maxBytes: number): string {
  return `the file is ${megabytes(bytes)} MB; Gloss reads files up to ${megabytes(maxBytes)} MB`;
}

/** "reading it took longer than 60 s, so it was stopped" */
export function tooSlowReason(timeMs: number): string {
  return `reading it took longer than ${Math.round(timeMs / 1000)} s, so it was stopped`;
}

/** "reading it needed more than 2048 MB of memory, so it was stopped" */
export function tooMuchMemoryReason(heapMb: number): string {
  return `reading it needed more than ${heapMb} MB of memory, so it was stopped`;
}
