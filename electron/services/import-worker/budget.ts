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
 * Chosen from measurement (see the report): a 50 MB plain text parses in about 6 s and
 * a 20 MB saved page in about 20 s in the worker on a busy 2-core machine, each well under
 * 1.5 GB of heap; hostile inputs that defeat a parser are stopped by the clock.
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
