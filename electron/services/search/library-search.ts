/**
 * Full-text search over the library: every paragraph of every article in the library (not the
 * trash), every note, and each article's title and tags, in one MiniSearch index.
 *
 * The index is never built while the library opens: it is loaded from `search-index.json` (or
 * built from the store) on first use or when the app warms it up in the background. The file is
 * a snapshot that may lag behind the library; on load each article's record (content hash, tags
 * and a stamp of its highlights file) is checked against the store, and whatever differs is
 * indexed again, so a snapshot written before a crash is corrected rather than trusted.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import type { SearchResult } from '../../../common/api.ts';
import type { Article } from '../../../common/model/article.ts';
import type { Highlight } from '../../../common/model/highlight.ts';
import { buildSnippet } from '../../../common/search/snippet.ts';
import { indexTerms, queryTerms } from '../../../common/search/terms.ts';
import { writeFileDurably } from '../store/durable-file.ts';
import type { LibraryStore } from '../store/types.ts';

/** The snapshot's file name in the data folder. */
export const SEARCH_INDEX_FILE = 'search-index.json';
/** Bump when what is indexed, or how, changes: older snapshots are then rebuilt. */
export const SEARCH_INDEX_VERSION = 2;

/** How many results a search returns unless told otherwise. */
export const DEFAULT_RESULT_LIMIT = 50;

/** One indexed passage: a paragraph, a note, or an article's title (with its tags). */
interface SearchDoc {
  id: string;
  articleId: string;
  kind: 'title' | 'text' | 'note';
  text: string;
  tags?: string;
  /** Where the passage starts in the article's text (a note: its highlight's start). */
  offset: number;
  highlightId?: string;
}

/** What the snapshot remembers of each article, to tell whether it is still current. */
interface ArticleRecord {
  hash: string;
  tags: string[];
  stamp: string | null;
  docs: string[];
}

interface Snapshot {
  version: number;
  articles: Record<string, ArticleRecord>;
  index: unknown;
}

const MINI_OPTIONS = {
  idField: 'id',
  fields: ['text', 'tags'],
  storeFields: ['articleId', 'kind', 'text', 'offset', 'highlightId'],
  // Hyphenated compounds are folded (common/search/terms.ts): "ceasefire" finds "cease-fire".
  tokenize: indexTerms,
  searchOptions: { tokenize: queryTerms },
} as const;

function newIndex(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({
    ...MINI_OPTIONS,
    fields: [...MINI_OPTIONS.fields],
    storeFields: [...MINI_OPTIONS.storeFields],
  });
}

/** The passages of one article to index. */
export function documentsOf(
  article: Article,
  highlights: readonly Highlight[],
  tags: readonly string[],
): SearchDoc[] {
  const docs: SearchDoc[] = [
    {
      id: `${article.id}:t`,
      articleId: article.id,
      kind: 'title',
      text: article.title,
      tags: tags.join(' '),
      offset: 0,
    },
  ];
  article.blocks.forEach((block, i) => {
    const text = article.text.slice(block.start, block.end);
    if (text.trim())
      docs.push({
        id: `${article.id}:b${i}`,
        articleId: article.id,
        kind: 'text',
        text,
        offset: block.start,
      });
  });
  for (const h of highlights) {
    if (!h.note.trim()) continue;
    docs.push({
      id: `${article.id}:n:${h.id}`,
      articleId: article.id,
      kind: 'note',
      text: h.note,
      offset: h.position.start,
      highlightId: h.id,
    });
  }
  return docs;
}

/** Options for LibrarySearch. */
export interface LibrarySearchOptions {
  /** Keep a snapshot in the data folder (the default); tests and benchmarks may turn it off. */
  persist?: boolean;
  /** How long after the last change the snapshot is written. */
  saveDelayMs?: number;
}

/** The search index of one library, kept up to date by the Library as things change. */
export class LibrarySearch {
  #index: MiniSearch<SearchDoc> = newIndex();
  #records = new Map<string, ArticleRecord>();
  #ready: Promise<void> | null = null;
  /** Index work, one task at a time, so updates never interleave with the initial build. */
  #queue: Promise<void> = Promise.resolve();
  #dirty = false;
  #saveTimer: NodeJS.Timeout | null = null;
  readonly #file: string;
  readonly #persist: boolean;
  readonly #saveDelayMs: number;

  constructor(
    private readonly store: LibraryStore,
    options: LibrarySearchOptions = {},
  ) {
    this.#file = path.join(store.dataDir, SEARCH_INDEX_FILE);
    this.#persist = options.persist ?? true;
    this.#saveDelayMs = options.saveDelayMs ?? 2000;
  }

  /** Loads or builds the index, once; later calls wait for the same work. */
  warm(): Promise<void> {
    this.#ready ??= this.#enqueue(() => this.#loadOrBuild());
    return this.#ready;
  }

