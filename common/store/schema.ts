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

/** A stored highlight, field for field the model's `Highlight`. */
export const highlightSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  position: z.object({
    type: z.literal('TextPositionSelector'),
    start: z.number(),
    end: z.number(),
  }),
  quote: z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
  }),
  color: z.enum(HIGHLIGHT_COLORS),
  note: z.string(),
  tags: z.array(z.string()),
  created: z.string(),
  updated: z.string(),
  orphan: z.boolean(),
  attribution: sourceSchema.nullable().optional(),
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
