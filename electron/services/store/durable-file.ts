/**
 * A lowdb adapter for one JSON file whose writes survive a crash or a kill at any instant: the
 * file on disk is always either the whole old version or the whole new one.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { GlossError, messageOf } from '../../../common/errors.ts';

/** Thrown by `read()` when the file exists but is not JSON. */
export class StoreFileParseError extends GlossError {
  override readonly name = 'StoreFileParseError';
  constructor(
    /** The file's full path. */
    readonly file: string,
    /** What the JSON parser objected to. */
    readonly reason: string,
  ) {
    super('damaged-file', `${file} is not valid JSON: ${reason}`);
  }
}

/** Errors some platforms give for fsync on a directory (Windows cannot open one at all). */
const DIR_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF']);

/** Temp files this module creates: `.<name>.<pid>-<random>.tmp`, next to their target. */
const TEMP_NAME = /^\..+\.\d+-[0-9a-f]{12}\.tmp$/;

/** Whether a file name is one of our temp files (left behind if a writer was killed mid-write). */
export function isTempFileName(name: string): boolean {
  return TEMP_NAME.test(name);
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/**
 * Flushes a folder's entries (a rename is only durable once its folder is), where the platform
 * allows it; where it refuses, the rename is as durable as that platform makes it anyway.
 */
export async function fsyncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!DIR_SYNC_UNSUPPORTED.has(errorCode(error) ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

/** Renames, retrying briefly on Windows where a scanner or indexer may hold the target open. */
async function renameReplacing(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const busy = ['EPERM', 'EACCES', 'EBUSY'].includes(errorCode(error) ?? '');
      if (process.platform !== 'win32' || !busy || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
}

/**
 * Writes `text` (or bytes) to `target` durably: a uniquely named temp file in the same folder, fsynced, then
 * renamed over the target, then the folder fsynced. `beforeReplace` runs after the new content
 * is safely on disk and before the rename (the store uses it to keep a backup of the old file).
 */
export async function writeFileDurably(
  target: string,
  text: string | Uint8Array,
  beforeReplace?: (target: string) => Promise<void>,
): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    // 'wx': never reuse a name, even one a killed writer left behind.
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (beforeReplace) await beforeReplace(target);
    await renameReplacing(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(dir);
}

/** Options for DurableJsonFile. */
export interface DurableJsonFileOptions {
  /** Called before the target is replaced; see writeFileDurably. */
  beforeReplace?: (target: string) => Promise<void>;
}

/**
 * lowdb adapter for a JSON file with durable writes. `read()` gives null for a missing file and
 * throws StoreFileParseError for one that is not JSON; after such a failure `write()` refuses
 * until a later `read()` succeeds, so a damaged file is never overwritten before it is dealt with.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  #unreadable = false;

  constructor(
    readonly filePath: string,
    private readonly options: DurableJsonFileOptions = {},
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') {
        this.#unreadable = false;
        return null;
      }
      throw error;
    }
    try {
      const data = JSON.parse(text) as T;
      this.#unreadable = false;
      return data;
    } catch (error) {
      this.#unreadable = true;
      const reason = text.trim() === '' ? 'the file is empty' : messageOf(error);
      throw new StoreFileParseError(this.filePath, reason);
    }
  }

  async write(data: T): Promise<void> {
    if (this.#unreadable) {
      throw new Error(
        `Refusing to overwrite ${this.filePath}: it could not be parsed when last read.`,
      );
    }
    await writeFileDurably(
      this.filePath,
      JSON.stringify(data, null, 2) + '\n',
      this.options.beforeReplace,
    );
  }
}
