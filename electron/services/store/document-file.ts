/**
 * One stored document (the index, an article or an article's highlights): loading with
 * migration, validation and recovery from damage, and validated durable saving with a backup of
 * the version being replaced.
 */
import { readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { decodeDocument } from '../../../common/store/decode.ts';
import { describeZodError, NewerSchemaError } from '../../../common/store/migrations.ts';
import {
  documentSchemas,
  type DocumentKind,
  type DocumentTypes,
} from '../../../common/store/schema.ts';
import { backupTakenAt, keepBackup, listBackups } from './backups.ts';
import { DurableJsonFile, fsyncDirectory, StoreFileParseError } from './durable-file.ts';
import type { StoreNotice } from './types.ts';

/**
 * How a load went: `loaded` (all well), `missing` (no file, which is normal for that kind),
 * `restored` (damaged or missing, replaced by a backup), `lost` (damaged or missing, no usable
 * backup: the data is at its defaults). The last two come with a notice.
 */
export type LoadState = 'loaded' | 'missing' | 'restored' | 'lost';

/** A document file: its lowdb instance and where it lives. */
export class DocumentFile<K extends DocumentKind> {
  /** Holds null only for a document that has no sensible default (an article) and is absent. */
  readonly db: Low<DocumentTypes[K] | null>;
  readonly adapter: DurableJsonFile<DocumentTypes[K] | null>;

  constructor(
    readonly dataDir: string,
    readonly kind: K,
    /** Path relative to the data folder, with forward slashes (as shown to people). */
    readonly rel: string,
    defaults: DocumentTypes[K] | null,
  ) {
    this.adapter = new DurableJsonFile<DocumentTypes[K] | null>(path.join(dataDir, rel), {
      beforeReplace: () => keepBackup(dataDir, rel),
    });
    this.db = new Low(this.adapter, defaults);
  }

  get data(): DocumentTypes[K] | null {
    return this.db.data;
  }

  /**
   * Validates and writes `next` durably, then makes it the current data. Stores what the schema
   * returns, so stray properties a caller's objects carry are not written. On failure nothing
   * changes in memory either.
   */
  async save(next: DocumentTypes[K]): Promise<DocumentTypes[K]> {
    const parsed = documentSchemas[this.kind].safeParse(next);
    if (!parsed.success)
      throw new Error(`Not saving ${this.rel}: ${describeZodError(parsed.error)}`);
    const value = parsed.data as DocumentTypes[K];
    const previous = this.db.data;
    this.db.data = value;
    try {
      await this.db.write();
    } catch (error) {
      this.db.data = previous;
      throw error;
    }
    return value;
  }
}

/** What to say, per kind of file, when a damaged file had no backup to fall back on. */
export interface LoadOptions {
  /** Treat a missing file as damage (an article listed in the index must exist). */
  missingIsDamage?: boolean;
  /** Ends the notice when no usable backup was found ("its highlights start empty"). */
  withoutBackup: string;
}

function stampForName(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/**
 * Renames a damaged file to `<name>.corrupt-<timestamp>` beside it; returns the new relative path.
 */
async function moveAside(dataDir: string, rel: string): Promise<string> {
  const from = path.join(dataDir, rel);
  let asideRel = `${rel}.corrupt-${stampForName(new Date())}`;
  for (let n = 2; ; n++) {
    try {
      await stat(path.join(dataDir, asideRel));
    } catch {
      break;
    }
    asideRel = `${rel}.corrupt-${stampForName(new Date())}-${n}`;
  }
  await rename(from, path.join(dataDir, asideRel));
  await fsyncDirectory(path.dirname(from));
  return asideRel;
}

/** The newest backup of `rel` that parses and validates (migrating if need be), or null. */
async function newestGoodBackup<K extends DocumentKind>(
  dataDir: string,
  kind: K,
  rel: string,
): Promise<{ value: DocumentTypes[K]; takenAt: string } | null> {
  for (const candidate of await listBackups(dataDir, rel)) {
    try {
      const decoded = decodeDocument(kind, JSON.parse(await readFile(candidate, 'utf8')), rel);
      if (decoded.ok) return { value: decoded.value, takenAt: backupTakenAt(candidate) };
    } catch (error) {
      // A torn, unreadable or future-version backup is simply not a candidate.
      if (
        !(error instanceof SyntaxError) &&
        !(error instanceof NewerSchemaError) &&
        !isFsError(error)
      )
        throw error;
    }
  }
  return null;
}

function isFsError(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException | null)?.code === 'string';
}

/**
 * Loads a document into `file.db.data`. A file that is not JSON, or does not validate after
 * migrations, is moved aside and replaced by its newest good backup if there is one (else the
 * data stays at its defaults); a notice saying so is appended to `notices`. A file written by a
 * newer Gloss throws NewerSchemaError and is left exactly as it is.
 */
export async function loadDocument<K extends DocumentKind>(
  file: DocumentFile<K>,
  notices: StoreNotice[],
  options: LoadOptions,
): Promise<LoadState> {
  let problem: string;
  let missing = false;
  try {
    const raw = await file.adapter.read();
    if (raw === null) {
      if (!options.missingIsDamage) return 'missing';
      missing = true;
      problem = 'is missing';
    } else {
      const decoded = decodeDocument(file.kind, raw, file.rel);
      if (decoded.ok) {
        file.db.data = decoded.value;
        return 'loaded';
      }
      problem = `did not have the expected contents (${decoded.reason})`;
    }
  } catch (error) {
    if (!(error instanceof StoreFileParseError)) throw error;
    problem = `could not be read (${error.reason})`;
  }

  const asideRel = missing ? null : await moveAside(file.dataDir, file.rel);
  // The file is gone from its place now; reading again clears the adapter's refusal to write.
  await file.adapter.read();
  const backup = await newestGoodBackup(file.dataDir, file.kind, file.rel);
  let message = `${file.rel} ${problem}.`;
  if (asideRel) message += ` It was moved aside to ${asideRel}.`;
  if (backup) {
    await file.save(backup.value);
    message += ` The most recent good backup (from ${backup.takenAt}) was restored in its place.`;
  } else {
    message += ` No usable backup was found, so ${options.withoutBackup}.`;
  }
  notices.push({ file: file.rel, message });
  return backup ? 'restored' : 'lost';
}
