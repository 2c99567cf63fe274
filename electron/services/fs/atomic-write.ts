/**
 * The one way Gloss replaces a file on disk, used by the store and by every export: readers (and
 * a crash or a power cut at any instant) see either the whole old file or the whole new one.
 *
 * The new content goes to a uniquely named temp file in the same folder (so the rename stays on
 * one file system), is flushed to disk, keeps the old file's permissions, and is renamed over the
 * target; then the folder itself is flushed, because a rename is only durable once its folder is.
 */
import { randomBytes } from 'node:crypto';
import { chmod, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Errors some platforms give for fsync on a folder (Windows cannot open one at all). */
const DIR_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF']);

/** Errors Windows gives while a scanner or indexer briefly holds the target open. */
const TRANSIENT_ON_WINDOWS = new Set(['EPERM', 'EACCES', 'EBUSY']);
const RENAME_ATTEMPTS = 10;

/** Temp files this module creates: `.<name>.<pid>-<random>.tmp`, next to their target. */
const TEMP_NAME = /^\..+\.\d+-[0-9a-f]{12}\.tmp$/;

/** Whether a file name is one of our temp files (left behind if a writer was killed mid-write). */
export function isTempFileName(name: string): boolean {
  return TEMP_NAME.test(name);
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? '';
}

/** Flushes a folder's entries where the platform allows it. */
export async function fsyncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!DIR_SYNC_UNSUPPORTED.has(errorCode(error))) throw error;
  } finally {
    await handle?.close();
  }
}

async function renameReplacing(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const transient = TRANSIENT_ON_WINDOWS.has(errorCode(error));
      if (process.platform !== 'win32' || !transient || attempt >= RENAME_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

/**
 * Replaces `target` with `content` atomically and durably. `beforeReplace` runs once the new
 * content is safely on disk and before the rename (the store keeps a backup of the old file
 * there). Errors are the file system's own (with their `code`), for the caller to word; the
 * temp file never outlives a failure.
 */
export async function writeFileAtomic(
  target: string,
  content: string | Uint8Array,
  beforeReplace?: (target: string) => Promise<void>,
): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  );
  let created = false;
  try {
    const existingMode = await stat(target).then(
      (s) => (s.isFile() ? s.mode & 0o7777 : null),
      () => null,
    );
    // 'wx': never reuse a name, even one a killed writer left behind.
    const handle = await open(temp, 'wx', 0o666);
    created = true;
    try {
      await handle.writeFile(content, typeof content === 'string' ? 'utf8' : undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (existingMode !== null) await chmod(temp, existingMode);
    if (beforeReplace) await beforeReplace(target);
    await renameReplacing(temp, target);
    created = false;
  } catch (error) {
    if (created) await unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(dir);
}
