/**
 * The library on disk, one file per concern so that a change rewrites only what it touches:
 *
 *   <dataDir>/library.json            the index: one row per article, in the order added
 *   <dataDir>/articles/<id>.json      one article's text and analysis
 *   <dataDir>/highlights/<id>.json    one article's highlights (absent until the first is saved)
 *   <dataDir>/backups/<file>/…        the last few previous versions of each of those files
 *
 * Articles and highlights are read on first use and cached.
 */
import { mkdir, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Article, ArticleSummary } from '../../../common/model/article.ts';
import type { Highlight } from '../../../common/model/highlight.ts';
import { CURRENT_SCHEMA_VERSION, type IndexRow, type LibraryDocument } from '../../../common/store/schema.ts';
import { DocumentFile, loadDocument } from './document-file.ts';
import { isTempFileName } from './durable-file.ts';
import type { LibraryStore, StoreNotice } from './types.ts';

const INDEX_FILE = 'library.json';
const ARTICLES_DIR = 'articles';
const HIGHLIGHTS_DIR = 'highlights';

/** Ids become file names, so only plain ones are accepted (no separators, no dots). */
const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

function articleRel(id: string): string {
  return `${ARTICLES_DIR}/${id}.json`;
}

function highlightsRel(id: string): string {
  return `${HIGHLIGHTS_DIR}/${id}.json`;
}

function emptyIndex(): LibraryDocument {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, seeded: false, articles: [] };
}

function rowFor(article: Article, highlights: number, notes: number): IndexRow {
  return {
    id: article.id,
    title: article.title,
    source: article.source,
    dateline: article.dateline,
    publisher: article.publisher,
    published: article.published,
    syndicated: article.syndicated,
    words: article.words,
    highlights,
    notes,
    addedAt: article.addedAt,
    contentHash: article.contentHash,
  };
}

function summaryOf(row: IndexRow): ArticleSummary {
  const { contentHash: _hash, ...summary } = row;
  return summary;
}

function countsOf(highlights: readonly Highlight[]): { highlights: number; notes: number } {
  return { highlights: highlights.length, notes: highlights.filter((h) => h.note.trim() !== '').length };
}

function sameRow(a: IndexRow, b: IndexRow): boolean {
  return (Object.keys(a) as (keyof IndexRow)[]).every((k) => a[k] === b[k]);
}

/** Removes temp files a killed writer left behind; they are never anything but unfinished writes. */
async function removeStrayTempFiles(dataDir: string): Promise<void> {
  for (const dir of [dataDir, path.join(dataDir, ARTICLES_DIR), path.join(dataDir, HIGHLIGHTS_DIR)]) {
    for (const name of await readdir(dir)) {
      if (isTempFileName(name)) await unlink(path.join(dir, name)).catch(() => undefined);
    }
  }
}

class FileLibraryStore implements LibraryStore {
  readonly notices: StoreNotice[] = [];
  readonly #index: DocumentFile<'library'>;
  readonly #articles = new Map<string, DocumentFile<'article'>>();
  readonly #highlights = new Map<string, DocumentFile<'highlights'>>();
  #queue: Promise<void> = Promise.resolve();

  constructor(readonly dataDir: string) {
    this.#index = new DocumentFile(dataDir, 'library', INDEX_FILE, emptyIndex());
  }

