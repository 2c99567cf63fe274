/**
 * Append-only change logs, one JSON record per line. Each log has exactly one writer (one
 * process on one device), so appends need no lock; a record is acknowledged once its line is
 * written and fsynced. A crash can leave only the last line torn, and a torn line was never
 * acknowledged, so readers stop before it (and read it later, whole, if its writer is alive).
 */
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
  /** Whole, valid records with the offset just after each. */
  records: Array<{ record: LogRecord; end: number }>;
  /** Where the next read should start: after the last whole line (a torn last line is left). */
  end: number;
  /** Whole lines that were not valid records (damage), skipped. */
  damaged: number;
}

/** Reads the whole lines of a log from byte `from` on. A missing file reads as empty. */
export async function readLog(file: string, from = 0): Promise<LogRead> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { records: [], end: from, damaged: 0 };
    throw error;
  }
  let bytes: Buffer;
  try {
    const { size } = await handle.stat();
    if (size <= from) return { records: [], end: from, damaged: 0 };
    bytes = Buffer.alloc(size - from);
    let got = 0;
    while (got < bytes.length) {
      const { bytesRead } = await handle.read(bytes, got, bytes.length - got, from + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    bytes = bytes.subarray(0, got);
  } finally {
    await handle.close();
  }
  const out: LogRead = { records: [], end: from, damaged: 0 };
  let start = 0;
  for (;;) {
    const nl = bytes.indexOf(NEWLINE, start);
    if (nl < 0) break; // the rest is a torn (or still being written) last line
    const record = decodeLine(bytes.subarray(start, nl));
    start = nl + 1;
    out.end = from + start;
    if (record) out.records.push({ record, end: out.end });
    else out.damaged++;
  }
  return out;
}

function decodeLine(line: Uint8Array): LogRecord | null {
  try {
    return decodeRecord(JSON.parse(utf8.decode(line)));
  } catch {
    return null; // invalid UTF-8 or JSON: a damaged line
  }
}
