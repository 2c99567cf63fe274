import path from 'node:path';

/** Whether a file name is an EPUB book's. */
export function isEpubFileName(file: string): boolean {
  return path.extname(file).toLowerCase() === '.epub';
}