  /** Reads the index, recovering it if damaged. Runs once, before anyone else can call in. */
  async load(): Promise<void> {
    const options = { withoutBackup: 'the library index was rebuilt from the article files' };
    let state = await loadDocument(this.#index, this.notices, options);
    // No index is normal for a new library, but not beside article files: the index is written
    // with the first article and never removed, so it was lost, and must not silently hide them.
    if (state === 'missing' && (await this.#articleIdsOnDisk()).length > 0) {
      state = await loadDocument(this.#index, this.notices, { ...options, missingIsDamage: true });
    }
    if (state === 'restored' || state === 'lost') await this.#rebuildIndex(state === 'lost');
  }

  /** Ids of the article files present, in no particular order. */
  async #articleIdsOnDisk(): Promise<string[]> {
    return (await readdir(path.join(this.dataDir, ARTICLES_DIR)))
      .map((name) => /^(.+)\.json$/.exec(name)?.[1])
      .filter((id): id is string => id !== undefined && SAFE_ID.test(id));
  }

  get seeded(): boolean {
    return this.#indexData.seeded;
  }

  listArticles(): ArticleSummary[] {
    return this.#indexData.articles.map(summaryOf);
  }

  findByContentHash(hash: string): ArticleSummary | null {
    const row = this.#indexData.articles.find((r) => r.contentHash === hash);
    return row ? summaryOf(row) : null;
  }

  async getArticle(id: string): Promise<Article | null> {
    const cached = this.#articles.get(id)?.data;
    if (cached) return structuredClone(cached.article);
    // Through the queue, so a read issued right after an add sees the add.
    return this.#enqueue(async () => {
      if (!this.#row(id)) return null;
      const doc = (await this.#articleFile(id)).data;
      return doc ? structuredClone(doc.article) : null;
    });
  }

  async getHighlights(articleId: string): Promise<Highlight[]> {
    const cached = this.#highlights.get(articleId)?.data;
    if (cached) return structuredClone(cached.highlights);
    return this.#enqueue(async () => {
      if (!this.#row(articleId)) return [];
      const doc = (await this.#highlightsFile(articleId)).data;
      return structuredClone(doc?.highlights ?? []);
    });
  }

  addArticle(article: Article): Promise<void> {
    return this.#enqueue(async () => {
      if (!SAFE_ID.test(article.id)) throw new Error(`Cannot add an article with the id "${article.id}".`);
      // Ids name files, and some file systems ignore case: refuse ids that differ only in case.
      const clash = this.#indexData.articles.find((r) => r.id.toLowerCase() === article.id.toLowerCase());
      if (clash) throw new Error(`An article with the id "${clash.id}" is already in the library.`);
      // The article file first: if the process dies before the index is written, the article
      // file is an orphan nobody looks at, whereas an index row without its file would be a
      // broken entry.
      const file = new DocumentFile(this.dataDir, 'article', articleRel(article.id), null);
      await file.save({ schemaVersion: CURRENT_SCHEMA_VERSION, article });
      this.#articles.set(article.id, file);
      await this.#saveIndex({ articles: [...this.#indexData.articles, rowFor(article, 0, 0)] });
    });
  }

