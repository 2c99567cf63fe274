/**
 * The library as a merge of change records from many writers (each process on each device
 * appends to its own log). Every stored value is a register stamped with a hybrid logical
 * clock and the later stamp wins, field by field; a deletion is a register too (`live`), so a
 * highlight deleted anywhere stays deleted however late an edit from elsewhere arrives. A note
 * is a multi-value register: each write names the versions it replaced (`base`), and writes
 * that did not see each other are all kept, the latest as the note and the others as
 * `conflicts`. Applying a record or merging two states is idempotent and order-independent
 * (apart from a conflict list's order), so any two readers of the same records agree.
 */
import type { Highlight } from '../model/highlight.ts';
import type { IndexRow } from './schema.ts';
import { stampTime, writerOf, type Stamp } from './hlc.ts';

/** A value and the stamp of the write that set it. */
export interface Reg<T> {
  v: T;
  t: Stamp;
}

/** The fields of a highlight kept as last-writer-wins registers (all but id, article and note). */
export type HighlightFields = Omit<Highlight, 'id' | 'articleId' | 'note' | 'conflicts'> & {
  /** False once deleted; true again only if the highlight is deliberately restored. */
  live: boolean;
};

/** The fields of an article's row kept as registers. */
export type RowFields = Omit<IndexRow, 'id' | 'highlights' | 'notes'> & {
  /** The name of the file holding the article's content (see the store's README). */
  content: string;
  /** False once the article is deleted for good (purged from the trash). */
  live: boolean;
};

/** One version of a note. */
export interface NoteHead {
  v: string;
  t: Stamp;
  /** The versions its writer saw and replaced. */
  base: Stamp[];
}

/** A note's live versions, and the last stamp incorporated from each writer. */
export interface NoteState {
  heads: NoteHead[];
  seen: Record<string, Stamp>;
}

/** Everything known about one highlight. */
export interface HighlightState {
  id: string;
  f: { [K in keyof HighlightFields]?: Reg<HighlightFields[K]> };
  note?: NoteState;
}

/** Everything known about one article's row. */
export interface RowState {
  id: string;
  f: { [K in keyof RowFields]?: Reg<RowFields[K]> };
}

/** One change. A record's operations share its stamp. */
export type Op =
  | { o: 'row'; a: string; f: Partial<RowFields> }
  | { o: 'hl'; a: string; h: string; f: Partial<HighlightFields> }
  | { o: 'note'; a: string; h: string; v: string; base: Stamp[] }
  | { o: 'lib'; f: { seeded?: boolean } };

/** One line of a log: changes made together, acknowledged together. */
export interface LogRecord {
  t: Stamp;
  ops: Op[];
}

/** Library-wide settings. */
export interface LibState {
  seeded?: Reg<boolean>;
}

/** The device part of a writer name (`<device>~<log>`). */
export function deviceOf(stamp: Stamp): string {
  const writer = writerOf(stamp);
  const at = writer.lastIndexOf('~');
  return at < 0 ? writer : writer.slice(0, at);
}

/** Sets each field whose stamp is not older than the one it holds. */
function applyFields<F extends object>(
  target: { [K in keyof F]?: Reg<F[K]> },
  fields: Partial<F>,
  t: Stamp,
): boolean {
  let changed = false;
  for (const key of Object.keys(fields) as (keyof F)[]) {
    const value = fields[key];
    if (value === undefined) continue;
    const held = target[key];
    if (held && held.t > t) continue;
    if (held && held.t === t && held.v === value) continue;
    target[key] = { v: value, t };
    changed = true;
  }
  return changed;
}

/** Keeps one head per distinct text (the latest), so equal edits are never a conflict. */
function dedupeHeads(heads: NoteHead[]): NoteHead[] {
  const byText = new Map<string, NoteHead>();
  for (const h of heads) {
    const held = byText.get(h.v);
    if (!held || h.t > held.t) byText.set(h.v, h);
  }
  return [...byText.values()].sort((a, b) => (a.t < b.t ? 1 : a.t > b.t ? -1 : 0));
}

/** Adds one note version; false when it was already incorporated or superseded. */
export function applyNote(state: NoteState, head: NoteHead): boolean {
  const writer = writerOf(head.t);
  const seen = state.seen[writer];
  if (seen !== undefined && seen >= head.t) return false;
  state.seen[writer] = head.t;
  if (state.heads.some((h) => h.base.includes(head.t))) return true;
  if (state.heads.length === 0) {
    state.heads = [head];
    return true;
  }
  const base = new Set(head.base);
  // A writer's later note always replaces its own earlier ones, whatever it named as base.
  const kept = state.heads.filter((h) => !base.has(h.t) && writerOf(h.t) !== writer);
  state.heads = kept.length === 0 ? [head] : dedupeHeads([...kept, head]);
  return true;
}

/** Merges two note states (each already consistent) into the first. */
export function mergeNote(into: NoteState, other: NoteState): void {
  const all = new Map<Stamp, NoteHead>();
  for (const h of [...into.heads, ...other.heads]) all.set(h.t, h);
  const superseded = new Set<Stamp>();
  for (const h of all.values()) for (const b of h.base) superseded.add(b);
  const heads = [...all.values()].filter((h) => {
    if (superseded.has(h.t)) return false;
    const writer = writerOf(h.t);
    // A head one side lacks although it has seen that writer's later notes was replaced there.
    for (const side of [into, other]) {
      const seen = side.seen[writer];
      if (seen !== undefined && seen >= h.t && !side.heads.some((x) => x.t === h.t)) return false;
    }
    // Only the newest head of each writer survives (see applyNote).
    return ![...all.values()].some((x) => writerOf(x.t) === writer && x.t > h.t);
  });
  for (const [writer, t] of Object.entries(other.seen)) {
    const held = into.seen[writer];
    if (held === undefined || t > held) into.seen[writer] = t;
  }
  into.heads = dedupeHeads(heads);
}

