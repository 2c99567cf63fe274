/**
 * Append-only change logs, one JSON record per line. Each log has exactly one writer (one
 * process on one device), so appends need no lock; a record is acknowledged once its line is
 * written and fsynced. A crash can leave only the last line torn, and a torn line was never
 * acknowledged, so readers stop before it (and read it later, whole, if its writer is alive).
 */
import { isUtf8 } from 'node:buffer';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { decodeRecord } from '../../../common/store/journal-schema.ts';
import type { LogRecord } from '../../../common/store/merge.ts';
import { fsyncDirectory } from './durable-file.ts';

const NEWLINE = 0x0a;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Appends records to one log file, creating it (and making its name durable) on first use. */
export class LogWriter {
  #handle: FileHandle | null = null;
  #size = 0;

  constructor(readonly file: string) {}

  /** Bytes written so far (this writer is the file's only writer). */
  get size(): number {
    return this.#size;
  }

  /** Writes one record as one line and flushes it to disk; resolves to the offset after it. */
  async append(record: LogRecord): Promise<number> {
    const line = Buffer.from(JSON.stringify(record) + '\n', 'utf8');
    if (!this.#handle) {
      // 'wx': a new log never continues a file someone else (or a killed writer) left.
      this.#handle = await open(this.file, 'wx');
      await fsyncDirectory(path.dirname(this.file));
    }
    let written = 0;
    while (written < line.length) {
      const { bytesWritten } = await this.#handle.write(line, written, line.length - written);
      written += bytesWritten;
    }
    await this.#handle.datasync();
    this.#size += line.length;
    return this.#size;
  }

  async close(): Promise<void> {
    await this.#handle?.close();
    this.#handle = null;
  }
}

/** What was read from one log. */
export interface LogRead {
  /** Where the next read should start: after the last whole line (a torn last line is left). */
  end: number;
  /** Whole lines that were not valid records (damage), skipped. */
  damaged: number;
}

/** Bytes read at a time: a long log is parsed and applied a piece at a time, in little memory. */
const CHUNK = 4 * 1024 * 1024;

/**
 * Reads the whole lines of a log from byte `from` up to byte `to` (default: its end), handing
 * the records to `visit` a chunk at a time, in order, with the offset after the chunk's last
 * line. A missing file reads as empty.
 */
export async function scanLog(
  file: string,
  from: number,
  visit: (records: LogRecord[], end: number) => void | Promise<void>,
  to = Infinity,
): Promise<LogRead> {
  const out = { end: from, damaged: 0 };
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return out;
    throw error;
  }
  try {
    const size = Math.min((await handle.stat()).size, to);
    let buffer = Buffer.alloc(Math.min(CHUNK, Math.max(0, size - from)));
    // Bytes of a line begun in the previous chunk, at the start of `buffer`.
    let carried = 0;
    let at = from;
    while (at < size) {
      if (carried === buffer.length) {
        // One line longer than the buffer: grow it.
        const bigger = Buffer.alloc(buffer.length * 2);
        buffer.copy(bigger, 0, 0, carried);
        buffer = bigger;
      }
      const want = Math.min(buffer.length - carried, size - at);
      const { bytesRead } = await handle.read(buffer, carried, want, at);
      if (bytesRead === 0) break;
      at += bytesRead;
      const filled = carried + bytesRead;
      const lastNl = buffer.lastIndexOf(NEWLINE, filled - 1);
      if (lastNl < 0) {
        carried = filled;
        continue;
      }
      const records = decodeLines(buffer.subarray(0, lastNl + 1), out);
      out.end = at - filled + lastNl + 1;
      if (records.length > 0) await visit(records, out.end);
      // What follows the last newline is a line continued in the next chunk (or torn).
      buffer.copy(buffer, 0, lastNl + 1, filled);
      carried = filled - lastNl - 1;
    }
  } finally {
    await handle.close();
  }
  return out;
}

/** The records of whole lines (`bytes` ends with a newline). */
function decodeLines(bytes: Buffer, out: { damaged: number }): LogRecord[] {
  const records: LogRecord[] = [];
  // One check and one decoding for the chunk; line by line only when some line is not UTF-8.
  const whole = isUtf8(bytes);
  const text = whole ? bytes.toString('utf8') : '';
  let start = 0;
  for (;;) {
    const nl = whole ? text.indexOf('\n', start) : bytes.indexOf(NEWLINE, start);
    if (nl < 0) break;
    const line = whole ? text.slice(start, nl) : lineText(bytes.subarray(start, nl));
    start = nl + 1;
    const record = line === null ? null : parseRecord(line);
    if (record) records.push(record);
    else out.damaged++;
  }
  return records;
}

/** A line's text, or null when it is not UTF-8 (a damaged line). */
function lineText(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

function parseRecord(line: string): LogRecord | null {
  try {
    return decodeRecord(JSON.parse(line));
  } catch {
    return null; // not JSON: a damaged line
  }
}
