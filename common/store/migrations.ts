/**
 * Numbered migrations for stored documents. Each kind of document has its own list; a document
 * at version N runs every migration with `to` > N in order. A migration is frozen once released:
 * it must keep turning old files into the same new shape even after the model moves on, which is
 * why it carries its own copy of any rule it needs instead of importing the live one.
 */
import { z } from 'zod';
import { GlossError, messageOf } from '../errors.ts';
import { HIGHLIGHT_COLORS } from '../model/highlight.ts';
import { CURRENT_SCHEMA_VERSION, type DocumentKind } from './schema.ts';

/** One step from version `to - 1` to version `to`; throws on a shape it cannot read. */
export interface Migration {
  to: number;
  migrate(doc: unknown): unknown;
}

/**
 * Version 0 highlights: files written before highlights used W3C selectors. Offsets and quote
 * sat flat on the highlight, and there were no tags, no `updated` and no orphan flag.
 */
const legacyHighlightV0 = z.object({
  id: z.string(),
  articleId: z.string(),
  start: z.number(),
  end: z.number(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  color: z.enum(HIGHLIGHT_COLORS),
  note: z.string(),
  created: z.string(),
});

const legacyHighlightsDocumentV0 = z.object({
  highlights: z.array(legacyHighlightV0),
});

/**
 * The tag rule as it stood when version 1 was introduced (`#word`, not a heading's `# `, not a
 * bare number, first spelling kept). Copied here on purpose; see the module comment.
 */
function tagsAtVersion1(note: string): string[] {
  const seen = new Map<string, string>();
  for (const match of note.matchAll(/(?:^|[\s([,;])#([\p{L}\p{N}_\-/]+)/gu)) {
    const tag = (match[1] ?? '').replace(/[/-]+$/, '');
    if (!tag || /^\d+$/.test(tag)) continue;
    const key = tag.toLowerCase();
    if (!seen.has(key)) seen.set(key, tag);
  }
  return [...seen.values()];
}

function highlightsV0ToV1(doc: unknown): unknown {
  const legacy = legacyHighlightsDocumentV0.parse(doc);
  return {
    schemaVersion: 1,
    highlights: legacy.highlights.map((h) => ({
      id: h.id,
      articleId: h.articleId,
      position: { type: 'TextPositionSelector', start: h.start, end: h.end },
      quote: { type: 'TextQuoteSelector', exact: h.exact, prefix: h.prefix, suffix: h.suffix },
      color: h.color,
      note: h.note,
      tags: tagsAtVersion1(h.note),
      created: h.created,
      // Never edited since it was made, as far as anyone can tell.
      updated: h.created,
      // Version 0 had no notion of a highlight that could not be placed.
      orphan: false,
    })),
  };
}

/** A version 1 document of any kind: only its version is read; everything else is carried. */
const anyDocumentV1 = z.looseObject({ schemaVersion: z.literal(1) });

/** Version 1 library rows: no `author`, and `url` only on saved pages that had one. */
const libraryDocumentV1 = z.looseObject({
  schemaVersion: z.literal(1),
  articles: z.array(z.looseObject({ url: z.string().nullable().optional() })),
});

/** Version 1 articles: `author` and `url` only on saved pages, whose byline was also `source`. */
const articleDocumentV1 = z.looseObject({
  schemaVersion: z.literal(1),
  article: z.looseObject({
    source: z.string().nullable(),
    format: z.string(),
    author: z.string().nullable().optional(),
    url: z.string().nullable().optional(),
  }),
});

/**
 * Version 2 gives every article and library row an `author` and a `url` (null when unknown).
 * A saved page's byline stops doubling as its source; a library row cannot see its article's
 * byline, so its author is filled in when the article is next written.
 */
function libraryV1ToV2(doc: unknown): unknown {
  const legacy = libraryDocumentV1.parse(doc);
  return {
    ...legacy,
    schemaVersion: 2,
    articles: legacy.articles.map((row) => ({ ...row, author: null, url: row.url ?? null })),
  };
}

function articleV1ToV2(doc: unknown): unknown {
  const legacy = articleDocumentV1.parse(doc);
  const { article } = legacy;
  const author = article.author ?? null;
  const bylineAsSource = article.format === 'html' && author !== null && article.source === author;
  return {
    ...legacy,
    schemaVersion: 2,
    article: {
      ...article,
      source: bylineAsSource ? null : article.source,
      author,
      url: article.url ?? null,
    },
  };
}

function highlightsV1ToV2(doc: unknown): unknown {
  return { ...anyDocumentV1.parse(doc), schemaVersion: 2 };
}

/** Every kind's migrations, in ascending `to` order. */
export const MIGRATIONS: Readonly<Record<DocumentKind, readonly Migration[]>> = {
  library: [{ to: 2, migrate: libraryV1ToV2 }],
  article: [{ to: 2, migrate: articleV1ToV2 }],
  highlights: [
    { to: 1, migrate: highlightsV0ToV1 },
    { to: 2, migrate: highlightsV1ToV2 },
  ],
};

/**
 * Thrown when a file was written by a newer Gloss than this one. The file must be left exactly
 * as it is: this code cannot know what it would throw away by rewriting or moving it.
 */
export class NewerSchemaError extends GlossError {
  override readonly name = 'NewerSchemaError';
  constructor(
    readonly file: string,
    readonly version: number,
    readonly supported: number = CURRENT_SCHEMA_VERSION,
  ) {
    super(
      'newer-version',
      `${file} was written by a newer version of Gloss (schema ${version}); this version understands up to ${supported}. ` +
        'The file has been left untouched; please update Gloss to open this library.',
    );
  }
}

/**
 * The schema version a raw document declares. Files from before versioning have none and count
 * as version 0; anything other than a whole number is reported as null (unreadable).
 */
export function declaredVersion(doc: unknown): number | null {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
  const v = (doc as { schemaVersion?: unknown }).schemaVersion;
  if (v === undefined) return 0;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
}

/** The outcome of bringing a raw document up to the current version. */
export type UpgradeResult =
  { ok: true; doc: unknown; from: number } | { ok: false; reason: string };

/**
 * Runs the migrations a raw document needs to reach the current version. Throws
 * NewerSchemaError for a document from the future; returns a reason for one it cannot read.
 */
export function upgradeDocument(
  kind: DocumentKind,
  raw: unknown,
  file: string,
  migrations: readonly Migration[] = MIGRATIONS[kind],
  current: number = CURRENT_SCHEMA_VERSION,
): UpgradeResult {
  const from = declaredVersion(raw);
  if (from === null) return { ok: false, reason: 'it has no valid schemaVersion' };
  if (from > current) throw new NewerSchemaError(file, from, current);
  let doc = raw;
  let at = from;
  for (const step of migrations) {
    if (step.to <= at || step.to > current) continue;
    if (step.to !== at + 1) break;
    try {
      doc = step.migrate(doc);
    } catch (error) {
      return {
        ok: false,
        reason: `it could not be upgraded from schema ${at} to ${step.to} (${describeError(error)})`,
      };
    }
    at = step.to;
  }
  if (at !== current)
    return { ok: false, reason: `there is no way to upgrade ${kind} files from schema ${at}` };
  return { ok: true, doc, from };
}

function describeError(error: unknown): string {
  if (error instanceof z.ZodError) return describeZodError(error);
  return messageOf(error);
}

/** One readable line for a failed validation: the first problem, its path, and how many more. */
export function describeZodError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid';
  const where = first.path.length ? first.path.map(String).join('.') : 'document';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return `${where}: ${first.message}${more}`;
}