/** Applies a highlight operation; true when anything changed. */
export function applyHighlightOp(
  state: HighlightState,
  op: Extract<Op, { o: 'hl' } | { o: 'note' }>,
  t: Stamp,
): boolean {
  if (op.o === 'hl') return applyFields<HighlightFields>(state.f, op.f, t);
  state.note ??= { heads: [], seen: {} };
  return applyNote(state.note, { v: op.v, t, base: op.base });
}

/** Merges another state of the same highlight into `into`. */
export function mergeHighlight(into: HighlightState, other: HighlightState): void {
  for (const key of Object.keys(other.f) as (keyof HighlightFields)[]) {
    const reg = other.f[key];
    const held = into.f[key];
    if (reg && (!held || reg.t > held.t)) (into.f as Record<string, unknown>)[key] = reg;
  }
  if (other.note) {
    into.note ??= { heads: [], seen: {} };
    mergeNote(into.note, other.note);
  }
}

/** Applies a row operation; true when anything changed. */
export function applyRowOp(state: RowState, op: Extract<Op, { o: 'row' }>, t: Stamp): boolean {
  return applyFields<RowFields>(state.f, op.f, t);
}

/** Merges another state of the same row into `into`. */
export function mergeRow(into: RowState, other: RowState): void {
  for (const key of Object.keys(other.f) as (keyof RowFields)[]) {
    const reg = other.f[key];
    const held = into.f[key];
    if (reg && (!held || reg.t > held.t)) (into.f as Record<string, unknown>)[key] = reg;
  }
}

/** The latest stamp on anything in a highlight (a version token for derived indexes). */
export function latestStamp(state: HighlightState): Stamp {
  let latest = '';
  for (const reg of Object.values(state.f)) if (reg && reg.t > latest) latest = reg.t;
  for (const h of state.note?.heads ?? []) if (h.t > latest) latest = h.t;
  return latest;
}

/**
 * The highlight as the app sees it, or null while it is deleted or not yet whole (a note can
 * arrive from another device before the record that created the highlight).
 */
export function materializeHighlight(articleId: string, s: HighlightState): Highlight | null {
  const f = s.f;
  if (!f.live?.v) return null;
  if (!f.position || !f.quote || !f.color || !f.tags || !f.created || !f.updated || !f.orphan)
    return null;
  const [winner, ...others] = s.note?.heads ?? [];
  const highlight: Highlight = {
    id: s.id,
    articleId,
    position: f.position.v,
    quote: f.quote.v,
    color: f.color.v,
    note: winner?.v ?? '',
    tags: f.tags.v,
    created: f.created.v,
    updated: f.updated.v,
    orphan: f.orphan.v,
  };
  if (f.attribution) highlight.attribution = f.attribution.v;
  if (others.length > 0)
    highlight.conflicts = others.map((h) => ({
      note: h.v,
      updated: stampTime(h.t),
      device: deviceOf(h.t),
    }));
  return highlight;
}

/** The stamps of a highlight's current note versions (the base of a write that resolves them). */
export function noteHeads(s: HighlightState | undefined): Stamp[] {
  return (s?.note?.heads ?? []).map((h) => h.t);
}

/** The operations that make `next` out of `prev` (all of it when `prev` is null). */
export function highlightOps(
  articleId: string,
  prev: Highlight | null,
  next: Highlight,
  noteBase: Stamp[],
  /** Write the note even when its text is unchanged (to resolve its conflicts). */
  forceNote = false,
): Op[] {
  const fields: Partial<HighlightFields> = {};
  const keys = [
    'position',
    'quote',
    'color',
    'tags',
    'created',
    'updated',
    'orphan',
    'attribution',
  ] as const;
  for (const key of keys) {
    const value = next[key];
    if (value === undefined) continue;
    if (prev && sameJson(prev[key], value)) continue;
    (fields as Record<string, unknown>)[key] = value;
  }
  if (!prev) fields.live = true;
  const ops: Op[] = [];
  if (Object.keys(fields).length > 0) ops.push({ o: 'hl', a: articleId, h: next.id, f: fields });
  if (!prev || forceNote || prev.note !== next.note)
    ops.push({ o: 'note', a: articleId, h: next.id, v: next.note, base: noteBase });
  return ops;
}

/** Structural equality for the JSON values a highlight holds. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The row as stored in the index, or null while it is purged or not yet whole. */
export function materializeRow(
  s: RowState,
  counts: { highlights: number; notes: number },
): IndexRow | null {
  const f = s.f;
  if (!f.live?.v || !f.content || !f.title || !f.addedAt || !f.contentHash) return null;
  const row: IndexRow = {
    id: s.id,
    title: f.title.v,
    source: f.source?.v ?? null,
    author: f.author?.v ?? null,
    url: f.url?.v ?? null,
    dateline: f.dateline?.v ?? null,
    publisher: f.publisher?.v ?? null,
    published: f.published?.v ?? null,
    syndicated: f.syndicated?.v ?? false,
    words: f.words?.v ?? 0,
    highlights: counts.highlights,
    notes: counts.notes,
    addedAt: f.addedAt.v,
    contentHash: f.contentHash.v,
  };
  if (f.tags?.v && f.tags.v.length > 0) row.tags = f.tags.v;
  if (f.progress?.v !== undefined) row.progress = f.progress.v;
  if (f.position?.v !== undefined) row.position = f.position.v;
  if (f.lastReadAt?.v) row.lastReadAt = f.lastReadAt.v;
  if (f.trashedAt?.v) row.trashedAt = f.trashedAt.v;
  return row;
}
