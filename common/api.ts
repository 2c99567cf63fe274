/**
 * THE API table: every call the renderer may make of the main process. The main process loops
 * over it to register one IPC handler per channel (validating the argument with its schema);
 * the preload loops over the channel half (api-channels.ts) to expose `window.gloss.<name>(arg)`;
 * the end-to-end tests bind the same handlers into a browser page. Nothing else crosses the
 * process boundary.
 */
import { z } from 'zod';
import { apiChannels, apiNames, type ApiName, type Envelope } from './api-channels.ts';
import { toErrorInfo } from './errors.ts';
import type { Article, ArticleSummary } from './model/article.ts';
import type { Highlight } from './model/highlight.ts';
import { MAX_NOTE_LENGTH } from './notes/limits.ts';
import { HIGHLIGHT_COLORS } from './model/highlight.ts';
import { IMPORT_CHANNELS, MAX_IMPORT_BATCH } from './api-imports.ts';
import { hasImportableExtension } from './ingest/extensions.ts';
import { webAddressOrNull } from './ingest/web-page.ts';
import { highlightSchema } from './store/schema.ts';

const articleId = z.string().regex(/^[a-z0-9_-]{1,64}$/i, 'not an article id');
const highlightId = z.string().regex(/^[a-z0-9_-]{1,64}$/i, 'not a highlight id');
const color = z.enum(HIGHLIGHT_COLORS);
/** Notes are the user's own words: generous, but bounded so one call cannot flood the store. */
const note = z.string().max(MAX_NOTE_LENGTH, 'a note is limited to 100,000 characters');
const offset = z.number().int().nonnegative();

const noArgument = z.undefined();

/** The result of opening one article in the reader. */
export interface OpenedArticle {
  article: Article;
  highlights: Highlight[];
}

/** One hit of a library search: in an article's text or in one of its notes. */
export interface SearchResult {
  id: string;
  title: string;
  /** A short passage around the hit, for the results list. */
  snippet: string;
  /** [start, end) ranges inside `snippet` to mark as the hit. */
  marks: Array<[number, number]>;
  kind: 'text' | 'note';
  /** Where the hit is in the article's text (for a note: its highlight's start), to scroll to. */
  offset: number;
  /** For a note hit, the highlight the note belongs to. */
  highlightId?: string;
  /**
   * Set when the search index was still being built and the library's text was read instead:
   * results come in library order, not by relevance.
   */
  scanned?: true;
}

/** What became of each file in an import from the app (drag and drop, File → Import…). */
export interface ImportSummary {
  results: Array<{
    /** The file's name (the page is never told where a file is). */
    file: string;
    status: 'imported' | 'duplicate' | 'updated' | 'failed';
    id?: string;
    title?: string;
    /** For 'failed': the reason, for people. */
    error?: string;
    /** For 'updated': what became of the article's highlights. */
    highlights?: { kept: number; moved: number; orphaned: number };
  }>;
}

/** One article's row and all its highlights, as the notebook lists them. */
export interface NotebookArticle {
  article: ArticleSummary;
  highlights: Highlight[];
}

/** Something the app wants the user to know on start, such as a damaged file moved aside. */
export interface AppNotice {
  file: string;
  message: string;
}

/** What saving a link did: the article it became, and whether it was new. */
export interface SavedLink {
  id: string;
  title: string;
  status: 'imported' | 'updated' | 'duplicate';
  /** For 'updated' (the page changed since it was saved): what became of its highlights. */
  highlights?: { kept: number; moved: number; orphaned: number };
}

/** One subscription, as the library's Feeds section lists it. */
export interface FeedSummary {
  url: string;
  title: string | null;
  refreshedAt: string | null;
  /** The articles saved from it that are still in the library. */
  articles: string[];
  /** Of those, the ones never opened. */
  unread: number;
}

/** What one feed's refresh did (the same shape as `gloss feeds refresh --json`). */
export interface FeedRefreshReport {
  url: string;
  title: string | null;
  new: number;
  errors: string[];
}

/** An http or https address, as a link to save or a feed to subscribe to. */
const webAddress = z
  .string()
  .trim()
  .min(1, 'give a web address')
  .max(2000)
  .refine((u) => webAddressOrNull(u) !== null, 'not an http or https address');

