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

/** What an export needs to name an article's file before reading it. */
export interface ExportEntry {
  id: string;
  title: string;
}

/**
 * Writes one Markdown file per article into `dir` and returns their paths, in the order of
 * `entries`. Articles are read (`load`), rendered and written one at a time, so memory holds one
 * article however large the library. File names come from the titles and are unique
 * case-insensitively (safeFileNames); a file already in the folder is replaced only by a new
 * export of the same article. Fails without writing anything when the folder is missing or not
 * writable, when an article appears twice, or when the first article cannot be rendered (a
 * template error names the line). Every file is either as it was or wholly written.
 */
export async function exportLibraryToFolder(
  dir: string,
  entries: readonly ExportEntry[],
  load: (id: string) => Promise<ExportItem>,
  options: ExportOptions,
): Promise<{ files: string[] }> {
  const seen = new Set<string>();
  for (const { id } of entries) {
    if (seen.has(id)) throw new Error(`Article ${id} is listed twice in the export`);
    seen.add(id);
  }
  await checkWritableFolder(dir);

  const names = safeFileNames(entries, await markdownFilesIn(dir));
  const files: string[] = [];
  for (const { id } of entries) {
    const { article, highlights } = await load(id);
    const content = exportMarkdown(article, highlights, options);
    const file = join(dir, names.get(id) ?? `${id}.md`);
    await writeFileAtomic(file, content);
    files.push(file);
  }
  return { files };
}

/** exportLibraryToFolder for articles in memory: every item is rendered before any is written. */
export async function exportAllToFolder(
  dir: string,
  items: ExportItem[],
  options: ExportOptions,
): Promise<{ files: string[] }> {
  const byId = new Map<string, ExportItem>();
  for (const item of items) {
    if (byId.has(item.article.id))
      throw new Error(`Article ${item.article.id} is listed twice in the export`);
    byId.set(item.article.id, item);
  }
  // Render all first, so a bad template or bad data writes nothing.
  for (const { article, highlights } of items) exportMarkdown(article, highlights, options);
  return exportLibraryToFolder(
    dir,
    items.map((i) => i.article),
    (id) => Promise.resolve(byId.get(id) as ExportItem),
    options,
  );
}
