/**
 * THE API table: every call the renderer may make of the main process. The main process loops
 * over it to register one IPC handler per channel (validating the argument with its schema);
 * the preload loops over it to expose `window.gloss.<name>(arg)`; the end-to-end tests bind the
 * same handlers into a browser page. Nothing else crosses the process boundary.
 */
import { z } from 'zod';
import type { Article, ArticleSummary } from './model/article.ts';
import type { Highlight } from './model/highlight.ts';
import { HIGHLIGHT_COLORS } from './model/highlight.ts';
import { hasImportableExtension } from './ingest/extensions.ts';

const articleId = z.string().regex(/^[a-z0-9_-]{1,64}$/i, 'not an article id');
const highlightId = z.string().regex(/^[a-z0-9_-]{1,64}$/i, 'not a highlight id');
const color = z.enum(HIGHLIGHT_COLORS);
/** Notes are the user's own words: generous, but bounded so one call cannot flood the store. */
const note = z.string().max(100_000, 'a note is limited to 100,000 characters');
const offset = z.number().int().nonnegative();

const noArgument = z.undefined();

const storedHighlight = z.object({
  id: highlightId,
  articleId,
  position: z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset }),
  quote: z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().max(1_000_000),
    prefix: z.string().max(200),
    suffix: z.string().max(200),
  }),
  color,
  note,
  tags: z.array(z.string().max(200)).max(500),
  created: z.string().max(40),
  updated: z.string().max(40),
  orphan: z.boolean(),
  attribution: z
    .object({
      name: z.string().max(500).nullable(),
      role: z.string().max(1000).nullable(),
      kind: z.enum(['person', 'organization', 'group', 'unknown']),
    })
    .nullable()
    .optional(),
});

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
}

/** What became of each file in an import from the app (drag and drop, File → Import…). */
export interface ImportSummary {
  results: Array<{
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

/** Something the app wants the user to know on start, such as a damaged file moved aside. */
export interface AppNotice {
  file: string;
  message: string;
}

export const apiTable = {
  listArticles: { channel: 'gloss:articles:list', input: noArgument },
  getArticle: { channel: 'gloss:articles:get', input: z.object({ id: articleId }).strict() },
  notices: { channel: 'gloss:app:notices', input: noArgument },
  createHighlight: {
    channel: 'gloss:highlights:create',
    input: z
      .object({ articleId, start: offset, end: offset, color, note: note.optional() })
      .strict()
      .refine((h) => h.end > h.start, 'a highlight must cover at least one character'),
  },
  updateHighlight: {
    channel: 'gloss:highlights:update',
    input: z
      .object({ articleId, id: highlightId, color: color.optional(), note: note.optional() })
      .strict(),
  },
  deleteHighlight: {
    channel: 'gloss:highlights:delete',
    input: z.object({ articleId, id: highlightId }).strict(),
  },
  /** Puts back a highlight exactly as it was (undo of a delete, redo of a create). */
  restoreHighlight: {
    channel: 'gloss:highlights:restore',
    input: z.object({ highlight: storedHighlight }).strict(),
  },
  exportMarkdown: {
    channel: 'gloss:export:markdown',
    input: z.object({ articleId, colorTags: z.boolean().optional() }).strict(),
  },
  /** Asks where to save (a native dialog) and writes the article's notes there. */
  exportToFile: {
    channel: 'gloss:export:file',
    input: z.object({ articleId, colorTags: z.boolean().optional() }).strict(),
  },
  /** File → Export all…: asks for a folder, then writes one Markdown file per article into it. */
  exportAllWithDialog: {
    channel: 'gloss:export:all',
    input: z.object({ colorTags: z.boolean().optional() }).strict(),
  },
  /** Full-text search over every article's text and every note. */
  search: {
    channel: 'gloss:library:search',
    input: z
      .object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).optional() })
      .strict(),
  },
  /** Imports files the user dropped on the window (paths from the preload's webUtils). */
  // Only article files: a renderer that went wrong must not be able to read, say, ~/.ssh/config
  // into the library and back out through getArticle.
  importFiles: {
    channel: 'gloss:library:import',
    input: z
      .object({
        paths: z
          .array(
            z
              .string()
              .min(1)
              .max(4096)
              .refine(hasImportableExtension, { message: 'not a .txt, .md or .html file' }),
          )
          .min(1)
          .max(1000),
      })
      .strict(),
  },
  /**
   * File → Import…: asks for files with a native dialog and answers their paths (none when
   * cancelled). The page then imports them one by one through importFiles, showing progress.
   */
  chooseImportFiles: { channel: 'gloss:library:choose-import', input: noArgument },
  setArticleTags: {
    channel: 'gloss:articles:tags',
    input: z.object({ id: articleId, tags: z.array(z.string().min(1).max(100)).max(100) }).strict(),
  },
  /** Remembers where the reader is: a text offset and how far through (0–1) the article they got. */
  setReadingPosition: {
    channel: 'gloss:articles:position',
    input: z.object({ id: articleId, offset: offset, progress: z.number().min(0).max(1) }).strict(),
  },
  /** Moves an article and its highlights to the trash (kept 30 days). */
  trashArticle: { channel: 'gloss:articles:trash', input: z.object({ id: articleId }).strict() },
  restoreArticle: {
    channel: 'gloss:articles:restore',
    input: z.object({ id: articleId }).strict(),
  },
  listTrash: { channel: 'gloss:articles:trash-list', input: noArgument },
} as const;

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
  importFiles: ImportSummary;
  chooseImportFiles: { paths: string[] };
  setArticleTags: ArticleSummary;
  setReadingPosition: void;
  trashArticle: void;
  restoreArticle: void;
  listTrash: ArticleSummary[];
}