export const apiTable = {
  listArticles: { channel: apiChannels.listArticles, input: noArgument },
  getArticle: { channel: apiChannels.getArticle, input: z.object({ id: articleId }).strict() },
  notices: { channel: apiChannels.notices, input: noArgument },
  createHighlight: {
    channel: apiChannels.createHighlight,
    input: z
      .object({ articleId, start: offset, end: offset, color, note: note.optional() })
      .strict()
      .refine((h) => h.end > h.start, 'a highlight must cover at least one character'),
  },
  updateHighlight: {
    channel: apiChannels.updateHighlight,
    input: z
      .object({ articleId, id: highlightId, color: color.optional(), note: note.optional() })
      .strict(),
  },
  deleteHighlight: {
    channel: apiChannels.deleteHighlight,
    input: z.object({ articleId, id: highlightId }).strict(),
  },
  /** Puts back a highlight exactly as it was (undo of a delete, redo of a create). */
  restoreHighlight: {
    channel: apiChannels.restoreHighlight,
    // The store's own schema, limits and all: whatever was stored can be put back.
    input: z.object({ highlight: highlightSchema }).strict(),
  },
  exportMarkdown: {
    channel: apiChannels.exportMarkdown,
    input: z.object({ articleId, colorTags: z.boolean().optional() }).strict(),
  },
  /** Asks where to save (a native dialog) and writes the article's notes there. */
  exportToFile: {
    channel: apiChannels.exportToFile,
    input: z.object({ articleId, colorTags: z.boolean().optional() }).strict(),
  },
  /** File → Export all…: asks for a folder, then writes one Markdown file per article into it. */
  exportAllWithDialog: {
    channel: apiChannels.exportAllWithDialog,
    input: z.object({ colorTags: z.boolean().optional() }).strict(),
  },
  /** Full-text search over every article's text and every note. */
  search: {
    channel: apiChannels.search,
    input: z
      .object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).optional() })
      .strict(),
  },
  /**
   * File → Import…: main asks for files with a native dialog and imports them itself, reporting
   * each file on the progress channel (api-imports.ts). The page never sees or sends a path.
   */
  importWithDialog: { channel: apiChannels.importWithDialog, input: noArgument },
  setArticleTags: {
    channel: apiChannels.setArticleTags,
    input: z.object({ id: articleId, tags: z.array(z.string().min(1).max(100)).max(100) }).strict(),
  },
  /**
   * Remembers where the reader is: a text offset and how far through (0–1) the article they got.
   */
  setReadingPosition: {
    channel: apiChannels.setReadingPosition,
    input: z.object({ id: articleId, offset: offset, progress: z.number().min(0).max(1) }).strict(),
  },
  /** Moves an article and its highlights to the trash (kept 30 days). */
  trashArticle: { channel: apiChannels.trashArticle, input: z.object({ id: articleId }).strict() },
  restoreArticle: {
    channel: apiChannels.restoreArticle,
    input: z.object({ id: articleId }).strict(),
  },
  listTrash: { channel: apiChannels.listTrash, input: noArgument },
  /** Every highlight in the library with its article, for the notebook. */
  listAllHighlights: { channel: apiChannels.listAllHighlights, input: noArgument },
  /**
   * The chosen highlights of several articles as one Markdown document; with `save`, asks where
   * to save it (a native dialog) and writes it there.
   */
  exportNotebook: {
    channel: apiChannels.exportNotebook,
    input: z
      .object({
        highlights: z
          .array(z.object({ articleId, id: highlightId }).strict())
          .min(1)
          .max(100_000),
        colorTags: z.boolean().optional(),
        save: z.boolean().optional(),
      })
      .strict(),
  },
  /**
   * Settles a note edited on two devices at once: `note` (one version, or the user's merge of
   * them) becomes the note and every concurrent version (`conflicts`) is cleared.
   */
  resolveNoteConflict: {
    channel: apiChannels.resolveNoteConflict,
    input: z.object({ articleId, id: highlightId, note }).strict(),
  },
  /** Saves the article at a web address: fetched once, read offline from then on. */
  saveLink: { channel: apiChannels.saveLink, input: z.object({ url: webAddress }).strict() },
  listFeeds: { channel: apiChannels.listFeeds, input: noArgument },
  /** Subscribes after fetching the feed once, so that a wrong address is refused at once. */
  addFeed: { channel: apiChannels.addFeed, input: z.object({ url: webAddress }).strict() },
  removeFeed: { channel: apiChannels.removeFeed, input: z.object({ url: webAddress }).strict() },
  /** Refreshes every feed; asked while a refresh runs, it joins that one. */
  refreshFeeds: { channel: apiChannels.refreshFeeds, input: noArgument },
  /** Asks for an OPML file (a native dialog) and subscribes to the feeds it lists. */
  importOpml: { channel: apiChannels.importOpml, input: noArgument },
  /** Asks where to save (a native dialog) and writes the subscriptions there as OPML. */
  exportOpml: { channel: apiChannels.exportOpml, input: noArgument },
} as const satisfies {
  // Every call of api-channels.ts has a schema here, on its own channel, and nothing more.
  [K in ApiName]: { channel: (typeof apiChannels)[K]; input: z.ZodType };
};

