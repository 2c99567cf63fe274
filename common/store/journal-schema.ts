/**
 * The shapes of what the journalled store writes: log records (one JSON line each) and the
 * snapshots a device folds its logs into. Everything read from disk, including what other
 * devices wrote, is checked against these before it is merged.
 */
import { z } from 'zod';
import { highlightSchema, indexRowSchema, storedIdSchema } from './schema.ts';
import type { HighlightState, LogRecord, RowState } from './merge.ts';

/** The version of the journal format (version 1 was library.json + articles/ + highlights/). */
export const JOURNAL_FORMAT_VERSION = 2;

const stamp = z.string().regex(/^\d{13}\.\d{6}\..+$/, 'not a clock stamp');

const hl = highlightSchema.shape;
const highlightFieldsBase = z.object({
  position: hl.position,
  quote: hl.quote,
  color: hl.color,
  tags: hl.tags,
  created: hl.created,
  updated: hl.updated,
  orphan: hl.orphan,
  attribution: hl.attribution,
  live: z.boolean(),
});
const highlightFields = highlightFieldsBase.partial();

const row = indexRowSchema.shape;
const rowFieldsBase = z.object({
  content: z.string().regex(/^[a-f0-9]{16,64}$/, 'not a content name'),
  live: z.boolean(),
  title: row.title,
  source: row.source,
  dateline: row.dateline,
  publisher: row.publisher,
  published: row.published,
  syndicated: row.syndicated,
  words: row.words,
  addedAt: row.addedAt,
  tags: row.tags,
  progress: row.progress,
  position: row.position,
  lastReadAt: row.lastReadAt,
  trashedAt: row.trashedAt,
  contentHash: row.contentHash,
  url: row.url,
});
const rowFields = rowFieldsBase.partial();

const op = z.discriminatedUnion('o', [
  z.object({ o: z.literal('row'), a: storedIdSchema, f: rowFields }),
  z.object({ o: z.literal('hl'), a: storedIdSchema, h: storedIdSchema, f: highlightFields }),
  z.object({
    o: z.literal('note'),
    a: storedIdSchema,
    h: storedIdSchema,
    v: hl.note,
    base: z.array(stamp),
  }),
  z.object({ o: z.literal('lib'), f: z.object({ seeded: z.boolean().optional() }) }),
]);

/** One log line. */
export const logRecordSchema = z.object({ t: stamp, ops: z.array(op).min(1) });

function reg<T extends z.ZodType>(value: T) {
  return z.object({ v: value, t: stamp });
}

function regs<S extends z.ZodRawShape>(shape: S) {
  const out: Record<string, z.ZodType> = {};
  for (const [key, value] of Object.entries(shape)) out[key] = reg(value as z.ZodType).optional();
  return z.object(out);
}

/** A highlight's merged state, as kept in a snapshot. */
export const highlightStateSchema = z.object({
  id: storedIdSchema,
  f: regs(highlightFieldsBase.shape),
  note: z
    .object({
      heads: z.array(z.object({ v: hl.note, t: stamp, base: z.array(stamp) })),
      seen: z.record(z.string(), stamp),
    })
    .optional(),
});

/** A row's merged state, as kept in a snapshot. */
export const rowStateSchema = z.object({ id: storedIdSchema, f: regs(rowFieldsBase.shape) });

/** How far into each log a snapshot has read: log path (relative to the data folder) → bytes. */
const watermarks = z.record(z.string(), z.number().int().nonnegative());

/** `devices/<device>/snapshot/index.json`: every row, library settings and per-article counts. */
export const indexSnapshotSchema = z.object({
  format: z.literal(JOURNAL_FORMAT_VERSION),
  watermarks,
  seeded: reg(z.boolean()).optional(),
  rows: z.array(rowStateSchema),
  counts: z.record(z.string(), z.object({ highlights: z.number().int(), notes: z.number().int() })),
  /**
   * The latest stamp folded in from each writer (`<device>~<log>`): a deletion stamped no later
   * is known to this device, which is how compaction knows when a tombstone may go.
   */
  seen: z.record(z.string(), stamp).optional(),
});

/**
 * `devices/<device>/snapshot/highlights/<articleId>.json`: one article's highlight states, each
 * written compactly: its field values, the stamp most of them share, and the stamps of the few
 * that differ (stamps would otherwise be most of the file).
 */
export interface ArticleSnapshot {
  format: typeof JOURNAL_FORMAT_VERSION;
  articleId: string;
  highlights: CompactState[];
}

/** One highlight's state as a snapshot keeps it. */
export interface CompactState {
  id: string;
  /** The stamp of every field not listed in `o`. */
  t: string;
  v: Record<string, unknown>;
  o?: Record<string, string>;
  note?: NonNullable<HighlightState['note']>;
}

/** The compact form of a state. */
export function compactState(state: HighlightState): CompactState {
  const counts = new Map<string, number>();
  for (const reg of Object.values(state.f))
    if (reg) counts.set(reg.t, (counts.get(reg.t) ?? 0) + 1);
  let t = '';
  let most = 0;
  for (const [stamp, n] of counts) if (n > most) [t, most] = [stamp, n];
  const v: Record<string, unknown> = {};
  const o: Record<string, string> = {};
  for (const [key, reg] of Object.entries(state.f)) {
    if (!reg) continue;
    v[key] = reg.v;
    if (reg.t !== t) o[key] = reg.t;
  }
  const out: CompactState = { id: state.id, t, v };
  if (Object.keys(o).length > 0) out.o = o;
  if (state.note) out.note = state.note;
  return out;
}

/**
 * The state a compact form stands for. Snapshots are only ever written whole by this code (a
 * torn or bit-flipped file fails to parse as UTF-8 JSON), so the check here is of shape, not
 * of every value: the values are checked when the highlight is materialized.
 */
export function expandState(raw: unknown): HighlightState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const c = raw as Partial<CompactState>;
  if (typeof c.id !== 'string' || typeof c.t !== 'string' || typeof c.v !== 'object' || !c.v)
    return null;
  const f: HighlightState['f'] & Record<string, { v: unknown; t: string }> = {};
  for (const [key, value] of Object.entries(c.v)) f[key] = { v: value, t: c.o?.[key] ?? c.t };
  const state: HighlightState = { id: c.id, f };
  if (c.note && Array.isArray(c.note.heads) && typeof c.note.seen === 'object') state.note = c.note;
  return state;
}

/** The highlight states of an article snapshot, or null when it is not one. */
export function decodeArticleSnapshot(
  raw: unknown,
): { articleId: string; states: HighlightState[] } | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const doc = raw as Partial<ArticleSnapshot>;
  if (doc.format !== JOURNAL_FORMAT_VERSION || typeof doc.articleId !== 'string') return null;
  if (!Array.isArray(doc.highlights)) return null;
  const states: HighlightState[] = [];
  for (const item of doc.highlights) {
    const state = expandState(item);
    if (!state) return null;
    states.push(state);
  }
  return { articleId: doc.articleId, states };
}

export type IndexSnapshot = z.output<typeof indexSnapshotSchema>;

/** Parses a log line's JSON into a record, or null when it is not a valid one. */
export function decodeRecord(raw: unknown): LogRecord | null {
  const parsed = logRecordSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The snapshot's row states with the types the merge works on. */
export function rowStatesOf(snapshot: IndexSnapshot): RowState[] {
  return snapshot.rows;
}
