/**
 * Which articles changed since the search index was saved, told from the store's change logs
 * (electron/services/store/README.md: `devices/<device>/logs/*.jsonl`, one record a line, each
 * record's ops naming their article in `a`). Logs only grow, so the index remembers how far
 * into each log it was current and, at the next start, reads only what was appended since:
 * usually a few lines, instead of every article's highlights.
 *
 * Only the article ids are needed, so lines are parsed without the store's validation, a slice
 * at a time. When a log is shorter than remembered or gone (rewritten or compacted), what it
 * gained cannot be told, and the answer is "unknown": the caller then checks every article.
 */
import { open, readdir, stat } from 'node:fs/promises';
import type { Pause } from '../../../common/search/passage-index.ts';
import { DEVICES_DIR, full, logsDir } from '../store/layout.ts';

/** How far into each log (path relative to the data folder → bytes). */
export type LogSizes = Record<string, number>;

const NEWLINE = 0x0a;
/** Bytes read at a time, so that a long log is never one large buffer. */
const CHUNK = 1 << 20;

/** The size of every change log in the folder now. */
export async function logSizes(dataDir: string): Promise<LogSizes> {
  const sizes: LogSizes = {};
  let devices: string[];
  try {
    devices = await readdir(full(dataDir, DEVICES_DIR));
  } catch {
    return sizes;
  }
  for (const device of devices) {
    let names: string[];
    try {
      names = await readdir(full(dataDir, logsDir(device)));
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith('.jsonl')) continue;
      const rel = `${logsDir(device)}/${name}`;
      try {
        sizes[rel] = (await stat(full(dataDir, rel))).size;
      } catch {
        // removed since listed
      }
    }
  }
  return sizes;
}

/** What the logs gained since a point. */
export interface Touched {
  /** The articles named by the whole lines gained. */
  articles: Set<string>;
  /** Where each log's whole lines end now: the point to remember. */
  reached: LogSizes;
}

/**
 * The articles named by what the logs gained between `since` and `until` (sizes taken by
 * `logSizes`), or null when that cannot be told (a log shrank or went away).
 */
export async function articlesTouched(
  dataDir: string,
  since: LogSizes,
  until: LogSizes,
  pause: Pause,
): Promise<Touched | null> {
  for (const [rel, size] of Object.entries(since))
    if (until[rel] === undefined || until[rel] < size) return null;
  const articles = new Set<string>();
  const reached: LogSizes = {};
  for (const [rel, size] of Object.entries(until)) {
    const from = since[rel] ?? 0;
    reached[rel] =
      size > from ? await readIds(full(dataDir, rel), from, size, articles, pause) : from;
  }
  return { articles, reached };
}

/**
 * Adds the article ids of the whole lines in [from, to) of a log to `into`; resolves to where
 * the last whole line ends (a line still being written is read next time).
 */
async function readIds(
  file: string,
  from: number,
  to: number,
  into: Set<string>,
  pause: Pause,
): Promise<number> {
  let end = from;
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return from; // gone since listed: the next start finds it shorter and checks everything
  }
  try {
    let carry = Buffer.alloc(0);
    for (let at = from; at < to;) {
      const length = Math.min(CHUNK, to - at);
      const chunk = Buffer.alloc(length);
      const { bytesRead } = await handle.read(chunk, 0, length, at);
      if (bytesRead === 0) break;
      at += bytesRead;
      let bytes = Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
      let start = 0;
      for (let nl = bytes.indexOf(NEWLINE); nl >= 0; nl = bytes.indexOf(NEWLINE, start)) {
        idsOfLine(bytes.toString('utf8', start, nl), into);
        end += nl + 1 - start;
        start = nl + 1;
        await pause();
      }
      bytes = bytes.subarray(start);
      carry = Buffer.from(bytes);
    }
  } finally {
    await handle.close();
  }
  return end;
}

function idsOfLine(line: string, into: Set<string>): void {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return; // a damaged line: the store skips it too
  }
  const ops = (record as { ops?: unknown } | null)?.ops;
  if (!Array.isArray(ops)) return;
  for (const op of ops as unknown[]) {
    const id = (op as { a?: unknown } | null)?.a;
    if (typeof id === 'string') into.add(id);
  }
}