/**
 * The one call that carries paths: the preload's, with the paths of files the user dropped
 * (resolved from the page's File objects by Electron). It is not in `window.gloss`, and the page
 * has no ipcRenderer to reach its channel. Only article files, so that even a preload gone wrong
 * cannot read, say, ~/.ssh/config into the library and back out through getArticle.
 */
export const droppedImportInput = z
  .object({
    paths: z
      .array(
        z
          .string()
          .min(1)
          .max(4096)
          .refine(hasImportableExtension, { message: 'not a .txt, .md, .html or .epub file' }),
      )
      .min(1)
      .max(MAX_IMPORT_BATCH),
  })
  .strict();

export { apiChannels, apiNames, createBridge } from './api-channels.ts';
export type { ApiName, Envelope } from './api-channels.ts';

/** What each call resolves to. */
export interface ApiResults {
  listArticles: ArticleSummary[];
  getArticle: OpenedArticle;
  notices: AppNotice[];
  createHighlight: Highlight;
  updateHighlight: Highlight;
  deleteHighlight: Highlight;
  restoreHighlight: Highlight;
  exportMarkdown: string;
  exportToFile: { path: string | null };
  exportAllWithDialog: { folder: string | null; files: string[] };
  search: SearchResult[];
  importWithDialog: ImportSummary;
  setArticleTags: ArticleSummary;
  setReadingPosition: void;
  trashArticle: void;
  restoreArticle: void;
  listTrash: ArticleSummary[];
  listAllHighlights: NotebookArticle[];
  exportNotebook: { markdown: string; path: string | null };
  resolveNoteConflict: Highlight;
  saveLink: SavedLink;
  listFeeds: FeedSummary[];
  addFeed: FeedSummary;
  removeFeed: void;
  refreshFeeds: { feeds: FeedRefreshReport[] };
  importOpml: { file: string | null; added: number };
  exportOpml: { path: string | null };
}

export type ApiArgument<K extends ApiName> = z.input<(typeof apiTable)[K]['input']>;
export type ApiParsedArgument<K extends ApiName> = z.output<(typeof apiTable)[K]['input']>;

/** `window.gloss`: one promise-returning function per table entry. */
export type GlossApi = {
  [K in ApiName]: undefined extends ApiArgument<K>
    ? (arg?: ApiArgument<K>) => Promise<ApiResults[K]>
    : (arg: ApiArgument<K>) => Promise<ApiResults[K]>;
};

/** The functions that answer the table, one per name, taking the validated argument. */
export type ApiImplementation = {
  [K in ApiName]: (arg: ApiParsedArgument<K>) => Promise<ApiResults[K]>;
};

/** What answers the preload's dropped-files channel (see droppedImportInput). */
export interface DroppedImportImplementation {
  importDropped(arg: z.output<typeof droppedImportInput>): Promise<ImportSummary>;
}

/** A readable one-line reason from a failed validation, naming the field. */
export function describeInvalid(name: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `${name}: invalid argument`;
  const field = issue.path.length ? issue.path.join('.') : 'argument';
  return `${name}: ${field}: ${issue.message}`;
}

/**
 * Wraps an implementation into one handler per channel that validates the argument against
 * the table and turns every outcome into an envelope (and, when the implementation has
 * `importDropped`, one for the preload's dropped-files channel). Main registers these with
 * ipcMain; the end-to-end tests bind the very same functions into the page.
 */
export function createChannelHandlers(
  impl: ApiImplementation & Partial<DroppedImportImplementation>,
): Map<string, (arg: unknown) => Promise<Envelope<unknown>>> {
  const handlers = new Map<string, (arg: unknown) => Promise<Envelope<unknown>>>();
  const add = (name: string, channel: string, input: z.ZodType, run: (a: unknown) => unknown) => {
    handlers.set(channel, async (arg: unknown) => {
      const parsed = input.safeParse(arg);
      if (!parsed.success) {
        const message = describeInvalid(name, parsed.error);
        return { ok: false, error: { code: 'invalid-argument', message } };
      }
      try {
        return { ok: true, value: await run(parsed.data) };
      } catch (error) {
        return { ok: false, error: toErrorInfo(error) };
      }
    });
  };
  for (const name of apiNames) {
    const run = impl[name] as (a: unknown) => Promise<unknown>;
    add(name, apiTable[name].channel, apiTable[name].input, (a) => run(a));
  }
  const importDropped = impl.importDropped?.bind(impl);
  if (importDropped)
    add('importDropped', IMPORT_CHANNELS.dropped, droppedImportInput, (a) =>
      importDropped(a as z.output<typeof droppedImportInput>),
    );
  return handlers;
}
