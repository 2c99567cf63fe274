import { statSync } from 'node:fs';
import { hasImportableExtension, notAnArticleReason } from '../../common/ingest/extensions.ts';
import { UnreadableFileError } from '../services/read-article-file.ts';

/**
 * Refuses a regular file whose kind Gloss does not read (a photo, a PDF) with the app's own
 * words. A missing path or a folder is left to the reader, which names that reason instead.
 */
export function refuseUnreadableKind(file: string): void {
  if (hasImportableExtension(file)) return;
  const isFile = statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  if (isFile) throw new UnreadableFileError(file, notAnArticleReason(file));
}
