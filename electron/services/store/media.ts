/**
 * Images saved with a web page: `media/<articleId>/<name>`, written by the importer, removed with
 * the article. Both store formats keep them the same way, through these functions.
 */
import { mkdir, readdir, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { GlossError } from '../../../common/errors.ts';
import { writeFileDurably } from './durable-file.ts';
import { MEDIA_DIR, SAFE_ID } from './layout.ts';
import { describeWriteFailure } from './write-failure.ts';

/** Media files are named by the importer (a hash and an image extension); nothing else. */
const SAFE_MEDIA_NAME = /^[A-Za-z0-9_-]{1,100}\.[a-z0-9]{1,5}$/;

function mediaDir(dataDir: string, articleId: string): string {
  return path.join(dataDir, MEDIA_DIR, articleId);
}

/** Writes one image of an article durably; refuses ids and names that are not plain. */
export async function saveMediaFile(
  dataDir: string,
  articleId: string,
  name: string,
  bytes: Uint8Array,
): Promise<void> {
  if (!SAFE_ID.test(articleId))
    throw new GlossError(
      'invalid-argument',
      `Cannot keep images for the article id "${articleId}".`,
    );
  if (!SAFE_MEDIA_NAME.test(name))
    throw new GlossError('invalid-argument', `Cannot keep an image named "${name}".`);
  const dir = mediaDir(dataDir, articleId);
  try {
    await mkdir(dir, { recursive: true });
    await writeFileDurably(path.join(dir, name), bytes);
  } catch (error) {
    throw describeWriteFailure(error, `an image of the article ${articleId}`);
  }
}

/** Removes an article's images other than `keep` (the folder too when none is kept). */
export async function pruneMediaFiles(
  dataDir: string,
  articleId: string,
  keep: ReadonlySet<string>,
): Promise<void> {
  if (!SAFE_ID.test(articleId)) return;
  const dir = mediaDir(dataDir, articleId);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return; // no media folder: nothing to prune
  }
  for (const name of names)
    if (!keep.has(name)) await unlink(path.join(dir, name)).catch(() => undefined);
  if (keep.size === 0) await rm(dir, { recursive: true, force: true });
}

/** Removes all of an article's images (the article is gone for good). */
export async function removeMedia(dataDir: string, articleId: string): Promise<void> {
  if (!SAFE_ID.test(articleId)) return;
  await rm(mediaDir(dataDir, articleId), { recursive: true, force: true });
}
