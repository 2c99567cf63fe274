/**
 * Full-text search over the library: every paragraph of every article in the library (not the
 * trash), every note, and each article's title and tags.
 *
 * Engine: PassageIndex (common/search/passage-index.ts), an inverted index of our own in typed
 * arrays, saved as one binary file (snapshot-file.ts). Chosen by measuring four candidates on
 * the same generated library (`npm run bench -- --only=search-engines`: the library
 * benchmark's 2,000 articles, 2.0M words, 200,000 notes as 225,935 passages; Node 20, a 2-core
 * machine at a load average of 10–20, so compare the rows with each other, not with a quiet
 * machine):
 *
 *   engine                             build    save     on disk   load      query p95
 *   PassageIndex (this)                7.8 s    3.0 s    47 MB     0.6 s     36 ms
 *   MiniSearch 7.2 (prefix, fuzzy)     77 s     39 s     43 MB     40 s      1,021 ms
 *   FlexSearch 0.8 Index, forward      147 s    27 s     107 MB    30 s      27 ms
 *   SQLite FTS5 (better-sqlite3 12)    6.9 s    —        50 MB     2 ms      146 ms
 *
 * Memory once loaded: MiniSearch 168 MB and FlexSearch 130 MB of heap; PassageIndex keeps its
 * postings and texts in one buffer (search-index-heap-2k); SQLite keeps its pages outside the
 * JavaScript heap. MiniSearch's snapshot is one JSON document, parsed whole on the thread that
 * asks, its postings Maps of Maps. FlexSearch indexes every prefix of every word (hence its
 * size), has no typo tolerance and no vocabulary to expand a prefix over. SQLite FTS5 loads at
 * once and builds fastest, but has no typo tolerance (a prefix query `"word"*` only), its queries
 * were 4× slower here, and better-sqlite3 is a native module to be rebuilt for Electron's ABI on
 * every platform the app ships for (it built from source for Node 20 here; node:sqlite needs
 * Node 22.5). PassageIndex is the only one that is fast to load, small and typo-tolerant.
 *
 * At start the index is ready as soon as its snapshot is loaded: what changed since it was
 * saved is told from the library's rows (content, tags, note counts) and from what the store's
 * change logs gained since (log-cursor.ts), never by reading every article's highlights, and
 * only those articles are re-indexed, in the background.
 *
 * Nothing heavy runs on the caller's thread at once: loading, building, catching up and saving
 * are sliced (time-slice.ts), yielding every few milliseconds. A change to an article only
 * marks it dirty (`refresh` returns at once); dirty articles are re-indexed in the background,
 * coalesced, one queue. Until the index is ready a search reads the library instead and says
 * so on each result (`scanned`). The snapshot is a cache: if the folder cannot be written, the
 * index lives in memory only.
 */
import { stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { SearchResult } from '../../../common/api.ts';
import { messageOf } from '../../../common/errors.ts';
import { matchesAny, queryWords } from '../../../common/search/match.ts';
import { PassageIndex, type PassageHit } from '../../../common/search/passage-index.ts';
import { passageMatches, passagesOf } from '../../../common/search/passages.ts';
import { buildSnippet } from '../../../common/search/snippet.ts';
import type { LibraryStore } from '../store/types.ts';
import { articlesTouched, logSizes, type LogSizes } from './log-cursor.ts';
import { readSnapshot, writeSnapshot } from './snapshot-file.ts';
import { timeSlicer } from './time-slice.ts';

/** The snapshot's file name, in this device's own folder of the data folder. */
export const SEARCH_INDEX_FILE = 'search-index.bin';
/**
 * Where earlier versions saved it, at the top of the data folder; removed once a new snapshot
 * is written. A file there was written by every computer sharing the folder, so a file-sync
 * engine saw two writers of one file and made conflict copies of it.
 */
const LEGACY_INDEX_FILES = ['search-index.json', SEARCH_INDEX_FILE];

/** Where a device keeps its search index: among its own files, which only it writes. */
export function searchIndexPath(dataDir: string, device: string): string {
  return path.join(dataDir, 'devices', device, SEARCH_INDEX_FILE);
}
/** Bump when what is indexed, or how, changes: older snapshots are then rebuilt. */
export const SEARCH_INDEX_VERSION = 4;

/** How many results a search returns unless told otherwise. */
export const DEFAULT_RESULT_LIMIT = 50;

/**
 * What the snapshot remembers of each article, to tell at the next start whether it is still
 * current without reading its highlights: its content, its tags and how many notes it has.
 */
interface ArticleRecord {
  hash: string | null;
  tags: string[];
  notes: number;
}

interface SnapshotRecords {
  version: number;
  articles: Record<string, ArticleRecord>;
  /** How far into each change log the index was current (see log-cursor.ts). */
  logs: LogSizes;
  /** Articles reported changed but not yet re-indexed when it was saved. */
  stale: string[];
}

/** A search waits for this many articles still to re-index at most; with more, it goes ahead. */
const WAIT_FOR_AT_MOST = 16;

/** Options for LibrarySearch. */
export interface LibrarySearchOptions {
  /** Keep a snapshot in the data folder (the default); tests and benchmarks may turn it off. */
  persist?: boolean;
  /** How long after the last change the snapshot is written. */
  saveDelayMs?: number;
}

/** Where the index stands. */
export type SearchIndexState = 'cold' | 'building' | 'ready';

/** The search index of one library, kept up to date by the Library as things change. */
export class LibrarySearch {
  #index = new PassageIndex();
  #records = new Map<string, ArticleRecord>();
  /**
   * Titles of the articles in the library (not the trash), for results; read once, then kept
   * up to date article by article as changes are reported (see refresh()).
   */
  #titles: Map<string, string> | null = null;
  /** How far into each change log the index is current. */
  #logs: LogSizes = {};
  #state: SearchIndexState = 'cold';
  #warming: Promise<void> | null = null;
  /** Articles changed since they were last indexed, re-indexed in the background. */
  readonly #dirtyArticles = new Set<string>();
  /** Index work, one task at a time: the build, catching up with changes, saving. */
  #queue: Promise<void> = Promise.resolve();
  #draining: Promise<void> | null = null;
  /** How many articles the running drain is re-indexing. */
  #inFlight = 0;
  #unsaved = false;
  #saveTimer: NodeJS.Timeout | null = null;
  readonly #persist: boolean;
  readonly #file: string;
  readonly #saveDelayMs: number;
  /** Why the last snapshot could not be written (a read-only folder, say), if it could not. */
  lastSaveError: string | null = null;

  constructor(
    private readonly store: LibraryStore,
    options: LibrarySearchOptions = {},
  ) {
    this.#file = searchIndexPath(store.dataDir, store.device);
    this.#persist = options.persist ?? true;
    this.#saveDelayMs = options.saveDelayMs ?? 2000;
  }

  /** The saved index's file (in this device's own folder of the data folder). */
  get file(): string {
    return this.#file;
  }

  /** 'cold' before anything asked for it, 'building' while it loads or builds, then 'ready'. */
  get state(): SearchIndexState {
    return this.#state;
  }

  /** How many articles wait to be re-indexed (changed since they were last indexed). */
  get pending(): number {
    return this.#dirtyArticles.size + this.#inFlight;
  }

  /** Loads or builds the index in the background, once; later calls wait for the same work. */
  warm(): Promise<void> {
    if (!this.#warming) {
      this.#state = 'building';
      this.#warming = this.#enqueue(() => this.#loadOrBuild()).then(() => {
        this.#state = 'ready';
        // Articles changed since the snapshot was saved are re-indexed in the background.
        if (this.#dirtyArticles.size > 0) void this.#drain().catch(() => undefined);
      });
    }
    return this.#warming;
  }

  /** Resolves once the index is ready and every change reported so far is in it. */
  async settled(): Promise<void> {
    await this.warm();
    while (this.#dirtyArticles.size > 0 || this.#draining) await this.#drain();
  }

  /**
   * Searches as one types: every word must match, each also as the start of a longer word,
   * longer ones with a typo or two allowed. Results are ordered by relevance, titles weighing
   * most. Before the index is ready the library's text is read instead, and the results say so.
   */
  async search(query: string, limit: number = DEFAULT_RESULT_LIMIT): Promise<SearchResult[]> {
    const words = queryWords(query);
    if (words.length === 0) return [];
    void this.warm().catch(() => undefined);
    if (this.#state !== 'ready') return this.#scan(words, limit);
    // A change reported just now (a note saved a moment ago) is searched too; a long catch-up
    // after a start (a sync brought thousands of changes) is not waited for.
    const pending = this.#dirtyArticles.size + this.#inFlight;
    if (pending > 0 && pending <= WAIT_FOR_AT_MOST) await this.settled();
    this.#titles ??= new Map(this.store.listArticles().map((a) => [a.id, a.title]));
    const titles = this.#titles;
    const hits = this.#index.search(query, limit, (id) => titles.has(id));
    const marks = matchesAny(words);
    return hits.map((hit) => resultOf(hit, titles.get(hit.articleId) ?? '', marks));
  }

  /**
   * Tells the index that an article changed (or went to the trash, or is gone). Returns at
   * once: the article is re-indexed in the background, once however often it was reported.
   */
  refresh(articleId: string): Promise<void> {
    if (this.#titles) {
      const row = this.store.getSummary(articleId);
      if (row && !row.trashedAt) this.#titles.set(articleId, row.title);
      else this.#titles.delete(articleId);
    }
    if (this.#warming) {
      this.#dirtyArticles.add(articleId);
      void this.#drain().catch(() => undefined);
    }
    return Promise.resolve();
  }

  /** Writes the snapshot now if anything changed; a folder that cannot be written is no error. */
  async flush(): Promise<void> {
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = null;
    if (!this.#warming) return;
    await this.settled();
    await this.#enqueue(() => this.#save());
  }

  /** Stops the pending save timer (the snapshot may then lag; it is corrected on next load). */
  close(): void {
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = null;
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Re-indexes the dirty articles, after the build; one drain at a time. */
  #drain(): Promise<void> {
    this.#draining ??= (async () => {
      try {
        await this.#warming;
        await new Promise<void>((resolve) => setImmediate(resolve));
        const ids = [...this.#dirtyArticles];
        this.#dirtyArticles.clear();
        this.#inFlight = ids.length;
        await this.#enqueue(async () => {
          const pause = timeSlicer();
          for (const id of ids) {
            await this.#reindex(id);
            this.#inFlight--;
            await pause();
          }
        });
        if (ids.length) this.#scheduleSave();
      } finally {
        this.#inFlight = 0;
        this.#draining = null;
        // Changes reported while this pass ran get a pass of their own.
        if (this.#dirtyArticles.size > 0) void this.#drain().catch(() => undefined);
      }
    })();
    return this.#draining;
  }

  /**
   * Loads the snapshot and finds what changed since it was saved (cheaply: rows and the logs'
   * growth, not every article's highlights). With a snapshot the index is ready at once and
   * the changed articles are re-indexed in the background; without one it is built first.
   */
  async #loadOrBuild(): Promise<void> {
    const pause = timeSlicer();
    const now = await logSizes(this.store.dataDir);
    const saved = this.#persist ? await this.#loadSnapshot(pause) : null;
    const touched = saved
      ? await articlesTouched(this.store.dataDir, saved.logs, now, pause)
      : null;
    this.#logs = touched?.reached ?? now;
    const stale = new Set(saved?.stale ?? []);
    const live = this.store.listArticles();
    const liveIds = new Set(live.map((a) => a.id));
    for (const id of this.#records.keys()) if (!liveIds.has(id)) stale.add(id);
    for (const row of live) {
      await pause();
      const record = this.#records.get(row.id);
      if (
        !record ||
        !touched ||
        touched.articles.has(row.id) ||
        record.hash !== this.store.contentHashOf(row.id) ||
        record.notes !== (row.notes ?? 0) ||
        !sameTags(record.tags, row.tags ?? [])
      )
        stale.add(row.id);
    }
    if (this.#records.size > 0) {
      // Searchable now; what changed meanwhile follows (see search()).
      for (const id of stale) this.#dirtyArticles.add(id);
      if (stale.size > 0) this.#unsaved = true;
      return;
    }
    for (const id of stale) {
      await this.#reindex(id);
      await pause();
    }
    if (stale.size > 0) this.#scheduleSave();
  }

  async #reindex(articleId: string): Promise<void> {
    const row = this.store.getSummary(articleId);
    const article = row && !row.trashedAt ? await this.store.getArticle(articleId) : null;
    if (!row || !article) {
      this.#index.remove(articleId);
      if (this.#records.delete(articleId)) this.#unsaved = true;
      return;
    }
    const highlights = await this.store.getHighlights(articleId);
    const tags = row.tags ?? [];
    const passages = passagesOf(article, highlights, tags);
    this.#index.add(articleId, passages);
    const notes = passages.filter((p) => p.kind === 'note').length;
    this.#records.set(articleId, { hash: article.contentHash, tags: [...tags], notes });
    this.#unsaved = true;
  }

  async #loadSnapshot(pause: () => Promise<void>): Promise<SnapshotRecords | null> {
    const loaded = await readSnapshot<SnapshotRecords>(this.#file, pause);
    if (!loaded || loaded.records.version !== SEARCH_INDEX_VERSION) return null;
    this.#index = await PassageIndex.fromSnapshot(loaded.index, loaded.textOf, pause);
    this.#records = new Map(Object.entries(loaded.records.articles));
    return loaded.records;
  }

  /** Reads every live article, as the index would, for a search asked before it is ready. */
  async #scan(words: string[], limit: number): Promise<SearchResult[]> {
    const pause = timeSlicer();
    const marks = matchesAny(words);
    const results: SearchResult[] = [];
    for (const row of this.store.listArticles()) {
      const article = await this.store.getArticle(row.id);
      if (!article) continue;
      const highlights = await this.store.getHighlights(row.id);
      for (const passage of passagesOf(article, highlights, row.tags ?? [])) {
        if (!passageMatches(passage, words)) continue;
        const hit: PassageHit = { articleId: row.id, score: 0, ...passage };
        results.push({ ...resultOf(hit, row.title, marks), scanned: true });
        if (results.length >= limit) return results;
      }
      await pause();
    }
    return results;
  }

  #scheduleSave(): void {
    if (!this.#persist) return;
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = null;
      void this.#enqueue(() => this.#save()).catch(() => undefined);
    }, this.#saveDelayMs);
    // A pending save never keeps a command-line process alive.
    this.#saveTimer.unref?.();
  }

  async #save(): Promise<void> {
    if (!this.#persist || !this.#unsaved || this.#state !== 'ready') return;
    const pause = timeSlicer();
    // What the logs gained since the last save was reported to the index as it came (a write
    // here, or the store's folder watch): the point to remember moves on to their ends.
    const now = await logSizes(this.store.dataDir);
    const touched = await articlesTouched(this.store.dataDir, this.#logs, now, pause);
    this.#logs = touched?.reached ?? now;
    const records: SnapshotRecords = {
      version: SEARCH_INDEX_VERSION,
      articles: Object.fromEntries(this.#records),
      logs: this.#logs,
      stale: [...this.#dirtyArticles],
    };
    this.#unsaved = false;
    // A computer that has only read this library has no folder in it, and searching must not
    // make one (it would appear as a device to every other); its index then lives in memory.
    if (!(await isFolder(path.dirname(this.#file)))) return;
    try {
      await writeSnapshot(this.#file, records, await this.#index.toSnapshot(pause), pause);
      this.lastSaveError = null;
      // Swap the index built in memory for the saved one: its postings and texts then sit in
      // one buffer, off the heap, as after a restart (a large heap means long GC pauses).
      await this.#loadSnapshot(pause);
      for (const legacy of LEGACY_INDEX_FILES) {
        await unlink(path.join(this.store.dataDir, legacy)).catch(() => undefined);
      }
    } catch (error) {
      // Only a cache: search goes on from memory, and the next start builds it again.
      this.#unsaved = true;
      this.lastSaveError = messageOf(error);
    }
  }
}

/** A hit as the renderer shows it: a snippet of its passage, the words that matched marked. */
function resultOf(
  hit: PassageHit,
  title: string,
  matches: (word: string) => boolean,
): SearchResult {
  const { snippet, marks, first } = buildSnippet(hit.text, matches);
  if (hit.kind === 'note')
    return {
      id: hit.articleId,
      title,
      snippet,
      marks,
      kind: 'note',
      offset: hit.offset,
      highlightId: hit.highlightId!,
    };
  return {
    id: hit.articleId,
    title,
    snippet,
    marks,
    kind: 'text',
    offset: hit.kind === 'title' ? 0 : hit.offset + first,
  };
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

async function isFolder(dir: string): Promise<boolean> {
  return stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
