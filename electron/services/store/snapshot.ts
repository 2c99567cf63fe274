/**
 * This device's snapshot: the merged state folded out of the logs, so that opening reads one
 * index and, later, one file per article opened, instead of every record ever written. The
 * snapshot is a cache of the logs: a damaged one is moved aside and rebuilt from them. Several
 * processes of one device may fold at once, so folding takes the snapshot's lock
 * (proper-lockfile) and merges with what is on disk instead of overwriting it.
 */
import { isUtf8 } from 'node:buffer';
import { mkdir, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import {
  compactState,
  decodeArticleSnapshot,
  type CompactState,
  indexSnapshotSchema,
  JOURNAL_FORMAT_VERSION,
  rowStatesOf,
  type IndexSnapshot,
} from '../../../common/store/journal-schema.ts';
import {
  mergeHighlight,
  mergeRow,
  type HighlightState,
  type Reg,
  type RowState,
} from '../../../common/store/merge.ts';
import { isTempFileName, writeFileDurably } from './durable-file.ts';
import { articleSnapshotRel, full, indexSnapshotRel, snapshotDir } from './layout.ts';
import type { StoreNotice } from './types.ts';

/** Highlight and note counts of one article, as listed in the library. */
export interface ArticleCounts {
  highlights: number;
  notes: number;
}

/** What a fold writes. */
export interface FoldInput {
  articles: Array<{ id: string; states: Map<string, HighlightState> }>;
  rows: Map<string, RowState>;
  seeded: Reg<boolean> | undefined;
  setSeeded: (reg: Reg<boolean> | undefined) => void;
  counts: (articleId: string) => ArticleCounts;
  watermarks: Map<string, number>;
  /** The latest stamp applied from each writer. */
  seen: Map<string, string>;
  /** Compaction: which merged highlight states to keep (tombstones known everywhere go). */
  keep?: (state: HighlightState) => boolean;
}

type ReadResult = { ok: true; value: unknown } | { ok: false; missing: boolean };

async function readJson(file: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, missing: true };
    throw error;
  }
  // One fast validity check, then a plain decoding (the fatal decoder is several times slower).
  if (!isUtf8(bytes)) return { ok: false, missing: false };
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8')) };
  } catch {
    return { ok: false, missing: false }; // not UTF-8 or not JSON: damaged
  }
}

export class SnapshotFiles {
  /** Set by readIndex when the index was there but damaged (and was moved aside). */
  indexWasDamaged = false;

  constructor(
    readonly dataDir: string,
    readonly device: string,
    private readonly notices: StoreNotice[],
    /** Never move anything aside (the store was opened for reading). */
    private readonly readOnly = false,
  ) {}

  /** The index snapshot, or null when there is none or it was damaged (then moved aside). */
  async readIndex(): Promise<IndexSnapshot | null> {
    const file = full(this.dataDir, indexSnapshotRel(this.device));
    const read = await readJson(file);
    if (!read.ok && read.missing) return null;
    const parsed = read.ok ? indexSnapshotSchema.safeParse(read.value) : null;
    if (parsed?.success) return parsed.data;
    this.indexWasDamaged = true;
    await this.#moveAside(file);
    return null;
  }

  /**
   * One article's highlight states: [] when it has none yet; 'damaged' when the file is
   * unreadable (moved aside) or missing although the index says it exists.
   */
  async readArticle(articleId: string, expected: boolean): Promise<HighlightState[] | 'damaged'> {
    const file = full(this.dataDir, articleSnapshotRel(this.device, articleId));
    const read = await readJson(file);
    if (!read.ok && read.missing) return expected ? 'damaged' : [];
    const decoded = read.ok ? decodeArticleSnapshot(read.value) : null;
    if (decoded && decoded.articleId === articleId) return decoded.states;
    await this.#moveAside(file);
    return 'damaged';
  }

  /** Another device's index snapshot, or null when it has none (or it cannot be read now). */
  async readDeviceIndex(device: string): Promise<IndexSnapshot | null> {
    const read = await readJson(full(this.dataDir, indexSnapshotRel(device))).catch(() => null);
    if (!read?.ok) return null;
    const parsed = indexSnapshotSchema.safeParse(read.value);
    return parsed.success ? parsed.data : null;
  }

