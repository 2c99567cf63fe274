import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** One of the two replicas a file-sync engine keeps in step. */
export type Side = 0 | 1;

/**
 * A file-sync engine carrying two folders, as Syncthing, Dropbox or iCloud Drive carry a data
 * folder between two computers. The scenarios are written against this, so they run alike on
 * real Syncthing and on the folder-copy stand-in.
 */
export interface FileSync {
  /** For test names and messages. */
  readonly name: string;
  /** The two replicated folders, one per simulated computer. */
  readonly folders: readonly [string, string];
  /** Takes one side offline: nothing it writes leaves it, nothing from the other side arrives. */
  pause(side: Side): Promise<void>;
  /** Brings a paused side back online. */
  resume(side: Side): Promise<void>;
  /**
   * Resolves once both folders hold the same files with the same bytes and the engine has
   * nothing left to do; rejects after `timeoutMs` naming what still differs.
   */
  waitInSync(timeoutMs?: number): Promise<void>;
  /** Stops the engine and removes everything it created outside the two folders. */
  close(): Promise<void>;
}

/** Files the engines keep for themselves inside a shared folder; never part of the data. */
export function isEngineFile(relative: string): boolean {
  const first = relative.split('/')[0] ?? '';
  const base = path.posix.basename(relative);
  return (
    first === '.stfolder' ||
    first === '.stversions' ||
    base === '.stignore' ||
    base.startsWith('.syncthing.') ||
    base.startsWith('~syncthing~') ||
    base.includes('.copy-in-progress-')
  );
}

/** The digest of one file's bytes, or undefined when it is not there. */
export async function digestOf(file: string): Promise<string | undefined> {
  try {
    return createHash('sha1')
      .update(await readFile(file))
      .digest('hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Every data file under `root` (relative, `/`-separated) with a digest of its bytes. */
export async function treeDigest(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (isEngineFile(relative)) continue;
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        // Removed between listing and reading (a writer's rename): absent, as on disk now.
        const digest = await digestOf(full);
        if (digest !== undefined) files.set(relative, digest);
      }
    }
  };
  await walk(root);
  return files;
}

/** The paths whose bytes differ between two digests (present on one side only, or changed). */
export function treeDifferences(a: Map<string, string>, b: Map<string, string>): string[] {
  const differ: string[] = [];
  for (const [name, digest] of a) if (b.get(name) !== digest) differ.push(name);
  for (const name of b.keys()) if (!a.has(name)) differ.push(name);
  return differ.sort();
}

/** Conflict copies a file-sync engine made: Syncthing's and Dropbox's spellings. */
export function isConflictCopy(relative: string): boolean {
  return (
    /\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}/.test(relative) || /conflicted copy/.test(relative)
  );
}