  /**
   * Searches as one types: every word must match, the last ones by prefix, longer ones with a
   * typo or two allowed. Results are ordered by relevance, titles weighing most.
   */
  async search(query: string, limit: number = DEFAULT_RESULT_LIMIT): Promise<SearchResult[]> {
    if (!query.trim()) return [];
    await this.warm();
    await this.#queue;
    const titles = new Map(this.store.listArticles().map((a) => [a.id, a.title]));
    const hits = this.#index.search(query, {
      prefix: (term) => term.length >= 2,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: 'AND',
      boostDocument: (_id, _term, stored) => (stored?.kind === 'title' ? 2 : 1),
    });
    const results: SearchResult[] = [];
    for (const hit of hits) {
      if (results.length >= limit) break;
      const articleId = hit.articleId as string;
      const title = titles.get(articleId);
      if (title === undefined) continue; // trashed or gone since it was indexed
      const kind = hit.kind as SearchDoc['kind'];
      const text = hit.text as string;
      const terms = new Set(hit.terms);
      const { snippet, marks, first } = buildSnippet(text, (word) => terms.has(word));
      const offset = hit.offset as number;
      if (kind === 'note') {
        results.push({
          id: articleId,
          title,
          snippet,
          marks,
          kind: 'note',
          offset,
          highlightId: hit.highlightId as string,
        });
      } else {
        results.push({
          id: articleId,
          title,
          snippet,
          marks,
          kind: 'text',
          offset: kind === 'title' ? 0 : offset + first,
        });
      }
    }
    return results;
  }

  /**
   * Brings one article's passages up to date with the store: indexes it afresh when it is in
   * the library, drops it when it is in the trash or gone. Does nothing before the index exists
   * (building it will read the current state).
   */
  refresh(articleId: string): Promise<void> {
    if (!this.#ready) return Promise.resolve();
    return this.#enqueue(async () => {
      await this.#reindex(articleId);
      this.#scheduleSave();
    });
  }

  /** Writes the snapshot now if anything changed since the last one. */
  async flush(): Promise<void> {
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = null;
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

  async #loadOrBuild(): Promise<void> {
    const loaded = this.#persist ? await this.#loadSnapshot() : false;
    const live = this.store.listArticles();
    const liveIds = new Set(live.map((a) => a.id));
    let changed = !loaded;
    for (const id of [...this.#records.keys()]) {
      if (!liveIds.has(id)) {
        this.#drop(id);
        changed = true;
      }
    }
    for (const row of live) {
      const record = this.#records.get(row.id);
      if (
        record &&
        record.hash === this.store.contentHashOf(row.id) &&
        sameTags(record.tags, row.tags ?? [])
      ) {
        if (record.stamp === (await this.store.highlightsStamp(row.id))) continue;
      }
      await this.#reindex(row.id);
      changed = true;
    }
    if (changed) this.#scheduleSave();
  }

  async #reindex(articleId: string): Promise<void> {
    this.#drop(articleId);
    const row = this.store.getSummary(articleId);
    if (!row || row.trashedAt) return;
    const article = await this.store.getArticle(articleId);
    if (!article) return;
    const highlights = await this.store.getHighlights(articleId);
    const tags = row.tags ?? [];
    const docs = documentsOf(article, highlights, tags);
    this.#index.addAll(docs);
    this.#records.set(articleId, {
      hash: article.contentHash,
      tags: [...tags],
      stamp: await this.store.highlightsStamp(articleId),
      docs: docs.map((d) => d.id),
    });
    this.#dirty = true;
  }

  #drop(articleId: string): void {
    const record = this.#records.get(articleId);
    if (!record) return;
    for (const id of record.docs) if (this.#index.has(id)) this.#index.discard(id);
    this.#records.delete(articleId);
    this.#dirty = true;
  }

  async #loadSnapshot(): Promise<boolean> {
    let raw: string;
    try {
      raw = await readFile(this.#file, 'utf8');
    } catch {
      return false; // none yet: build
    }
    try {
      const snapshot = JSON.parse(raw) as Snapshot;
      if (
        snapshot.version !== SEARCH_INDEX_VERSION ||
        typeof snapshot.articles !== 'object' ||
        !snapshot.index
      )
        return false;
      const index = MiniSearch.loadJS<SearchDoc>(
        snapshot.index as Parameters<typeof MiniSearch.loadJS>[0],
        {
          ...MINI_OPTIONS,
          fields: [...MINI_OPTIONS.fields],
          storeFields: [...MINI_OPTIONS.storeFields],
        },
      );
      this.#index = index;
      this.#records = new Map(Object.entries(snapshot.articles));
      this.#dirty = false;
      return true;
    } catch {
      // Damaged or from another version of MiniSearch: it is only a cache, so start afresh.
      this.#index = newIndex();
      this.#records = new Map();
      return false;
    }
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
    if (!this.#persist || !this.#dirty || !this.#ready) return;
    const snapshot: Snapshot = {
      version: SEARCH_INDEX_VERSION,
      articles: Object.fromEntries(this.#records),
      index: this.#index.toJSON(),
    };
    this.#dirty = false;
    try {
      await writeFileDurably(this.#file, JSON.stringify(snapshot));
    } catch (error) {
      this.#dirty = true;
      throw error;
    }
  }
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
