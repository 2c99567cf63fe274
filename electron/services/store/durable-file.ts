/**
 * A lowdb adapter for one JSON file whose writes survive a crash or a kill at any instant: the
 * file on disk is always either the whole old version or the whole new one.
 */
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { GlossError, messageOf } from '../../../common/errors.ts';
import { fsyncDirectory, isTempFileName, writeFileAtomic } from '../fs/atomic-write.ts';

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

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** The store's writes are the one atomic replacement every part of Gloss uses. */
export const writeFileDurably = writeFileAtomic;
export { fsyncDirectory, isTempFileName };

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
