/**
 * Atomic file replacement: readers (and a crash) see either the old file whole or the new one
 * whole, never a half-written file.
 */

import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat, chmod } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { messageOf } from '../../../common/errors.ts';

/** A sentence fragment for people, from a Node error code. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'the folder does not exist';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'EISDIR':
      return 'a folder is in the way';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EBUSY':
      return 'the file is in use';
    default:
      return messageOf(error);
  }
}

/** Errors Windows gives while another process (an indexer, an antivirus) briefly holds the target. */
const TRANSIENT = new Set(['EPERM', 'EACCES', 'EBUSY']);

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (process.platform !== 'win32' || !TRANSIENT.has(code) || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    }
  }
}

/** Flushes a folder's entry list, so a rename survives a power cut. Not possible on Windows; skipped there. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on folders; the data itself is already synced.
  } finally {
    await handle.close();
  }
}

/**
 * Writes `content` to `path` atomically: into a temporary file in the same folder (so the
 * rename stays on one file system), flushed to disk, then renamed over `path`. An existing
 * file is replaced only whole, keeping its permissions. On any error the temporary file is
 * removed and the error says which path failed and why ("Could not write …: permission denied").
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  const temp = join(
    folder,
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  let created = false;
  try {
    const existingMode = await stat(path).then(
      (s) => (s.isFile() ? s.mode & 0o7777 : null),
      () => null,
    );
    const handle = await open(temp, 'wx', 0o666);
    created = true;
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (existingMode !== null) await chmod(temp, existingMode);
    await renameWithRetry(temp, path);
    created = false;
    await syncFolder(folder);
  } catch (error) {
    if (created) await rm(temp, { force: true }).catch(() => undefined);
    throw new Error(`Could not write ${path}: ${describeFsError(error)}`, { cause: error });
  }
}
