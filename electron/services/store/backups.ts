/**
 * Rolling backups: before a stored file is replaced, its current version is kept under
 * `backups/<relative path>/<timestamp>.json` (the last few per file). The current version is
 * always a good one (it was written whole by the store or it loaded cleanly), and files are only
 * ever replaced by rename, never changed in place, so a hard link is a faithful, free copy.
 */
import { copyFile, link, mkdir, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** The folder under the data folder that holds backups. */
export const BACKUP_DIR = 'backups';
/** How many previous versions are kept per file. */
export const BACKUPS_KEPT = 5;

let sequence = 0;

/** Sortable and valid on every platform: `2025-01-31T09-05-07-123Z-000042.json`. */
function backupName(now: Date): string {
  sequence = (sequence + 1) % 1_000_000;
  return `${now.toISOString().replace(/[:.]/g, '-')}-${String(sequence).padStart(6, '0')}.json`;
}

const BACKUP_NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-\d{6}\.json$/;

/**
 * When a backup was taken, read from its name, as "2025-01-31 09:05:07 UTC" (or the name itself).
 */
export function backupTakenAt(backupPath: string): string {
  const m = BACKUP_NAME.exec(path.basename(backupPath));
  return m ? `${m[1]} ${m[2]}:${m[3]}:${m[4]} UTC` : path.basename(backupPath);
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** The folder holding the backups of one stored file (`rel` is relative to the data folder). */
export function backupFolder(dataDir: string, rel: string): string {
  return path.join(dataDir, BACKUP_DIR, rel);
}

/** A stored file's backups, newest first (full paths). */
export async function listBackups(dataDir: string, rel: string): Promise<string[]> {
  const folder = backupFolder(dataDir, rel);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((n) => BACKUP_NAME.test(n))
    .sort()
    .reverse()
    .map((n) => path.join(folder, n));
}

/**
 * Keeps the current version of `rel` as its newest backup and drops the oldest beyond
 * BACKUPS_KEPT. Does nothing when the file does not exist yet. A backup is a convenience: if
 * keeping one fails for a reason other than the file being absent, the write it precedes fails
 * too, rather than replacing a file without the safety net the user was promised.
 */
export async function keepBackup(
  dataDir: string,
  rel: string,
  now: Date = new Date(),
): Promise<void> {
  const source = path.join(dataDir, rel);
  const folder = backupFolder(dataDir, rel);
  try {
    await stat(source);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return; // nothing to keep yet
    throw error;
  }
  await mkdir(folder, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    const target = path.join(folder, backupName(now));
    try {
      await link(source, target);
      break;
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT') return;
      if (code === 'EEXIST' && attempt < 5) continue;
      // Some file systems (FAT, some network shares) have no hard links: copy instead.
      if (
        code === 'EPERM' ||
        code === 'ENOTSUP' ||
        code === 'EXDEV' ||
        code === 'EMLINK' ||
        code === 'ENOSYS'
      ) {
        try {
          await copyFile(source, target);
          break;
        } catch (copyError) {
          if (errorCode(copyError) === 'ENOENT') return;
          throw copyError;
        }
      }
      throw error;
    }
  }
  const all = await listBackups(dataDir, rel);
  for (const old of all.slice(BACKUPS_KEPT)) {
    await unlink(old).catch(() => undefined);
  }
}
