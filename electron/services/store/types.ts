import type { Article, ArticleSummary } from '../../../common/model/article.ts';
import type { Highlight } from '../../../common/model/highlight.ts';

/** Where the reader left an article. */
export interface ReadingPosition {
  /** A text offset in the article. */
  position: number;
  /** How far through it (0–1). */
  progress: number;
  /** When (ISO 8601). */
  lastReadAt: string;
}

/** Something the store had to do on its own that the user should hear about. */
export interface StoreNotice {
  /** The file concerned, relative to the data folder. */
  file: string;
  /** A sentence for people: what was wrong and what was done, naming the article. */
  message: string;
}

/** One article's highlights inside a transaction (see `LibraryStore.updateHighlights`). */
export interface HighlightsTx {
  /** The highlights as they are now, including changes made earlier in this transaction. */
  list(): Highlight[];
  get(id: string): Highlight | null;
  /**
   * Adds or replaces a highlight; only the fields that differ are recorded. With
   * `resolveConflicts`, the note replaces every version listed in its `conflicts` too.
   */
  put(highlight: Highlight, options?: { resolveConflicts?: boolean }): void;
  /** Deletes a highlight (for good, on every device); false when there was none. */
  remove(id: string): boolean;
}

/** What changed on disk by another process or device, seen by the folder watch. */
export interface LibraryChange {
  /** Articles whose row (title, tags, trash…) or highlights changed. */
  articles: string[];
}

/**
 * The durable library on disk. Every mutating call resolves only after the change is on disk
 * (its record appended to this process's change log and fsynced); once resolved, a crash or kill
 * cannot lose it. Calls are serialised internally, so callers need not queue them, and each one
 * first reads what other processes and devices appended, so nothing is decided on stale data.
 */
export interface LibraryStore extends StoredLibrary {
  /** This device's name (see device.ts). */
  readonly device: string;
  /**
   * True when the folder cannot be written, or it was opened for reading only: reads work,
   * changes throw a `read-only` error.
   */
  readonly readOnly: boolean;
  /**
   * A transaction on one article's highlights: `change` runs on the current state (after what
   * other writers appended has been read) and its changes are written as one record, all or
   * nothing. Throws a `not-found` error when there is no such article.
   */
  updateHighlights<T>(articleId: string, change: (tx: HighlightsTx) => T): Promise<T>;
  /** Resolves once every change asked for so far has been written (or has failed); for app quit. */
  flush(): Promise<void>;
  /** Starts watching the folder for other writers' changes (the app does; the CLI need not). */
  watch(): void;
  /** Calls `listener` with what other writers changed; returns a function that stops it. */
  onChange(listener: (change: LibraryChange) => void): () => void;
  /** Flushes, folds the log into the snapshot when it can, and stops watching. */
  close(): Promise<void>;
}

/**
 * What every library store offers, the previous format's reader (library-store.ts, kept to
 * convert old libraries) included.
 */
export interface StoredLibrary {
  readonly dataDir: string;
  /** Problems met while loading (unparseable or invalid files moved aside, backups restored). */
  readonly notices: StoreNotice[];
  /** Library rows in the order articles were added, without those in the trash. */
  listArticles(): ArticleSummary[];
  /** Rows in the trash (each with `trashedAt`), in the order articles were added. */
  listTrash(): ArticleSummary[];
  /** Reads an article, whether in the library or in the trash. */
  getArticle(id: string): Promise<Article | null>;
  /** One article's row (in the library or the trash, with `trashedAt`), or null. */
  getSummary(articleId: string): ArticleSummary | null;
  /** The content hash on an article's row, or null when there is no such row. */
  contentHashOf(articleId: string): string | null;
  /** The row (in the library or the trash) with that content hash. */
  findByContentHash(hash: string): ArticleSummary | null;
  /** The row (library first, else trash) of the saved web page with that canonical address. */
  findByUrl(url: string): ArticleSummary | null;
  /** Adds a new article (with no highlights), writing the article file before the index. */
  addArticle(article: Article): Promise<void>;
  /** Replaces a stored article's content (a re-import or a recomputed analysis). */
  updateArticle(article: Article): Promise<void>;
  getHighlights(articleId: string): Promise<Highlight[]>;
  /**
   * Replaces the article's highlights whole (only the differences are recorded). Prefer
   * `updateHighlights`, which decides on the current state inside the transaction.
   */
  saveHighlights(articleId: string, highlights: Highlight[]): Promise<void>;
  /** Replaces an article's tags (trimmed, first spelling of each kept); resolves to the new row. */
  setTags(articleId: string, tags: string[]): Promise<ArticleSummary>;
  /**
   * Records where the reader is, on the index row only. Calls arriving while a write is under
   * way are gathered into the next single write; each resolves once its change is on disk.
   */
  setReadingPosition(articleId: string, reading: ReadingPosition): Promise<void>;
  /** Moves an article (with its files and highlights, untouched) into the trash. */
  trashArticle(articleId: string, at: Date): Promise<void>;
  /** Takes an article out of the trash, as it was. */
  restoreArticle(articleId: string): Promise<void>;
  /**
   * Deletes for good the articles trashed before `before`: their rows first, then their
   * article, highlights and media files and the backups of those. Resolves to their ids.
   */
  purgeTrash(before: Date): Promise<string[]>;
  /** Writes one image of an article durably under `media/<articleId>/<name>`. */
  saveMedia(articleId: string, name: string, bytes: Uint8Array): Promise<void>;
  /** Removes the article's media files whose names are not in `keep`. */
  pruneMedia(articleId: string, keep: ReadonlySet<string>): Promise<void>;
  /**
   * A token that changes whenever the article's highlights file is replaced (or null when it
   * has none), so that a derived index can tell whether it is still up to date.
   */
  highlightsStamp(articleId: string): Promise<string | null>;
  /** Whether the bundled article has been imported once (so deleting it does not bring it back). */
  readonly seeded: boolean;
  markSeeded(): Promise<void>;
  /** Resolves once every change asked for so far has been written (or has failed). */
  flush?(): Promise<void>;
}
