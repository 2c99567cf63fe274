import type { Article, ArticleSummary } from '../../../common/model/article.ts';
import type { Highlight } from '../../../common/model/highlight.ts';

/** Something the store had to do on its own that the user should hear about. */
export interface StoreNotice {
  /** The file concerned, relative to the data folder. */
  file: string;
  /** A sentence for people: what was wrong and what was done ("… was moved aside to …; restored from backup of …"). */
  message: string;
}

/**
 * The durable library on disk. Every mutating call resolves only after the change is on disk
 * (written to a temp file, fsynced, renamed over the old one, folder fsynced); once resolved, a
 * crash or kill cannot lose it. Calls are serialised internally, so callers need not queue them.
 */
export interface LibraryStore {
  readonly dataDir: string;
  /** Problems met while loading (unparseable or invalid files moved aside, backups restored). */
  readonly notices: StoreNotice[];
  /** Library rows in the order articles were added. */
  listArticles(): ArticleSummary[];
  getArticle(id: string): Promise<Article | null>;
  findByContentHash(hash: string): ArticleSummary | null;
  /** Adds a new article (with no highlights), writing the article file before the index. */
  addArticle(article: Article): Promise<void>;
  /** Replaces a stored article's content (a re-import or a recomputed analysis). */
  updateArticle(article: Article): Promise<void>;
  getHighlights(articleId: string): Promise<Highlight[]>;
  /** Replaces the article's highlights whole and refreshes the index row's counts. */
  saveHighlights(articleId: string, highlights: Highlight[]): Promise<void>;
  /** Whether the bundled article has been imported once (so deleting it does not bring it back). */
  readonly seeded: boolean;
  markSeeded(): Promise<void>;
  /** Resolves once every change asked for so far has been written (or has failed); for app quit. */
  flush?(): Promise<void>;
}
