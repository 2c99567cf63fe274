/**
 * The library store: every change is a record appended (and fsynced) to this process's own
 * change log under `devices/<device>/logs/`; the library is the merge of every log in the
 * folder (see common/store/merge.ts), folded now and then into this device's snapshot so that
 * opening stays fast. Article content is stored once per distinct content under `content/`.
 * Layout, guarantees and API: README.md beside this file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { GlossError } from '../../../common/errors.ts';
import type { Article, ArticleSummary } from '../../../common/model/article.ts';
import type { Highlight } from '../../../common/model/highlight.ts';
import { HybridClock, parseStamp, writerOf, type Stamp } from '../../../common/store/hlc.ts';
import {
  applyHighlightOp,
  applyRowOp,
  highlightOps,
  mergeHighlight,
  mergeRow,
  materializeRow,
  noteHeads,
  type HighlightState,
  type LogRecord,
  type Op,
  type Reg,
  type RowFields,
  type RowState,
} from '../../../common/store/merge.ts';
import { articleSchema, type IndexRow } from '../../../common/store/schema.ts';
import { JOURNAL_FORMAT_VERSION } from '../../../common/store/journal-schema.ts';
import { LogWriter, scanLog } from './change-log.ts';
import { writeFileDurably } from './durable-file.ts';
import { describeWriteFailure } from './write-failure.ts';
import {
  CONTENT_DIR,
  contentRel,
  DEVICES_DIR,
  full,
  indexSnapshotRel,
  logsDir,
  SAFE_ID,
} from './layout.ts';
import { SnapshotFiles, type ArticleCounts } from './snapshot.ts';
import { FolderWatch } from './folder-watch.ts';
import { pruneMediaFiles, removeMedia, saveMediaFile } from './media.ts';
import { ArticleHighlights, deepFreeze } from './article-highlights.ts';
import type {
  HighlightsTx,
  LibraryChange,
  LibraryStore,
  ReadingPosition,
  StoreNotice,
} from './types.ts';

/** Fold the log into the snapshot after this many records, and this long after the last one. */
const FOLD_AFTER_RECORDS = 2000;
const FOLD_IDLE_MS = 30_000;
/** Compact this device's logs at close once they hold this many bytes. */
const COMPACT_AT_BYTES = 4 * 1024 * 1024;
/** At open, fold when at least this many records were read past the snapshot. */
const FOLD_AT_OPEN_RECORDS = 500;
/**
 * A deletion is remembered until every device has folded it, or this long (a device away from
 * the folder for longer could bring back a highlight deleted meanwhile).
 */
const TOMBSTONE_MAX_AGE_MS = 180 * 24 * 60 * 60_000;
/**
 * …and at least this long, so that every running process of this device (which reads the logs
 * within seconds) has applied it before the record that carried it can be compacted away.
 */
const TOMBSTONE_MIN_AGE_MS = 60 * 60_000;

