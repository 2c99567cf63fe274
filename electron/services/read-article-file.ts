import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { GlossError, messageOf, type ErrorCode } from '../../common/errors.ts';
import { DEFAULT_BUDGET, tooLargeReason } from './import-worker/budget.ts';

/** The largest file Gloss imports: far beyond any article, small enough to read at once. */
export const MAX_IMPORT_BYTES = DEFAULT_BUDGET.maxBytes;

/**
 * A file that cannot be imported, with a reason for people ("is a folder, not a file"); the
 * code is `too-large` when the import went over its budget.
 */
export class UnreadableFileError extends GlossError {
  constructor(
    readonly file: string,
    readonly reason: string,
    code: ErrorCode = 'unreadable-import',
  ) {
    super(code, `${file}: ${reason}`);
    this.name = 'UnreadableFileError';
  }
}

/**
 * Reads a file to import as bytes, refusing a missing path, a folder, something that is not a
 * regular file, and an empty or oversized file.
 */
export async function readImportBytes(file: string, maxBytes = MAX_IMPORT_BYTES): Promise<Buffer> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UnreadableFileError(file, 'no such file');
    if (code === 'EACCES' || code === 'EPERM')
      throw new UnreadableFileError(file, 'permission denied');
    throw new UnreadableFileError(file, messageOf(error));
  }
  if (info.isDirectory()) throw new UnreadableFileError(file, 'is a folder, not a file');
  if (!info.isFile()) throw new UnreadableFileError(file, 'is not a regular file');
  if (info.size === 0) throw new UnreadableFileError(file, 'the file is empty');
  if (info.size > maxBytes)
    throw new UnreadableFileError(file, tooLargeReason(info.size, maxBytes), 'too-large');
  const handle = await open(file, 'r');
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * Reads an article file as UTF-8 text, refusing what is not one: a missing path, a folder, an
 * empty or oversized file, binary data (NUL bytes) or bytes that are not valid UTF-8. A leading
 * byte order mark is removed.
 */
export async function readArticleFile(file: string, maxBytes = MAX_IMPORT_BYTES): Promise<string> {
  const bytes = await readImportBytes(file, maxBytes);
  if (bytes.includes(0)) throw new UnreadableFileError(file, 'looks like a binary file, not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableFileError(file, 'is not valid UTF-8 text');
  }
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new UnreadableFileError(file, 'holds only white space');
  return text;
}

/** The file's name as people see it in messages and the library. */
export function displayName(file: string): string {
  return path.basename(file);
}
