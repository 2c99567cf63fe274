/**
 * Opens the library store in a data folder: finds this device's name, converts a library in
 * the previous format, and falls back to read-only when the folder cannot be written (a
 * read-only disk, a folder shared without write access) rather than refusing to open.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { deviceName } from './device.ts';
import { JournalStore } from './journal-store.ts';
import { CONTENT_DIR, full, logsDir } from './layout.ts';
import { removeTempFiles } from './snapshot.ts';
import { migrateFromV1, needsMigration } from './migrate-v1.ts';
import type { LibraryStore } from './types.ts';
import { isNotWritable } from './write-failure.ts';

/** How a store is opened. */
export interface OpenStoreOptions {
  /** This device's name (default: GLOSS_DEVICE, else the one remembered in `configDir`). */
  device?: string;
  /** Where the device name is remembered (default: the user's config folder). */
  configDir?: string;
  /** Wall clock for change stamps (tests). */
  wallClock?: () => number;
  /**
   * Open for reading only (`gloss list`, `show`, `export`…): nothing is created, converted,
   * folded or cleaned in the folder, so a read works on a read-only folder and leaves no trace.
   */
  readOnly?: boolean;
}

/**
 * Opens (creating if need be) the library in `dataDir`. Problems met on the way (damaged
 * snapshots rebuilt from the logs, a read-only folder) are in the store's `notices`.
 */
export async function openLibraryStore(
  dataDir: string,
  options: OpenStoreOptions = {},
): Promise<LibraryStore & { fold(): Promise<void> }> {
  const dir = path.resolve(dataDir);
  const device = options.device ?? (await deviceName(options.configDir));
  // A library still in the previous format is converted even by a command that only reads
  // (once, and only where the folder can be written): it could not be read otherwise.
  const forReading = (options.readOnly ?? false) && !(await needsMigration(dir));
  let readOnly = forReading;
  if (!forReading)
    try {
      await mkdir(full(dir, logsDir(device)), { recursive: true });
    } catch (error) {
      if (!isNotWritable(error)) throw error;
      readOnly = true;
    }
  const notices = [];
  if (!readOnly && (await needsMigration(dir))) notices.push(...(await migrateFromV1(dir, device)));
  const store = new JournalStore(dir, { device, readOnly, wallClock: options.wallClock });
  store.notices.push(...notices);
  await store.load();
  // Content files are written by every process: only temp files old enough to be abandoned.
  if (!readOnly) await removeTempFiles(full(dir, CONTENT_DIR), 10 * 60_000);
  if (readOnly && !forReading)
    store.notices.push({
      file: 'library folder',
      message:
        'The library folder cannot be written, so the library was opened read-only: you can ' +
        'read and export, but changes cannot be saved.',
    });
  return store;
}
