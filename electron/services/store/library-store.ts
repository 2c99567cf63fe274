/**
 * The library on disk, one file per concern so that a change rewrites only what it touches:
 *
 *   <dataDir>/library.json            the index: one row per article, in the order added
 *   <dataDir>/articles/<id>.json      one article's text and analysis
 *   <dataDir>/highlights/<id>.json    one article's highlights (absent until the first is saved)
 *   <dataDir>/media/<id>/<file>       images saved with a web page, copied in at import
 *   <dataDir>/backups/<file>/…        the last few previous versions of each of those files
 *
 * The user's own state of an article (tags, reading position, trash) lives on its index row, so
 * that changing it rewrites only the index. Articles and highlights are read on first use and
 * cached.
 */
import { mkdir, readdir, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { GlossError } from '../../../common/errors.ts';
import type { Article, ArticleSummary } from '../../../common/model/article.ts';
import type { Highlight } from '../../../common/model/highlight.ts';
import {
  CURRENT_SCHEMA_VERSION,
  type IndexRow,
  type LibraryDocument,
} from '../../../common/store/schema.ts';
import { backupFolder } from './backups.ts';
import { DocumentFile, loadDocument } from './document-file.ts';
import { isTempFileName } from './durable-file.ts';
import { SAFE_ID } from './layout.ts';
import { pruneMediaFiles, removeMedia, saveMediaFile } from './media.ts';
import type { ReadingPosition, StoredLibrary, StoreNotice } from './types.ts';

const INDEX_FILE = 'library.json';
const ARTICLES_DIR = 'articles';
const HIGHLIGHTS_DIR = 'highlights';

function articleRel(id: string): string {
  return `${ARTICLES_DIR}/${id}.json`;
}

function highlightsRel(id: string): string {
  return `${HIGHLIGHTS_DIR}/${id}.json`;
}

function emptyIndex(): LibraryDocument {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, seeded: false, articles: [] };
}

/** The fields of a row that are the user's, not the article's: kept across article updates. */
type UserState = Pick<IndexRow, 'tags' | 'progress' | 'position' | 'lastReadAt' | 'trashedAt'>;

function userStateOf(row: IndexRow | undefined): UserState {
  if (!row) return {};
  const state: UserState = {};
  if (row.tags !== undefined) state.tags = row.tags;
  if (row.progress !== undefined) state.progress = row.progress;
  if (row.position !== undefined) state.position = row.position;
  if (row.lastReadAt !== undefined) state.lastReadAt = row.lastReadAt;
  if (row.trashedAt !== undefined) state.trashedAt = row.trashedAt;
  return state;
}

/** The library index's row for an article (exported for tools that write a library directly). */
export function rowFor(
  article: Article,
  highlights: number,
  notes: number,
  user: UserState = {},
): IndexRow {
  const row: IndexRow = {
    id: article.id,
    title: article.title,
    source: article.source,
    author: article.author,
    url: article.url,
    dateline: article.dateline,
    publisher: article.publisher,
    published: article.published,
    syndicated: article.syndicated,
    words: article.words,
    highlights,
    notes,
    addedAt: article.addedAt,
    ...user,
    contentHash: article.contentHash,
  };
  return row;
}

function summaryOf(row: IndexRow): ArticleSummary {
  const { contentHash: _hash, ...summary } = row;
  if (summary.tags) summary.tags = [...summary.tags];
  return summary;
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

function countsOf(highlights: readonly Highlight[]): { highlights: number; notes: number } {
  return {
    highlights: highlights.length,
    notes: highlights.filter((h) => h.note.trim() !== '').length,
  };
}

function sameRow(a: IndexRow, b: IndexRow): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof IndexRow)[]);
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
    } else if (x !== y) return false;
  }
  return true;
}

/** Removes temp files a killed writer left behind (never anything but unfinished writes). */
async function removeStrayTempFiles(dataDir: string): Promise<void> {
  for (const dir of [
    dataDir,
    path.join(dataDir, ARTICLES_DIR),
    path.join(dataDir, HIGHLIGHTS_DIR),
  ]) {
    for (const name of await readdir(dir)) {
      if (isTempFileName(name)) await unlink(path.join(dir, name)).catch(() => undefined);
    }
  }
}