  updateArticle(article: Article): Promise<void> {
    return this.#enqueue(async () => {
      if (!this.#row(article.id)) throw new Error(`There is no article with the id "${article.id}" to update.`);
      const file = await this.#articleFile(article.id);
      await file.save({ schemaVersion: CURRENT_SCHEMA_VERSION, article });
      // Read the row again: loading the file may have just brought it up to date.
      const row = this.#row(article.id);
      if (row) await this.#replaceRow(rowFor(article, row.highlights, row.notes));
    });
  }

  saveHighlights(articleId: string, highlights: Highlight[]): Promise<void> {
    return this.#enqueue(async () => {
      if (!this.#row(articleId)) throw new Error(`There is no article with the id "${articleId}" to save highlights for.`);
      // Loaded first so a damaged file is dealt with (moved aside, noticed) rather than overwritten.
      const file = await this.#highlightsFile(articleId);
      await file.save({ schemaVersion: CURRENT_SCHEMA_VERSION, highlights });
      const row = this.#row(articleId);
      if (row) await this.#replaceRow({ ...row, ...countsOf(highlights) });
    });
  }

  markSeeded(): Promise<void> {
    return this.#enqueue(async () => {
      if (!this.#indexData.seeded) await this.#saveIndex({ seeded: true });
    });
  }

  /** Resolves once every change asked for so far is on disk (or has failed). */
  flush(): Promise<void> {
    return this.#queue;
  }

  get #indexData(): LibraryDocument {
    // Never null: the index is created with defaults and only ever replaced by valid data.
    return this.#index.data ?? emptyIndex();
  }

  #row(id: string): IndexRow | undefined {
    return this.#indexData.articles.find((r) => r.id === id);
  }

  /** Runs mutations (and first reads, which may repair files) one at a time, in call order. */
  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task);
    this.#queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async #saveIndex(change: Partial<Omit<LibraryDocument, 'schemaVersion'>>): Promise<void> {
    await this.#index.save({ ...this.#indexData, ...change, schemaVersion: CURRENT_SCHEMA_VERSION });
  }

  /** Replaces one index row, writing the index only if the row actually changed. */
  async #replaceRow(next: IndexRow): Promise<void> {
    const rows = this.#indexData.articles;
    const at = rows.findIndex((r) => r.id === next.id);
    const current = rows[at];
    if (!current || sameRow(current, next)) return;
    await this.#saveIndex({ articles: rows.map((r, i) => (i === at ? next : r)) });
  }

  /**
   * An article's file, loaded. One listed in the index must exist; one found on disk may not.
   * Unless told not to, the index row is brought in line with the article if it differs, as it
   * can after a crash between writing an updated article and the index.
   */
  async #articleFile(id: string, listed = true, syncRow = listed): Promise<DocumentFile<'article'>> {
    let file = this.#articles.get(id);
    if (!file) {
      file = new DocumentFile(this.dataDir, 'article', articleRel(id), null);
      await loadDocument(file, this.notices, {
        missingIsDamage: listed,
        withoutBackup: `the article cannot be opened (its highlights, if any, are kept in ${highlightsRel(id)})`,
      });
      this.#articles.set(id, file);
      const row = syncRow ? this.#row(id) : undefined;
      const article = file.data?.article;
      if (row && article) await this.#replaceRow(rowFor(article, row.highlights, row.notes));
    }
    return file;
  }

  /**
   * An article's highlights file, loaded. Unless told not to (while the index is rebuilt), the
   * index row's counts are brought in line with it if they differ, as they can after a crash
   * between writing the highlights and the index.
   */
  async #highlightsFile(id: string, syncCounts = true): Promise<DocumentFile<'highlights'>> {
    let file = this.#highlights.get(id);
    if (!file) {
      file = new DocumentFile(this.dataDir, 'highlights', highlightsRel(id), {
        schemaVersion: CURRENT_SCHEMA_VERSION,
        highlights: [],
      });
      await loadDocument(file, this.notices, { withoutBackup: 'the article now has no highlights' });
      this.#highlights.set(id, file);
      const row = syncCounts ? this.#row(id) : undefined;
      if (row) await this.#replaceRow({ ...row, ...countsOf(file.data?.highlights ?? []) });
    }
    return file;
  }

  /**
   * After the index was restored from a backup (which may predate the last few changes) or lost
   * outright, rebuilds it from what is on disk: each row is refreshed from its article file and
   * its counts from its highlights file, and article files the index lacks are added back (after
   * the known rows, by date added).
   */
  async #rebuildIndex(lost: boolean): Promise<void> {
    const before = this.#indexData;
    const known = new Set(before.articles.map((r) => r.id));
    const unlisted = (await this.#articleIdsOnDisk()).filter((id) => !known.has(id));
    const rows: IndexRow[] = [];
    for (const old of before.articles) {
      const article = (await this.#articleFile(old.id, true, false)).data?.article;
      const counts = countsOf((await this.#highlightsFile(old.id, false)).data?.highlights ?? []);
      // A row whose article cannot be read is kept: it still names the article and its notes.
      rows.push(article ? rowFor(article, counts.highlights, counts.notes) : { ...old, ...counts });
    }
    const extras: IndexRow[] = [];
    for (const id of unlisted) {
      const article = (await this.#articleFile(id, false)).data?.article;
      if (!article || article.id !== id) continue;
      const counts = countsOf((await this.#highlightsFile(id, false)).data?.highlights ?? []);
      extras.push(rowFor(article, counts.highlights, counts.notes));
    }
    extras.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
    // The seeded flag is only lost with the index itself; a library with articles was seeded.
    const seeded = lost ? rows.length + extras.length > 0 : before.seeded;
    await this.#saveIndex({ seeded, articles: [...rows, ...extras] });
    if (extras.length > 0) {
      const n = extras.length;
      this.notices.push({
        file: INDEX_FILE,
        message: `${n} article${n === 1 ? '' : 's'} found in ${ARTICLES_DIR}/ but missing from the index ${n === 1 ? 'was' : 'were'} added back to the library.`,
      });
    }
  }
}

/**
 * Opens (creating if need be) the library in `dataDir`. Damaged files met on the way are moved
 * aside and restored from backup where possible, and reported in `notices`; files read later
 * (articles, highlights) are checked when first read and add to `notices` then. Throws
 * NewerSchemaError, leaving the file untouched, when the library was written by a newer Gloss.
 */
export async function openLibraryStore(dataDir: string): Promise<LibraryStore> {
  const dir = path.resolve(dataDir);
  await mkdir(path.join(dir, ARTICLES_DIR), { recursive: true });
  await mkdir(path.join(dir, HIGHLIGHTS_DIR), { recursive: true });
  await removeStrayTempFiles(dir);
  const store = new FileLibraryStore(dir);
  await store.load();
  return store;
}
