/**
 * The shapes of the three kinds of file the library store keeps, as zod schemas checked against
 * the model's TypeScript types at compile time, so a field added to the model without the schema
 * (or the other way round) stops the build instead of silently dropping data on load.
 */
import { z } from 'zod';
import type { Article, ArticleSummary } from '../model/article.ts';
import type { Highlight } from '../model/highlight.ts';
import { HIGHLIGHT_COLORS } from '../model/highlight.ts';

/** The schema version this code writes and fully understands. */
export const CURRENT_SCHEMA_VERSION = 2;

/** One row of the library index: the summary plus what is used to spot re-imports. */
export interface IndexRow extends ArticleSummary {
  contentHash: string;
}

/** `library.json`: the list of articles and whether the bundled article has been imported. */
export interface LibraryDocument {
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  seeded: boolean;
  articles: IndexRow[];
}

/** `articles/<id>.json`: one article with its text and analysis. */
export interface ArticleDocument {
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  article: Article;
}

/** `highlights/<id>.json`: all highlights of one article. */
export interface HighlightsDocument {
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  highlights: Highlight[];
}

const version = z.literal(CURRENT_SCHEMA_VERSION);

const sourceSchema = z.object({
  name: z.string().nullable(),
  role: z.string().nullable(),
  kind: z.enum(['person', 'organization', 'group', 'unknown']),
});

const attributionSchema = z.object({
  start: z.number(),
  end: z.number(),
  quote: z.string(),
  kind: z.enum(['direct', 'indirect']),
  cue: z.string().nullable(),
  source: sourceSchema,
  nearGap: z.boolean().optional(),
});

const blockSchema = z.object({
  start: z.number(),
  end: z.number(),
  kind: z.enum(['paragraph', 'heading', 'list-item', 'blockquote', 'code', 'figure']),
  level: z.number().optional(),
  image: z.object({ src: z.string().nullable(), alt: z.string() }).optional(),
  marks: z
    .array(
      z.object({
        start: z.number(),
        end: z.number(),
        kind: z.enum(['emphasis', 'strong', 'code', 'link']),
        href: z.string().optional(),
      }),
    )
    .optional(),
});

/** A stored article, field for field the model's `Article`. */
export const articleSchema = z.object({
  title: z.string(),
  source: z.string().nullable(),
  dateline: z.string().nullable(),
  publisher: z.string().nullable(),
  published: z.string().nullable(),
  publishedZone: z.string().nullable(),
  syndicated: z.boolean(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  text: z.string(),
  blocks: z.array(blockSchema),
  format: z.enum(['news-text', 'markdown', 'text', 'html', 'epub']),
  tags: z.array(z.string()).optional(),
  id: z.string(),
  contentHash: z.string(),
  words: z.number(),
  file: z.string().nullable(),
  addedAt: z.string(),
  attributions: z.array(attributionSchema),
  gaps: z.array(z.object({ offset: z.number() })),
  analysisVersion: z.number(),
});

/**
 * The limits of a highlight, the same wherever one is accepted (the API table, the store,
 * annotation import), so that whatever was stored can always be put back by undo.
 */
export const HIGHLIGHT_LIMITS = {
  id: 128,
  note: 100_000,
  exact: 1_000_000,
  context: 200,
  tag: 200,
  tags: 500,
  date: 40,
  sourceName: 500,
  sourceRole: 1000,
} as const;

const L = HIGHLIGHT_LIMITS;

/** An id that can name a file: letters, digits, `_` and `-`. */
export const storedIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'not a valid id');

/** A stored highlight, field for field the model's `Highlight`, with its limits. */
export const highlightSchema = z.object({
  id: storedIdSchema,
  articleId: storedIdSchema,
  position: z.object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  }),
  quote: z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().max(L.exact),
    prefix: z.string().max(L.context),
    suffix: z.string().max(L.context),
  }),
  color: z.enum(HIGHLIGHT_COLORS),
  note: z.string().max(L.note, `a note is limited to ${L.note.toLocaleString('en')} characters`),
  tags: z.array(z.string().max(L.tag)).max(L.tags),
  created: z.string().max(L.date),
  updated: z.string().max(L.date),
  orphan: z.boolean(),
  attribution: z
    .object({
      name: z.string().max(L.sourceName).nullable(),
      role: z.string().max(L.sourceRole).nullable(),
      kind: z.enum(['person', 'organization', 'group', 'unknown']),
    })
    .nullable()
    .optional(),
  conflicts: z
    .array(z.object({ note: z.string().max(L.note), updated: z.string(), device: z.string() }))
    .optional(),
});

/** One index row. */
export const indexRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string().nullable(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  dateline: z.string().nullable(),
  publisher: z.string().nullable(),
  published: z.string().nullable(),
  syndicated: z.boolean(),
  words: z.number(),
  highlights: z.number(),
  notes: z.number(),
  addedAt: z.string(),
  tags: z.array(z.string()).optional(),
  progress: z.number().optional(),
  position: z.number().optional(),
  lastReadAt: z.string().nullable().optional(),
  trashedAt: z.string().nullable().optional(),
  contentHash: z.string(),
});

export const libraryDocumentSchema = z.object({
  schemaVersion: version,
  seeded: z.boolean(),
  articles: z.array(indexRowSchema),
});

export const articleDocumentSchema = z.object({
  schemaVersion: version,
  article: articleSchema,
});

export const highlightsDocumentSchema = z.object({
  schemaVersion: version,
  highlights: z.array(highlightSchema),
});

/** The kinds of stored document; each has its own schema and its own migrations. */
export type DocumentKind = 'library' | 'article' | 'highlights';

/** The current schema of each kind of document. */
export const documentSchemas = {
  library: libraryDocumentSchema,
  article: articleDocumentSchema,
  highlights: highlightsDocumentSchema,
} as const;

/** The TypeScript type of each kind of document. */
export interface DocumentTypes {
  library: LibraryDocument;
  article: ArticleDocument;
  highlights: HighlightsDocument;
}

// Compile-time proof that schemas and model types are the same types, in both directions and
// including optional members (plain mutual assignability would let a missing optional field
// through). If this fails to compile, bring the schema back in line with the model.
type Identical<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type SchemaMatchesModel = [
  Assert<Identical<z.output<typeof articleSchema>, Article>>,
  Assert<Identical<z.output<typeof highlightSchema>, Highlight>>,
  Assert<Identical<z.output<typeof indexRowSchema>, IndexRow>>,
  Assert<Identical<z.output<typeof libraryDocumentSchema>, LibraryDocument>>,
  Assert<Identical<z.output<typeof articleDocumentSchema>, ArticleDocument>>,
  Assert<Identical<z.output<typeof highlightsDocumentSchema>, HighlightsDocument>>,
];