class FileLibraryStore implements StoredLibrary {
  readonly notices: StoreNotice[] = [];
  readonly #index: DocumentFile<'library'>;
  readonly #articles = new Map<string, DocumentFile<'article'>>();
  readonly #highlights = new Map<string, DocumentFile<'highlights'>>();
  #queue: Promise<void> = Promise.resolve();
  /** Reading positions waiting for the next index write, and that write once it is queued. */
  #pendingPositions = new Map<string, ReadingPosition>();
  #positionsWrite: Promise<void> | null = null;

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
    return this.#indexData.articles.filter((r) => !r.trashedAt).map(summaryOf);
  }

  listTrash(): ArticleSummary[] {
    return this.#indexData.articles.filter((r) => r.trashedAt).map(summaryOf);
  }

  findByContentHash(hash: string): ArticleSummary | null {
    const row = this.#indexData.articles.find((r) => r.contentHash === hash);
    return row ? summaryOf(row) : null;
  }

  getSummary(articleId: string): ArticleSummary | null {
    const row = this.#row(articleId);
    return row ? summaryOf(row) : null;
  }

  contentHashOf(articleId: string): string | null {
    return this.#row(articleId)?.contentHash ?? null;
  }

  findByUrl(url: string): ArticleSummary | null {
    const rows = this.#indexData.articles.filter((r) => r.url === url);
    const row = rows.find((r) => !r.trashedAt) ?? rows[0];
    return row ? summaryOf(row) : null;
  }

  setTags(articleId: string, tags: string[]): Promise<ArticleSummary> {
    return this.#enqueue(async () => {
      const row = this.#rowOrThrow(articleId, 'tag');
      const next: IndexRow = { ...row, tags: cleanTags(tags) };
      await this.#replaceRow(next);
      return summaryOf(next);
    });
  }

  setReadingPosition(articleId: string, reading: ReadingPosition): Promise<void> {
    if (!this.#row(articleId))
      return Promise.reject(
        new GlossError(
          'not-found',
          `There is no article with the id "${articleId}" to remember the reading position of.`,
        ),
      );
    this.#pendingPositions.set(articleId, reading);
    // Group commit: every call made before the queued write starts rides on that one write.
    this.#positionsWrite ??= this.#enqueue(async () => {
      this.#positionsWrite = null;
      const batch = this.#pendingPositions;
      this.#pendingPositions = new Map();
      const rows = this.#indexData.articles.map((r) => {
        const p = batch.get(r.id);
        return p
          ? { ...r, position: p.position, progress: p.progress, lastReadAt: p.lastReadAt }
          : r;
      });
      await this.#saveIndex({ articles: rows });
    });
    return this.#positionsWrite;
  }

  trashArticle(articleId: string, at: Date): Promise<void> {
    return this.#enqueue(async () => {
      const row = this.#rowOrThrow(articleId, 'move to the trash');
      if (!row.trashedAt) await this.#replaceRow({ ...row, trashedAt: at.toISOString() });
    });
  }

  restoreArticle(articleId: string): Promise<void> {
    return this.#enqueue(async () => {
      const row = this.#rowOrThrow(articleId, 'restore');
      if (!row.trashedAt) return;
      const { trashedAt: _at, ...rest } = row;
      await this.#replaceRow(rest);
    });
  }

  purgeTrash(before: Date): Promise<string[]> {
    return this.#enqueue(async () => {
      const cutoff = before.getTime();
      const expired = this.#indexData.articles
        .filter((r) => r.trashedAt && Date.parse(r.trashedAt) < cutoff)
        .map((r) => r.id);
      if (expired.length === 0) return [];
      const gone = new Set(expired);
      // The index first: should the process die before the files are removed, they are
      // unlisted leftovers, never rows pointing at nothing.
      await this.#saveIndex({ articles: this.#indexData.articles.filter((r) => !gone.has(r.id)) });
      for (const id of expired) {
        this.#articles.delete(id);
        this.#highlights.delete(id);
        for (const rel of [articleRel(id), highlightsRel(id)]) {
          await rm(path.join(this.dataDir, rel), { force: true });
          await rm(backupFolder(this.dataDir, rel), { recursive: true, force: true });
        }
        await removeMedia(this.dataDir, id);
      }
      return expired;
    });
  }

  saveMedia(articleId: string, name: string, bytes: Uint8Array): Promise<void> {
    return this.#enqueue(() => saveMediaFile(this.dataDir, articleId, name, bytes));
  }

  pruneMedia(articleId: string, keep: ReadonlySet<string>): Promise<void> {
    return this.#enqueue(() => pruneMediaFiles(this.dataDir, articleId, keep));
  }

  async highlightsStamp(articleId: string): Promise<string | null> {
    if (!SAFE_ID.test(articleId)) return null;
    try {
      // A save always renames a new file into place, so the inode alone would do; size and
      // time guard against file systems that reuse inode numbers at once.
      const info = await stat(path.join(this.dataDir, highlightsRel(articleId)));
      return `${info.ino}:${info.size}:${info.mtimeMs}`;
    } catch {
      return null;
    }
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
      if (!SAFE_ID.test(article.id))
        throw new GlossError(
          'invalid-argument',
          `Cannot add an article with the id "${article.id}".`,
        );
      // Ids name files, and some file systems ignore case: refuse ids that differ only in case.
      const clash = this.#indexData.articles.find(
        (r) => r.id.toLowerCase() === article.id.toLowerCase(),
      );
      if (clash)
        throw new GlossError(
          'conflict',
          `An article with the id "${clash.id}" is already in the library.`,
        );
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
      if (!this.#row(article.id))
        throw new GlossError(
          'not-found',
          `There is no article with the id "${article.id}" to update.`,
        );
      const file = await this.#articleFile(article.id);
      await file.save({ schemaVersion: CURRENT_SCHEMA_VERSION, article });
      // Read the row again: loading the file may have just brought it up to date.
      const row = this.#row(article.id);
      if (row) await this.#replaceRow(rowFor(article, row.highlights, row.notes, userStateOf(row)));
    });
  }

  saveHighlights(articleId: string, highlights: Highlight[]): Promise<void> {
    return this.#enqueue(async () => {
      if (!this.#row(articleId))
        throw new GlossError(
          'not-found',
          `There is no article with the id "${articleId}" to save highlights for.`,
        );
      // Loaded first so a damaged file is dealt with (moved aside, noticed), not overwritten.
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

  #rowOrThrow(id: string, action: string): IndexRow {
    const row = this.#row(id);
    if (!row)
      throw new GlossError('not-found', `There is no article with the id "${id}" to ${action}.`);
    return row;
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
    await this.#index.save({
      ...this.#indexData,
      ...change,
      schemaVersion: CURRENT_SCHEMA_VERSION,
    });
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
  async #articleFile(
    id: string,
    listed = true,
    syncRow = listed,
  ): Promise<DocumentFile<'article'>> {
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
      if (row && article)
        await this.#replaceRow(rowFor(article, row.highlights, row.notes, userStateOf(row)));
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
      await loadDocument(file, this.notices, {
        withoutBackup: 'the article now has no highlights',
      });
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
      rows.push(
        article
          ? rowFor(article, counts.highlights, counts.notes, userStateOf(old))
          : { ...old, ...counts },
      );
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
export async function openLibraryStore(dataDir: string): Promise<StoredLibrary> {
  const dir = path.resolve(dataDir);
  await mkdir(path.join(dir, ARTICLES_DIR), { recursive: true });
  await mkdir(path.join(dir, HIGHLIGHTS_DIR), { recursive: true });
  await removeStrayTempFiles(dir);
  const store = new FileLibraryStore(dir);
  await store.load();
  return store;
}
