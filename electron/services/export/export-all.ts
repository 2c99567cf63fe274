/**
 * Exports many articles as Markdown files into one folder. All files are rendered before any
 * is written, so a bad template or bad data writes nothing; each file is then written atomically.
 */

import { randomBytes } from 'node:crypto';
import { open, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { glossIdOf } from '../../../common/export/front-matter.ts';
import type { ExistingFile } from '../../../common/export/file-name.ts';
import {
  exportMarkdown,
  safeFileNames,
  type ExportOptions,
} from '../../../common/export/markdown.ts';
import { GlossError } from '../../../common/errors.ts';
import type { Article } from '../../../common/model/article.ts';
import type { Highlight } from '../../../common/model/highlight.ts';
import { describeFsError, writeFileAtomic } from './write-atomic.ts';

/** One article and its highlights. */
export interface ExportItem {
  article: Article;
  highlights: Highlight[];
}

/** A problem with the export folder, as one line naming the folder and the reason. */
export class ExportFolderError extends GlossError {
  constructor(
    readonly folder: string,
    reason: string,
  ) {
    super('read-only', `Cannot export to ${folder}: ${reason}`);
    this.name = 'ExportFolderError';
  }
}

/**
 * Checks that `dir` is an existing folder we can create files in. Permission bits say little
 * (root ignores them; Windows uses ACLs; a disk may be mounted read-only), so the check creates
 * and removes an empty probe file.
 */
export async function checkWritableFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch((error: unknown) => {
    throw new ExportFolderError(dir, describeFsError(error));
  });
  if (!info.isDirectory()) throw new ExportFolderError(dir, 'it is a file, not a folder');
  const probe = join(dir, `.gloss-write-test-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const handle = await open(probe, 'wx');
    await handle.close();
  } catch (error) {
    throw new ExportFolderError(dir, `the folder is not writable (${describeFsError(error)})`);
  }
  await rm(probe, { force: true });
}

/** How much of a file is read to find its front matter. */
const HEAD_BYTES = 8192;

/** The Markdown files already in `dir`, each with the article it is an export of, if any. */
async function markdownFilesIn(dir: string): Promise<ExistingFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: ExistingFile[] = [];
  for (const entry of entries) {
    if (!/\.md$/i.test(entry.name)) continue;
    if (!entry.isFile()) {
      files.push({ name: entry.name, glossId: null });
      continue;
    }
    files.push({ name: entry.name, glossId: glossIdOf(await readHead(join(dir, entry.name))) });
  }
  return files;
}

async function readHead(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return '';
  } finally {
    await handle.close();
  }
}

/**
 * Writes one Markdown file per article into `dir` and returns their paths, in the order of
 * `items`. File names come from the titles and are unique case-insensitively (safeFileNames);
 * a file already in the folder is replaced only by a new export of the same article.
 * Fails without writing anything when the folder is missing or not writable, when an article
 * appears twice, or when rendering fails (a template error names the line). A failure while
 * writing leaves every file either as it was or wholly written, and names the file.
 */
export async function exportAllToFolder(
  dir: string,
  items: ExportItem[],
  options: ExportOptions,
): Promise<{ files: string[] }> {
  const seen = new Set<string>();
  for (const { article } of items) {
    if (seen.has(article.id))
      throw new Error(`Article ${article.id} is listed twice in the export`);
    seen.add(article.id);
  }
  await checkWritableFolder(dir);

  const names = safeFileNames(
    items.map((i) => i.article),
    await markdownFilesIn(dir),
  );
  const rendered = items.map(({ article, highlights }) => ({
    path: join(dir, names.get(article.id) ?? `${article.id}.md`),
    content: exportMarkdown(article, highlights, options),
  }));

  const files: string[] = [];
  for (const file of rendered) {
    await writeFileAtomic(file.path, file.content);
    files.push(file.path);
  }
  return { files };
}
