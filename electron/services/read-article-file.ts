import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { GlossError } from '../../common/errors.ts';

/** The largest file Gloss imports: far beyond any article, small enough to read at once. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** A file that cannot be imported, with a reason for people ("is a folder, not a file"). */
export class UnreadableFileError extends GlossError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super('unreadable-import', `${file}: ${reason}`);
    this.name = 'UnreadableFileError';
  }
}

/**
 * Reads a file to import as bytes, refusing a missing path, a folder, something that is not a
 * regular file, and an empty or oversized file.
 */
export async function readImportBytes(file: string): Promise<Buffer> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UnreadableFileError(file, 'no such file');
    if (code === 'EACCES' || code === 'EPERM')
      throw new UnreadableFileError(file, 'permission denied');
    throw new UnreadableFileError(file, (error as Error).message);
  }
  if (info.isDirectory()) throw new UnreadableFileError(file, 'is a folder, not a file');
  if (!info.isFile()) throw new UnreadableFileError(file, 'is not a regular file');
  if (info.size === 0) throw new UnreadableFileError(file, 'the file is empty');
  if (info.size > MAX_IMPORT_BYTES) {
    const mb = (info.size / 1024 / 1024).toFixed(1);
    throw new UnreadableFileError(file, `the file is ${mb} MB; Gloss imports files up to 50 MB`);
  }
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
export async function readArticleFile(file: string): Promise<string> {
  const bytes = await readImportBytes(file);
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