  /** The articles another device's snapshot holds highlights of. */
  async deviceArticles(device: string): Promise<string[]> {
    const dir = full(this.dataDir, `${snapshotDir(device)}/highlights`);
    const names = await readdir(dir).catch(() => [] as string[]);
    return names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length));
  }

  /** One article's highlight states in another device's snapshot (none when unreadable). */
  async readDeviceArticle(device: string, articleId: string): Promise<HighlightState[]> {
    const read = await readJson(full(this.dataDir, articleSnapshotRel(device, articleId))).catch(
      () => null,
    );
    const decoded = read?.ok ? decodeArticleSnapshot(read.value) : null;
    return decoded?.articleId === articleId ? decoded.states : [];
  }

  async removeArticle(articleId: string): Promise<void> {
    await rm(full(this.dataDir, articleSnapshotRel(this.device, articleId)), { force: true });
  }

  async #moveAside(file: string): Promise<void> {
    if (this.readOnly) return;
    const to = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(file, to).catch(() => undefined);
  }

  /**
   * Writes the changed articles, then the index that says how far the logs are folded (the
   * index last: a crash in between leaves article files ahead of it, which is harmless since
   * replaying a record twice changes nothing).
   */
  async fold(input: FoldInput): Promise<void> {
    const dir = full(this.dataDir, snapshotDir(this.device));
    await mkdir(`${dir}/highlights`, { recursive: true });
    const release = await lockfile.lock(dir, {
      lockfilePath: `${dir}.lock`,
      realpath: false,
      // A lock left by a killed process is taken over after this long (the library's minimum).
      stale: 5_000,
      // Folding is an optimisation: when another process of this device is at it, let it.
      retries: { retries: 3, minTimeout: 20, maxTimeout: 100 },
    });
    try {
      // Under the lock no other process of this device is writing here: what temp files
      // there are were left by a killed one.
      await removeTempFiles(dir);
      await removeTempFiles(`${dir}/highlights`);
      const disk = await this.#readIndexQuietly();
      const counts: Record<string, ArticleCounts> = { ...(disk?.counts ?? {}) };
      for (const article of input.articles) {
        const merged = await this.#mergedWithDisk(article.id, article.states);
        const highlights: CompactState[] = [];
        for (const state of merged.values())
          if (!input.keep || input.keep(state)) highlights.push(compactState(state));
        await writeFileDurably(
          full(this.dataDir, articleSnapshotRel(this.device, article.id)),
          JSON.stringify({ format: JOURNAL_FORMAT_VERSION, articleId: article.id, highlights }),
        );
        counts[article.id] = input.counts(article.id);
      }
      const rows = new Map<string, RowState>();
      for (const [id, state] of input.rows) rows.set(id, state);
      for (const row of disk ? rowStatesOf(disk) : []) {
        const held = rows.get(row.id);
        if (!held) rows.set(row.id, row);
        else {
          const copy = { id: held.id, f: { ...held.f } };
          mergeRow(copy, row);
          rows.set(row.id, copy);
        }
      }
      for (const id of rows.keys()) counts[id] ??= input.counts(id);
      let seeded = input.seeded;
      if (disk?.seeded && (!seeded || disk.seeded.t > seeded.t)) seeded = disk.seeded;
      const watermarks: Record<string, number> = { ...(disk?.watermarks ?? {}) };
      for (const [rel, at] of input.watermarks)
        if ((watermarks[rel] ?? 0) < at) watermarks[rel] = at;
      const seen: Record<string, string> = { ...(disk?.seen ?? {}) };
      for (const [writer, t] of input.seen) if ((seen[writer] ?? '') < t) seen[writer] = t;
      const index = {
        format: JOURNAL_FORMAT_VERSION,
        watermarks,
        seen,
        ...(seeded ? { seeded } : {}),
        rows: [...rows.values()],
        counts,
      };
      await writeFileDurably(
        full(this.dataDir, indexSnapshotRel(this.device)),
        JSON.stringify(index),
      );
    } finally {
      await release();
    }
  }

  async #readIndexQuietly(): Promise<IndexSnapshot | null> {
    const read = await readJson(full(this.dataDir, indexSnapshotRel(this.device)));
    if (!read.ok) return null;
    const parsed = indexSnapshotSchema.safeParse(read.value);
    return parsed.success ? parsed.data : null;
  }

  /** The article's states merged with what another process of this device may have folded. */
  async #mergedWithDisk(
    articleId: string,
    states: Map<string, HighlightState>,
  ): Promise<Map<string, HighlightState>> {
    const read = await readJson(full(this.dataDir, articleSnapshotRel(this.device, articleId)));
    if (!read.ok) return states;
    const decoded = decodeArticleSnapshot(read.value);
    if (!decoded) return states;
    const merged = new Map(states);
    for (const s of decoded.states) {
      const held = merged.get(s.id);
      if (!held) {
        merged.set(s.id, s);
        continue;
      }
      const copy: HighlightState = structuredClone(held);
      mergeHighlight(copy, s);
      merged.set(s.id, copy);
    }
    return merged;
  }
}

/**
 * Removes temp files a killed writer left in `dir`; with `olderThanMs`, only those that old (in a
 * folder every process writes to, a younger one may be another process's write in progress).
 */
export async function removeTempFiles(dir: string, olderThanMs = 0): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!isTempFileName(name)) continue;
    const file = path.join(dir, name);
    if (olderThanMs > 0) {
      const info = await stat(file).catch(() => null);
      if (!info || Date.now() - info.mtimeMs < olderThanMs) continue;
    }
    await unlink(file).then(
      () => removed++,
      () => undefined,
    );
  }
  return removed;
}