export type ApiName = keyof typeof apiTable;
export type ApiArgument<K extends ApiName> = z.input<(typeof apiTable)[K]['input']>;
export type ApiParsedArgument<K extends ApiName> = z.output<(typeof apiTable)[K]['input']>;

/** `window.gloss`: one promise-returning function per table entry. */
export type GlossApi = {
  [K in ApiName]: undefined extends ApiArgument<K>
    ? (arg?: ApiArgument<K>) => Promise<ApiResults[K]>
    : (arg: ApiArgument<K>) => Promise<ApiResults[K]>;
};

/** How results cross IPC: Electron keeps only an error's message, so errors travel as text. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

/** The functions that answer the table, one per name, taking the validated argument. */
export type ApiImplementation = {
  [K in ApiName]: (arg: ApiParsedArgument<K>) => Promise<ApiResults[K]>;
};

export const apiNames = Object.keys(apiTable) as ApiName[];

/** A readable one-line reason from a failed validation, naming the field. */
export function describeInvalid(name: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `${name}: invalid argument`;
  const field = issue.path.length ? issue.path.join('.') : 'argument';
  return `${name}: ${field}: ${issue.message}`;
}

/**
 * Builds `window.gloss` from the table over any transport that carries a channel and an
 * argument and answers with an envelope (Electron's ipcRenderer.invoke, or a test binding).
 */
export function createBridge(
  invoke: (channel: string, arg: unknown) => Promise<Envelope<unknown>>,
): GlossApi {
  const bridge: Record<string, (arg?: unknown) => Promise<unknown>> = {};
  for (const name of apiNames) {
    const { channel } = apiTable[name];
    bridge[name] = async (arg?: unknown) => {
      const result = await invoke(channel, arg);
      if (!result.ok) throw new Error(result.error);
      return result.value;
    };
  }
  return Object.freeze(bridge) as unknown as GlossApi;
}

/**
 * Wraps an implementation into one handler per channel that validates the argument against
 * the table and turns every outcome into an envelope. Main registers these with ipcMain; the
 * end-to-end tests bind the very same functions into the page.
 */
export function createChannelHandlers(
  impl: ApiImplementation,
): Map<string, (arg: unknown) => Promise<Envelope<unknown>>> {
  const handlers = new Map<string, (arg: unknown) => Promise<Envelope<unknown>>>();
  for (const name of apiNames) {
    const entry = apiTable[name];
    handlers.set(entry.channel, async (arg: unknown) => {
      const parsed = entry.input.safeParse(arg);
      if (!parsed.success) return { ok: false, error: describeInvalid(name, parsed.error) };
      try {
        const run = impl[name] as (a: unknown) => Promise<unknown>;
        return { ok: true, value: await run(parsed.data) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    });
  }
  return handlers;
}