/** Whether the process that writes a log of this device (`<time>-<pid>-<random>`) still runs. */
function writerAlive(rel: string): boolean {
  const pid = Number(/-(\d+)-[0-9a-f]+\.jsonl$/.exec(rel)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Tags as the user means them: trimmed, no empties, the first spelling of each kept. */
function cleanTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

/** The row fields an article sets (the user's own fields — tags, position, trash — are apart). */
function articleRowFields(article: Article, content: string): Partial<RowFields> {
  return {
    content,
    title: article.title,
    source: article.source,
    author: article.author ?? null,
    dateline: article.dateline,
    publisher: article.publisher,
    published: article.published,
    syndicated: article.syndicated,
    words: article.words,
    addedAt: article.addedAt,
    contentHash: article.contentHash,
    url: article.url ?? null,
  };
}

function summaryOf(row: IndexRow): ArticleSummary {
  const { contentHash: _hash, ...summary } = row;
  if (summary.tags) summary.tags = [...summary.tags];
  return summary;
}

/** Options for opening a store. */
export interface JournalStoreOptions {
  device: string;
  /** Open without ever writing (set when the folder turned out not to be writable). */
  readOnly?: boolean;
  /** Wall clock for stamps (tests). */
  wallClock?: () => number;
}

export class JournalStore implements LibraryStore {
  readonly notices: StoreNotice[] = [];
  readonly device: string;
  #readOnly: boolean;
  #clock: HybridClock;
  #writer: LogWriter;
  #writerRel: string;
  readonly #wallClock: (() => number) | undefined;
  readonly #snapshots: SnapshotFiles;
  readonly #rows = new Map<string, RowState>();
  #seeded: Reg<boolean> | undefined;
  /** Articles whose highlights are in memory; every other one's are whole in the snapshot. */
  readonly #loaded = new Map<string, ArticleHighlights>();
  /** Counts of articles not in memory, as the snapshot recorded them. */
  readonly #counts = new Map<string, ArticleCounts>();
  /** How far each log has been read (relative path → bytes), this process's own included. */
  readonly #read = new Map<string, number>();
  /** The latest stamp applied from each writer (see the snapshot's `seen`). */
  readonly #seen = new Map<string, Stamp>();
  /** Other devices' snapshot indexes as last looked at (size and time), so each is read once. */
  readonly #peerIndexes = new Map<string, string>();
  /** Articles changed since the last fold, and whether rows or settings changed. */
  readonly #dirty = new Set<string>();
  #indexDirty = false;
  #recordsSinceFold = 0;
  #foldTimer: NodeJS.Timeout | null = null;
  #rowCache: IndexRow[] | null = null;
  #rowById = new Map<string, IndexRow>();
  readonly #content = new Map<string, Article>();
  #queue: Promise<unknown> = Promise.resolve();
  readonly #listeners = new Set<(change: LibraryChange) => void>();
  #watch: FolderWatch | null = null;
  #closed = false;

  constructor(
    readonly dataDir: string,
    options: JournalStoreOptions,
  ) {
    this.device = options.device;
    this.#readOnly = options.readOnly ?? false;
    this.#wallClock = options.wallClock;
    [this.#writerRel, this.#writer, this.#clock] = this.#newLog();
    this.#snapshots = new SnapshotFiles(dataDir, this.device, this.notices, this.#readOnly);
  }

  get readOnly(): boolean {
    return this.#readOnly;
  }

  /** A log of this process's own: `<time>-<pid>-<random>.jsonl`, its writer and its clock. */
  #newLog(): [string, LogWriter, HybridClock] {
    const logName = `${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString('hex')}`;
    const rel = `${logsDir(this.device)}/${logName}.jsonl`;
    const clock = new HybridClock(`${this.device}~${logName}`, this.#wallClock);
    return [rel, new LogWriter(full(this.dataDir, rel)), clock];
  }

  // ---- opening -------------------------------------------------------------------------------

  /** Loads the snapshot and reads every log past it. Runs once, before anyone can call in. */
  async load(): Promise<void> {
    const index = await this.#snapshots.readIndex();
    if (index) {
      for (const row of index.rows) this.#rows.set(row.id, row);
      this.#seeded = index.seeded;
      for (const [id, c] of Object.entries(index.counts)) this.#counts.set(id, c);
      for (const [rel, at] of Object.entries(index.watermarks)) this.#read.set(rel, at);
      for (const [writer, t] of Object.entries(index.seen ?? {})) this.#seen.set(writer, t);
    }
    if (index) await this.#notePeerIndex(this.device);
    const lostIndex = this.#snapshots.indexWasDamaged;
    // A lost index is rebuilt from the logs and, for what compaction removed from them, from
    // what other devices folded.
    await this.#catchUp(false, lostIndex);
    if (lostIndex) {
      const rows = this.listArticles().length + this.listTrash().length;
      this.notices.push({
        file: 'library index',
        message:
          `The library's saved index was damaged and has been rebuilt from the change logs: ` +
          `${rows} article${rows === 1 ? '' : 's'} with their tags, reading positions and trash.`,
      });
      this.#indexDirty = true;
    }
    // Fold at open only when it pays (a long log to read next time) or after a repair; a
    // one-shot command otherwise writes nothing it was not asked to.
    const repaired = lostIndex || this.notices.length > 0;
    if (!this.#readOnly && (repaired || this.#recordsSinceFold >= FOLD_AT_OPEN_RECORDS))
      await this.#foldNow();
  }

  // ---- reading -------------------------------------------------------------------------------

  get seeded(): boolean {
    return this.#seeded?.v ?? false;
  }

  #allRows(): IndexRow[] {
    if (!this.#rowCache) {
      // In the order added: the stamp of the record that added each article.
      const states = [...this.#rows.values()].sort((a, b) => {
        const x = a.f.addedAt?.t ?? '';
        const y = b.f.addedAt?.t ?? '';
        return x < y ? -1 : x > y ? 1 : 0;
      });
      const rows: IndexRow[] = [];
      for (const state of states) {
        // Counts change with every highlight; they are filled in when a row is handed out.
        const row = materializeRow(state, { highlights: 0, notes: 0 });
        if (row) rows.push(row);
      }
      this.#rowCache = rows;
      this.#rowById = new Map(rows.map((r) => [r.id, r]));
    }
    return this.#rowCache;
  }

  #countsOf(id: string): ArticleCounts {
    return this.#loaded.get(id)?.counts() ?? this.#counts.get(id) ?? { highlights: 0, notes: 0 };
  }

  #row(id: string): IndexRow | undefined {
    this.#allRows();
    return this.#rowById.get(id);
  }

  /** A row as handed out: a copy, with its current counts. */
  #summary(row: IndexRow): ArticleSummary {
    return { ...summaryOf(row), ...this.#countsOf(row.id) };
  }

  listArticles(): ArticleSummary[] {
    return this.#allRows()
      .filter((r) => !r.trashedAt)
      .map((r) => this.#summary(r));
  }

  listTrash(): ArticleSummary[] {
    return this.#allRows()
      .filter((r) => r.trashedAt)
      .map((r) => this.#summary(r));
  }

  getSummary(articleId: string): ArticleSummary | null {
    const row = this.#row(articleId);
    return row ? this.#summary(row) : null;
  }

  contentHashOf(articleId: string): string | null {
    return this.#row(articleId)?.contentHash ?? null;
  }

  findByContentHash(hash: string): ArticleSummary | null {
    const row = this.#allRows().find((r) => r.contentHash === hash);
    return row ? this.#summary(row) : null;
  }

  findByUrl(url: string): ArticleSummary | null {
    const rows = this.#allRows().filter((r) => r.url === url);
    const row = rows.find((r) => !r.trashedAt) ?? rows[0];
    return row ? this.#summary(row) : null;
  }

  async getArticle(id: string): Promise<Article | null> {
    const key = this.#row(id) ? this.#rows.get(id)?.f.content?.v : undefined;
    if (!key) return null;
    // Cached articles are frozen, so they are handed out as they are, not copied each call.
    return this.#readContent(key, id);
  }

  async getHighlights(articleId: string): Promise<Highlight[]> {
    if (!this.#rows.has(articleId)) return [];
    const loaded =
      this.#loaded.get(articleId) ?? (await this.#enqueue(() => this.#load(articleId)));
    // Each highlight is frozen, so the list can be handed out without copying 10,000 of them.
    return [...loaded.list];
  }

  async highlightsStamp(articleId: string): Promise<string | null> {
    if (!this.#rows.has(articleId)) return null;
    const loaded =
      this.#loaded.get(articleId) ?? (await this.#enqueue(() => this.#load(articleId)));
    return loaded.stamp();
  }

  // ---- changing ------------------------------------------------------------------------------

  updateHighlights<T>(articleId: string, change: (tx: HighlightsTx) => T): Promise<T> {
    return this.#transact(async () => {
      const title = this.#titleOrThrow(articleId, 'change the highlights of');
      const article = this.#loaded.get(articleId) ?? (await this.#load(articleId));
      const ops: Op[] = [];
      const overlay = new Map<string, Highlight | null>();
      const tx: HighlightsTx = {
        list: () => {
          const list = article.list.filter((h) => !overlay.has(h.id));
          for (const h of overlay.values()) if (h) list.push(h);
          return list;
        },
        get: (id) => (overlay.has(id) ? (overlay.get(id) ?? null) : article.get(id)),
        put: (highlight, options = {}) => {
          if (highlight.articleId !== articleId)
            throw new GlossError('invalid-argument', `The highlight belongs to another article.`);
          const prev = tx.get(highlight.id);
          const state = article.states.get(highlight.id);
          const heads = noteHeads(state);
          const base = options.resolveConflicts ? heads : heads.slice(0, 1);
          const { conflicts: _c, ...plain } = highlight;
          const resolving = (options.resolveConflicts ?? false) && heads.length > 1;
          ops.push(...highlightOps(articleId, prev, plain, prev ? base : heads, resolving));
          overlay.set(highlight.id, plain);
        },
        remove: (id) => {
          if (!tx.get(id)) return false;
          ops.push({ o: 'hl', a: articleId, h: id, f: { live: false } });
          overlay.set(id, null);
          return true;
        },
      };
      const result = change(tx);
      if (ops.length > 0) await this.#commit(ops, `the highlights of “${title}”`);
      return result;
    });
  }

  async saveHighlights(articleId: string, highlights: Highlight[]): Promise<void> {
    await this.updateHighlights(articleId, (tx) => {
      const keep = new Set(highlights.map((h) => h.id));
      for (const h of tx.list()) if (!keep.has(h.id)) tx.remove(h.id);
      for (const h of highlights) tx.put(h);
    });
  }

  addArticle(article: Article): Promise<void> {
    return this.#transact(async () => {
      if (!SAFE_ID.test(article.id))
        throw new GlossError(
          'invalid-argument',
          `Cannot add an article with the id "${article.id}".`,
        );
      // Ids name files, and some file systems ignore case: refuse ids that differ only in case.
      const lower = article.id.toLowerCase();
      const clash = [...this.#rows.keys()].find((id) => id.toLowerCase() === lower);
      if (clash)
        throw new GlossError(
          'conflict',
          `An article with the id "${clash}" is already in the library.`,
        );
      // The content first: should the process die before the record, it is an unlisted file.
      const key = await this.#writeContent(article);
      await this.#commit(
        [{ o: 'row', a: article.id, f: { ...articleRowFields(article, key), live: true } }],
        `“${article.title}”`,
      );
    });
  }

  updateArticle(article: Article): Promise<void> {
    return this.#transact(async () => {
      this.#titleOrThrow(article.id, 'update');
      const key = await this.#writeContent(article);
      const state = this.#rows.get(article.id);
      const fields = articleRowFields(article, key);
      const changed: Partial<RowFields> = {};
      for (const [k, v] of Object.entries(fields) as [keyof RowFields, unknown][])
        if (state?.f[k]?.v !== v) (changed as Record<string, unknown>)[k] = v;
      if (Object.keys(changed).length > 0)
        await this.#commit([{ o: 'row', a: article.id, f: changed }], `“${article.title}”`);
    });
  }

  setTags(articleId: string, tags: string[]): Promise<ArticleSummary> {
    return this.#transact(async () => {
      const title = this.#titleOrThrow(articleId, 'tag');
      await this.#commit(
        [{ o: 'row', a: articleId, f: { tags: cleanTags(tags) } }],
        `the tags of “${title}”`,
      );
      return this.getSummary(articleId) as ArticleSummary;
    });
  }

  setReadingPosition(articleId: string, reading: ReadingPosition): Promise<void> {
    return this.#transact(async () => {
      const title = this.#titleOrThrow(articleId, 'remember the reading position of');
      await this.#commit(
        [
          {
            o: 'row',
            a: articleId,
            f: {
              position: reading.position,
              progress: reading.progress,
              lastReadAt: reading.lastReadAt,
            },
          },
        ],
        `the reading position in “${title}”`,
      );
    });
  }

  trashArticle(articleId: string, at: Date): Promise<void> {
    return this.#transact(async () => {
      const title = this.#titleOrThrow(articleId, 'move to the trash');
      if (this.#row(articleId)?.trashedAt) return;
      await this.#commit(
        [{ o: 'row', a: articleId, f: { trashedAt: at.toISOString() } }],
        `moving “${title}” to the trash`,
      );
    });
  }

  restoreArticle(articleId: string): Promise<void> {
    return this.#transact(async () => {
      const title = this.#titleOrThrow(articleId, 'restore');
      if (!this.#row(articleId)?.trashedAt) return;
      await this.#commit(
        [{ o: 'row', a: articleId, f: { trashedAt: null } }],
        `restoring “${title}”`,
      );
    });
  }

  purgeTrash(before: Date): Promise<string[]> {
    return this.#transact(async () => {
      const cutoff = before.getTime();
      const expired = this.#allRows().filter(
        (r) => r.trashedAt && Date.parse(r.trashedAt) < cutoff,
      );
      if (expired.length === 0 || this.#readOnly) return [];
      const keys = expired.map((r) => this.#rows.get(r.id)?.f.content?.v);
      await this.#commit(
        expired.map((r) => ({ o: 'row', a: r.id, f: { live: false } })),
        'emptying the trash',
      );
      // The records first: should the process die before the files go, they are leftovers.
      for (const [i, row] of expired.entries()) {
        const key = keys[i];
        const shared = [...this.#rows.values()].some((s) => s.f.live?.v && s.f.content?.v === key);
        if (key && !shared) await rm(full(this.dataDir, contentRel(key)), { force: true });
        await removeMedia(this.dataDir, row.id);
        this.#loaded.delete(row.id);
        this.#counts.delete(row.id);
        await this.#snapshots.removeArticle(row.id);
      }
      return expired.map((r) => r.id);
    });
  }

  saveMedia(articleId: string, name: string, bytes: Uint8Array): Promise<void> {
    return this.#transact(async () => {
      this.#writable('the images of an article');
      await saveMediaFile(this.dataDir, articleId, name, bytes);
    });
  }

  pruneMedia(articleId: string, keep: ReadonlySet<string>): Promise<void> {
    return this.#transact(async () => {
      if (!this.#readOnly) await pruneMediaFiles(this.dataDir, articleId, keep);
    });
  }

  markSeeded(): Promise<void> {
    return this.#transact(async () => {
      if (!this.seeded) await this.#commit([{ o: 'lib', f: { seeded: true } }], 'the library');
    });
  }

  flush(): Promise<void> {
    return this.#queue.then(
      () => undefined,
      () => undefined,
    );
  }

  watch(): void {
    if (this.#watch || this.#closed) return;
    this.#watch = new FolderWatch(path.join(this.dataDir, DEVICES_DIR), () => {
      void this.#enqueue(() => this.#catchUp(true)).catch(() => undefined);
    });
  }

  onChange(listener: (change: LibraryChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#watch?.close();
    this.#watch = null;
    if (this.#foldTimer) clearTimeout(this.#foldTimer);
    this.#foldTimer = null;
    await this.flush();
    if (!this.#readOnly && (this.#dirty.size > 0 || this.#indexDirty))
      await this.#enqueue(() => this.#foldNow()).catch(() => undefined);
    // Once this device's logs have grown, they are compacted as the app or command ends.
    if (!this.#readOnly && (await this.#ownLogBytes()) > COMPACT_AT_BYTES)
      await this.#enqueue(() => this.#compactNow()).catch(() => undefined);
    await this.#writer.close();
  }

  async #ownLogBytes(): Promise<number> {
    let total = 0;
    for (const rel of await this.#logFiles())
      if (rel.startsWith(`${logsDir(this.device)}/`))
        total += (await stat(full(this.dataDir, rel)).catch(() => null))?.size ?? 0;
    return total;
  }

  /**
   * Reads and applies now what other writers appended (normally done before each change and by
   * the folder watch); resolves to the articles that changed.
   */
  refresh(): Promise<string[]> {
    return this.#enqueue(async () => [...(await this.#catchUp(true))]);
  }

  /**
   * Compaction: folds everything into this device's snapshot, starts a new log, and removes this
   * device's logs that are folded whole and no longer written (this process's previous one, and
   * those of its processes that have ended). A deletion is forgotten (its tombstone dropped) once
   * every device with a folder here has folded it (and it is an hour old), or after
   * TOMBSTONE_MAX_AGE_MS. Resolves to the logs removed.
   */
  compact(): Promise<string[]> {
    return this.#enqueue(() => this.#compactNow());
  }

  /** Folds what is in memory into the snapshot now (tests and benchmarks; normally automatic). */
  fold(): Promise<void> {
    return this.#enqueue(() => this.#foldNow());
  }

  // ---- internals -----------------------------------------------------------------------------

  async #compactNow(): Promise<string[]> {
    if (this.#readOnly) return [];
    await this.#catchUp(true);
    // Every article, so that tombstones go from all of them.
    for (const id of this.#rows.keys()) {
      await this.#load(id);
      this.#dirty.add(id);
    }
    this.#indexDirty = true;
    const forget = await this.#forgettable();
    const previous = this.#writerRel;
    if (this.#writer.size > 0) {
      await this.#writer.close();
      const last = this.#clock.now();
      [this.#writerRel, this.#writer, this.#clock] = this.#newLog();
      this.#clock.observe(last);
    }
    await this.#foldNow((state) => !forget(state));
    if (this.#dirty.size > 0 || this.#indexDirty) return []; // the fold failed: keep every log
    for (const [, article] of this.#loaded)
      for (const [id, state] of article.states) if (forget(state)) article.states.delete(id);
    const removed: string[] = [];
    for (const rel of await this.#logFiles()) {
      if (!rel.startsWith(`${logsDir(this.device)}/`) || rel === this.#writerRel) continue;
      const size = (await stat(full(this.dataDir, rel)).catch(() => null))?.size;
      if (size === undefined || size > (this.#read.get(rel) ?? 0)) continue;
      if (rel !== previous && writerAlive(rel)) continue;
      await unlink(full(this.dataDir, rel)).then(
        () => removed.push(rel),
        () => undefined,
      );
    }
    return removed;
  }

  /** Which deleted highlights may be forgotten: their deletion is known to every device. */
  async #forgettable(): Promise<(state: HighlightState) => boolean> {
    const seenBy: Array<Record<string, Stamp>> = [];
    let devices: string[] = [];
    try {
      devices = await readdir(path.join(this.dataDir, DEVICES_DIR));
    } catch {
      // no other device
    }
    let unknown = false;
    for (const device of devices) {
      if (device === this.device) continue;
      const index = await this.#snapshots.readDeviceIndex(device);
      if (index?.seen) seenBy.push(index.seen);
      else unknown = true; // a device that has folded nothing yet has seen nothing
    }
    const now = (this.#wallClock ?? Date.now)();
    return (state) => {
      const live = state.f.live;
      if (!live || live.v) return false;
      const age = now - (parseStamp(live.t)?.wall ?? now);
      if (age > TOMBSTONE_MAX_AGE_MS) return true;
      if (unknown || age < TOMBSTONE_MIN_AGE_MS) return false;
      const writer = writerOf(live.t);
      return seenBy.every((seen) => (seen[writer] ?? '') >= live.t);
    };
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** A change: first reads what others appended, so it is decided on the current state. */
  #transact<T>(task: () => Promise<T>): Promise<T> {
    return this.#enqueue(async () => {
      await this.#catchUp(true);
      return task();
    });
  }

  #writable(what: string): void {
    if (this.#readOnly)
      throw new GlossError(
        'read-only',
        `Cannot save ${what}: the library folder is read-only, so it was opened read-only.`,
      );
  }

  #titleOrThrow(id: string, action: string): string {
    const row = this.#row(id);
    if (!row)
      throw new GlossError('not-found', `There is no article with the id "${id}" to ${action}.`);
    return row.title;
  }

  /** Appends one record (acknowledged once on disk), then applies it here. */
  async #commit(ops: Op[], what: string): Promise<void> {
    this.#writable(what);
    const record: LogRecord = { t: this.#clock.now(), ops };
    try {
      const end = await this.#writer.append(record);
      this.#read.set(this.#writerRel, end);
    } catch (error) {
      throw describeWriteFailure(error, what);
    }
    await this.#apply([record]);
    this.#recordsSinceFold++;
    this.#scheduleFold();
  }

  /** Applies records (loading the articles they touch first); returns the articles changed. */
  async #apply(records: LogRecord[]): Promise<Set<string>> {
    const changed = new Set<string>();
    for (const { ops } of records)
      for (const op of ops)
        if ((op.o === 'hl' || op.o === 'note') && !this.#loaded.has(op.a)) await this.#load(op.a);
    let latest = '';
    for (const { t, ops } of records) {
      if (t > latest) latest = t;
      const writer = writerOf(t);
      if ((this.#seen.get(writer) ?? '') < t) this.#seen.set(writer, t);
      for (const op of ops) {
        if (op.o === 'lib') {
          if (op.f.seeded !== undefined && (!this.#seeded || this.#seeded.t <= t)) {
            this.#seeded = { v: op.f.seeded, t };
            this.#indexDirty = true;
          }
        } else if (op.o === 'row') {
          let state = this.#rows.get(op.a);
          if (!state) this.#rows.set(op.a, (state = { id: op.a, f: {} }));
          if (applyRowOp(state, op, t)) {
            changed.add(op.a);
            this.#indexDirty = true;
            this.#rowCache = null;
          }
        } else {
          const article = this.#loaded.get(op.a);
          if (!article) continue;
          // Derived again once, when next read, however many records touched it.
          if (applyHighlightOp(article.stateOf(op.h), op, t)) {
            article.touch(op.h);
            changed.add(op.a);
            this.#dirty.add(op.a);
          }
        }
      }
    }
    if (latest) this.#clock.observe(latest);
    return changed;
  }

  /**
   * Reads what every log has gained since last read (other processes, other devices) and
   * applies it; with `notify`, tells listeners which articles changed.
   */
  async #catchUp(notify: boolean, allPeers = false): Promise<Set<string>> {
    const changed = new Set<string>();
    const logs = await this.#logFiles();
    // Other devices' snapshots first: what they compacted out of their logs is only there.
    for (const id of await this.#mergePeerSnapshots(new Set(logs), allPeers)) changed.add(id);
    for (const rel of logs) {
      if (rel === this.#writerRel) continue;
      const from = this.#read.get(rel) ?? 0;
      let size: number;
      try {
        size = (await stat(full(this.dataDir, rel))).size;
      } catch {
        continue; // removed since listed
      }
      if (size <= from) continue;
      const read = await scanLog(full(this.dataDir, rel), from, async (records, end) => {
        for (const id of await this.#apply(records)) changed.add(id);
        this.#read.set(rel, end);
        this.#recordsSinceFold += records.length;
      });
      if (read.damaged > 0)
        this.notices.push({
          file: rel,
          message: `${read.damaged} damaged change record${read.damaged === 1 ? ' was' : 's were'} skipped in a change log of the device “${rel.split('/')[1]}”.`,
        });
      this.#read.set(rel, read.end);
    }
    if (changed.size > 0) {
      this.#scheduleFold();
      if (notify) {
        const change = { articles: [...changed] };
        for (const listener of this.#listeners) listener(change);
      }
    }
    return changed;
  }

  /**
   * Merges the snapshot of each other device that holds changes this process cannot read from
   * the logs any more (that device compacted them away), or of every device with `all`; then
   * takes that snapshot's read positions, since it holds everything up to them.
   */
  async #mergePeerSnapshots(logs: Set<string>, all: boolean): Promise<Set<string>> {
    const changed = new Set<string>();
    let devices: string[];
    try {
      devices = await readdir(path.join(this.dataDir, DEVICES_DIR));
    } catch {
      return changed;
    }
    // This device's own too: another of its processes may have compacted logs not read here.
    for (const device of devices.sort()) {
      const version = await this.#peerIndexVersion(device);
      if (!version || this.#peerIndexes.get(device) === version) continue;
      const index = await this.#snapshots.readDeviceIndex(device);
      if (!index) continue;
      this.#peerIndexes.set(device, version);
      const lost = Object.entries(index.watermarks).some(
        ([rel, at]) => !logs.has(rel) && at > (this.#read.get(rel) ?? 0),
      );
      if (!lost && !all) continue;
      for (const row of index.rows) {
        const held = this.#rows.get(row.id);
        if (!held) this.#rows.set(row.id, row);
        else mergeRow(held, row);
        changed.add(row.id);
      }
      if (index.seeded && (!this.#seeded || this.#seeded.t < index.seeded.t))
        this.#seeded = index.seeded;
      for (const articleId of await this.#snapshots.deviceArticles(device)) {
        if (!this.#rows.has(articleId)) continue;
        const article = this.#loaded.get(articleId) ?? (await this.#load(articleId));
        for (const state of await this.#snapshots.readDeviceArticle(device, articleId)) {
          mergeHighlight(article.stateOf(state.id), state);
          article.touch(state.id);
        }
        this.#dirty.add(articleId);
        changed.add(articleId);
      }
      for (const [rel, at] of Object.entries(index.watermarks))
        if ((this.#read.get(rel) ?? 0) < at) this.#read.set(rel, at);
      for (const [writer, t] of Object.entries(index.seen ?? {}))
        if ((this.#seen.get(writer) ?? '') < t) this.#seen.set(writer, t);
      this.#rowCache = null;
      this.#indexDirty = true;
    }
    return changed;
  }

  /** The size and time of a device's snapshot index, to tell when it changes. */
  async #peerIndexVersion(device: string): Promise<string | null> {
    const info = await stat(full(this.dataDir, indexSnapshotRel(device))).catch(() => null);
    return info ? `${info.size}:${info.mtimeMs}` : null;
  }

  /** Records a snapshot index as already taken in (this process read or wrote it). */
  async #notePeerIndex(device: string): Promise<void> {
    const version = await this.#peerIndexVersion(device);
    if (version) this.#peerIndexes.set(device, version);
  }

  /** Every log in the folder, relative to it, oldest names first within each device. */
  async #logFiles(): Promise<string[]> {
    let devices: string[];
    try {
      devices = await readdir(path.join(this.dataDir, DEVICES_DIR));
    } catch {
      return [];
    }
    const out: string[] = [];
    for (const device of devices.sort()) {
      let names: string[];
      try {
        names = await readdir(full(this.dataDir, logsDir(device)));
      } catch {
        continue;
      }
      for (const name of names.sort())
        if (name.endsWith('.jsonl')) out.push(`${logsDir(device)}/${name}`);
    }
    return out;
  }

  /** Brings an article's highlights into memory from the snapshot (recovering it if damaged). */
  async #load(articleId: string): Promise<ArticleHighlights> {
    const held = this.#loaded.get(articleId);
    if (held) return held;
    const article = new ArticleHighlights(articleId);
    // An article listed with highlights must have its file; one without may have none yet.
    const expected = (this.#counts.get(articleId)?.highlights ?? 0) > 0;
    const states = await this.#snapshots.readArticle(articleId, expected);
    if (states === 'damaged') {
      await this.#rebuildArticle(article);
    } else {
      for (const s of states) article.states.set(s.id, s);
      article.refreshAll();
    }
    this.#loaded.set(articleId, article);
    return article;
  }

  /** Replays every log for one article whose snapshot was lost, and says what was recovered. */
  async #rebuildArticle(article: ArticleHighlights): Promise<void> {
    for (const rel of await this.#logFiles()) {
      // Later records are applied by the catch-up that reads them.
      const upTo = this.#read.get(rel) ?? 0;
      await scanLog(
        full(this.dataDir, rel),
        0,
        (records) => {
          for (const record of records)
            for (const op of record.ops)
              if ((op.o === 'hl' || op.o === 'note') && op.a === article.articleId)
                applyHighlightOp(article.stateOf(op.h), op, record.t);
        },
        upTo,
      );
    }
    article.refreshAll();
    this.#dirty.add(article.articleId);
    const { highlights, notes } = article.counts();
    const title = this.#rows.get(article.articleId)?.f.title?.v ?? article.articleId;
    this.notices.push({
      file: title,
      message:
        `The saved highlights of “${title}” were damaged or missing; they were rebuilt from the ` +
        `change logs: ${highlights} highlight${highlights === 1 ? '' : 's'} and ` +
        `${notes} note${notes === 1 ? '' : 's'} recovered.`,
    });
  }

  async #writeContent(article: Article): Promise<string> {
    this.#writable(`“${article.title}”`);
    const checked = articleSchema.safeParse(article);
    if (!checked.success)
      throw new GlossError('invalid-argument', `“${article.title}” cannot be stored as it is.`);
    const text = JSON.stringify({ format: JOURNAL_FORMAT_VERSION, article: checked.data });
    const key = createHash('sha256').update(text).digest('hex').slice(0, 32);
    const file = full(this.dataDir, contentRel(key));
    if (!this.#content.has(key)) {
      try {
        await stat(file);
      } catch {
        try {
          await mkdir(path.join(this.dataDir, CONTENT_DIR), { recursive: true });
          await writeFileDurably(file, text);
        } catch (error) {
          throw describeWriteFailure(error, `“${article.title}”`);
        }
      }
    }
    this.#content.set(key, deepFreeze(checked.data));
    return key;
  }

  async #readContent(key: string, articleId: string): Promise<Article | null> {
    const cached = this.#content.get(key);
    if (cached) return cached;
    const title = this.#rows.get(articleId)?.f.title?.v ?? articleId;
    let raw: unknown;
    try {
      const bytes = await readFile(full(this.dataDir, contentRel(key)));
      raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      this.#noteOnce(
        title,
        `The text of “${title}” ${missing ? 'is missing' : 'is damaged'} (its highlights and notes are kept).`,
      );
      return null;
    }
    const parsed = articleSchema.safeParse((raw as { article?: unknown } | null)?.article);
    if (!parsed.success) {
      this.#noteOnce(
        title,
        `The text of “${title}” is damaged (its highlights and notes are kept).`,
      );
      return null;
    }
    const article = parsed.data;
    // Few articles are open at once; keep the cache small so a long session stays lean.
    if (this.#content.size > 50) this.#content.delete(this.#content.keys().next().value as string);
    this.#content.set(key, deepFreeze(article));
    return article;
  }

  #noteOnce(file: string, message: string): void {
    if (!this.notices.some((n) => n.message === message)) this.notices.push({ file, message });
  }

  #scheduleFold(): void {
    if (this.#readOnly || this.#closed) return;
    if (this.#recordsSinceFold >= FOLD_AFTER_RECORDS) {
      this.#recordsSinceFold = 0;
      void this.#enqueue(() => this.#foldNow()).catch(() => undefined);
      return;
    }
    if (this.#foldTimer) clearTimeout(this.#foldTimer);
    this.#foldTimer = setTimeout(() => {
      this.#foldTimer = null;
      void this.#enqueue(() => this.#foldNow()).catch(() => undefined);
    }, FOLD_IDLE_MS);
    this.#foldTimer.unref();
  }

  /** Writes changed articles and the index into this device's snapshot (under its lock). */
  async #foldNow(keep?: (state: HighlightState) => boolean): Promise<void> {
    if (this.#readOnly) return;
    if (this.#dirty.size === 0 && !this.#indexDirty) return;
    const dirty = [...this.#dirty];
    this.#dirty.clear();
    this.#indexDirty = false;
    this.#recordsSinceFold = 0;
    try {
      await this.#snapshots.fold({
        articles: dirty.flatMap((id) => {
          const a = this.#loaded.get(id);
          return a ? [{ id, states: a.states }] : [];
        }),
        rows: this.#rows,
        seeded: this.#seeded,
        setSeeded: (reg) => (this.#seeded = reg),
        counts: (id) => this.#countsOf(id),
        watermarks: this.#read,
        seen: this.#seen,
        keep,
      });
      this.#rowCache = null;
      await this.#notePeerIndex(this.device); // what it holds is what was just folded
    } catch {
      // Folding is an optimisation: the logs hold everything. Try again later.
      for (const id of dirty) this.#dirty.add(id);
      this.#indexDirty = true;
    }
  }
}

/** Moves a folder aside (used for a damaged file); exported for the migration. */
export async function moveAside(from: string): Promise<string> {
  const to = `${from}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(from, to);
  return to;
}

export type { Stamp };
