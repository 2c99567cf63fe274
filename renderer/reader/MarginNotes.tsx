import { useLayoutEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import type { Highlight } from '../../common/model/highlight.ts';
import {
  layoutMargin,
  leaderLanes,
  type PlacedMarginItem,
} from '../../common/reader/margin-layout.ts';
import { NoteConflicts } from './NoteConflicts.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { renderNote } from './note-markdown.ts';
import { BlockIndex } from './text-offsets.ts';

/** A note as laid out: where it sits, where its passage is, and where the note ends. */
type Placed = PlacedMarginItem & { desired: number; bottom: number; lane: number };

/** How far a note may sit below its highlight before a leader line is drawn to it. */
const LEADER_THRESHOLD = 24;

/** A narrow window's note marker: its height (see .note-marker) and the space between two. */
const MARKER_HEIGHT = 16;
const MARKER_SPACING = 4;

interface Props {
  pageRef: RefObject<HTMLDivElement | null>;
  /** Highlights whose notes show, in text order. */
  highlights: Highlight[];
  editingId: string | null;
  hoveredId: string | null;
  narrow: boolean;
  /** In a narrow window: the note opened from its marker. */
  openId: string | null;
  /** Changes whenever the text's layout may have changed (new highlights, fonts, size). */
  layoutKey: string;
  onHover: (id: string | null) => void;
  onEdit: (id: string | null) => void;
  onOpen: (id: string | null) => void;
  onSaveNote: (id: string, text: string) => Promise<void>;
  onNoteDone: (id: string, before: string, after: string) => void;
  onNoteDismiss: (id: string) => void;
  onJump: (id: string) => void;
}

/**
 * Where each highlight's first line is, relative to the margin column the notes sit in: one
 * query for every highlight start on the page, then one read per note. A highlight in a
 * paragraph not yet decorated (a long article decorates near the view only) is measured from
 * its first character in the plain text.
 */
function anchorTops(
  page: HTMLElement,
  column: HTMLElement,
  highlights: readonly Highlight[],
): Map<string, number> {
  const wanted = new Set(highlights.map((h) => h.id));
  const marks = new Map<string, HTMLElement>();
  for (const mark of page.querySelectorAll<HTMLElement>('mark[data-hstart]')) {
    const id = mark.dataset.hstart!;
    if (wanted.has(id)) marks.set(id, mark);
  }
  const origin = column.getBoundingClientRect().top;
  const tops = new Map<string, number>();
  let blocks: BlockIndex | null = null;
  for (const h of highlights) {
    const mark = marks.get(h.id);
    if (mark) {
      const rect = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
      tops.set(h.id, rect.top - origin);
      continue;
    }
    blocks ??= new BlockIndex(page.querySelector('.article-body') ?? page);
    const rect = blocks.characterRect(h.position.start);
    if (rect) tops.set(h.id, rect.top - origin);
  }
  return tops;
}

/**
 * The page the margin is on, found from the margin's own element: a child's layout effects run
 * before its parent's ref is attached, so on the first paint pageRef would still be empty.
 */
function pageOf(
  column: HTMLElement | null,
  pageRef: RefObject<HTMLDivElement | null>,
): HTMLElement | null {
  return column?.closest<HTMLElement>('.page') ?? pageRef.current;
}

/**
 * Notes in the margin beside the words they are about. Each sits level with its highlight's
 * first line; when notes would collide they stack downward in text order, and one pushed far
 * from its highlight gets a thin leader back to it. Narrow windows fold the margin into
 * markers that open the note in place.
 */
export function MarginNotes(props: Props) {
  const { pageRef, highlights, editingId, hoveredId, narrow, openId, layoutKey } = props;
  const cards = useRef(new Map<string, HTMLElement>());
  const column = useRef<HTMLDivElement>(null);
  const [placed, setPlaced] = useState<Map<string, Placed>>(new Map());
  const [tick, setTick] = useState(0);

  // Lay out again whenever the page or any note changes size.
  useLayoutEffect(() => {
    const page = pageOf(column.current, pageRef);
    if (!page) return;
    const observer = new ResizeObserver(() => setTick((t) => t + 1));
    observer.observe(page);
    for (const card of cards.current.values()) observer.observe(card);
    return () => observer.disconnect();
  }, [pageRef, highlights, editingId, narrow, openId]);

  useLayoutEffect(() => {
    const page = pageOf(column.current, pageRef);
    if (!page || !column.current) return;
    const items = [];
    const desired = anchorTops(page, column.current, highlights);
    for (const h of highlights) {
      const top = desired.get(h.id);
      if (top === undefined) continue;
      const height = narrow ? MARKER_HEIGHT : (cards.current.get(h.id)?.offsetHeight ?? 0);
      items.push({ id: h.id, desiredTop: top, height });
    }
    // In a narrow window the markers stack like notes do, so two on one line both show.
    // The note being edited stays level with its passage; the others make room around it.
    const layout = narrow
      ? layoutMargin(items, MARKER_SPACING)
      : layoutMargin(items, { spacing: 10, pinnedId: editingId });
    const lanes = leaderLanes(layout, LEADER_THRESHOLD);
    const heights = new Map(items.map((i) => [i.id, i.height]));
    const next = new Map(
      layout.map((p) => [
        p.id,
        {
          ...p,
          desired: desired.get(p.id) ?? p.top,
          bottom: p.top + (heights.get(p.id) ?? 0),
          lane: lanes.get(p.id) ?? 0,
        },
      ]),
    );
    setPlaced((old) => (sameLayout(old, next) ? old : next));
  }, [pageRef, highlights, editingId, narrow, openId, layoutKey, tick]);

  const setCard = (id: string) => (el: HTMLElement | null) => {
    if (el) cards.current.set(id, el);
    else cards.current.delete(id);
  };

  const body = (h: Highlight) => (
    <>
      {note(h)}
      <NoteConflicts highlight={h} onResolved={(text) => props.onSaveNote(h.id, text)} />
    </>
  );

  const note = (h: Highlight) =>
    editingId === h.id ? (
      <NoteEditor
        highlightId={h.id}
        initial={h.note}
        save={(text) => props.onSaveNote(h.id, text)}
        onDone={(before, after) => props.onNoteDone(h.id, before, after)}
        onDismiss={() => props.onNoteDismiss(h.id)}
      />
    ) : (
      <div
        className="note-text"
        // The note's Markdown, rendered by marked and sanitised by DOMPurify in renderNote.
        dangerouslySetInnerHTML={{ __html: renderNote(h.note) }}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest('a')) return;
          props.onEdit(h.id);
        }}
      />
    );

  const extent = Math.max(0, ...[...placed.values()].map((p) => p.bottom + 16));

  if (narrow) {
    return (
      <div className="margin margin-narrow" aria-label="Notes" ref={column}>
        {highlights.map((h) => {
          const p = placed.get(h.id);
          if (!p) return null;
          const open = openId === h.id || editingId === h.id;
          return (
            <div key={h.id}>
              <button
                type="button"
                className={`note-marker hl-${h.color}${hoveredId === h.id ? ' is-linked' : ''}`}
                style={{ top: p.top }}
                aria-expanded={open}
                aria-label={`Note on “${h.quote.exact.slice(0, 60)}”`}
                onClick={() => props.onOpen(open ? null : h.id)}
                onMouseEnter={() => props.onHover(h.id)}
                onMouseLeave={() => props.onHover(null)}
              />
              {open && (
                <aside
                  ref={setCard(h.id)}
                  className={`note-card note-inline hl-border-${h.color}`}
                  style={{ top: p.top + 28 }}
                  data-note-id={h.id}
                >
                  {body(h)}
                </aside>
              )}
            </div>
          );
        })}
      </div>
    );
  }

  return (
    <div
      className="margin"
      aria-label="Notes in the margin"
      ref={column}
      // The page is at least as long as its notes, so that a note (or an editor growing as it
      // is written) by the last lines can always be scrolled into view.
      style={{ minHeight: extent }}
    >
      {highlights.map((h) => {
        const p = placed.get(h.id);
        const displaced = p && Math.abs(p.displacement) > LEADER_THRESHOLD;
        return (
          <div key={h.id}>
            {displaced && (
              <div
                className={`leader hl-leader-${h.color}${p.displacement < 0 ? ' is-up' : ''}`}
                aria-hidden="true"
                data-leader-for={h.id}
                style={leaderStyle(p)}
              />
            )}
            <aside
              ref={setCard(h.id)}
              className={`note-card hl-border-${h.color}${hoveredId === h.id ? ' is-linked' : ''}${p ? '' : ' is-unplaced'}`}
              style={{ top: p?.top ?? 0 }}
              data-note-id={h.id}
              aria-label={`Note on “${h.quote.exact.slice(0, 60)}”`}
              onMouseEnter={() => props.onHover(h.id)}
              onMouseLeave={() => props.onHover(null)}
              tabIndex={editingId === h.id ? undefined : 0}
              onFocus={() => props.onHover(h.id)}
              onBlur={() => props.onHover(null)}
              onKeyDown={(e) => {
                // From the keyboard as by a click: Enter edits the note.
                if (e.key === 'Enter' && e.target === e.currentTarget) {
                  e.preventDefault();
                  props.onEdit(h.id);
                }
              }}
              onDoubleClick={() => props.onJump(h.id)}
            >
              {body(h)}
            </aside>
          </div>
        );
      })}
    </div>
  );
}

/** Horizontal distance between two leader lanes, and from the nearest lane to its note. */
const LANE_STEP = 6;
const LANE_INSET = 8;
/** How far down a line of text a leader leaves it, and a note's card it reaches. */
const LEADER_DROP = 10;
/** The gutter between text and notes is 56 px: arms start 6 px clear of the text. */
const ARM_REACH = 50;
const MAX_LANE_X = 44;

/**
 * A leader as a box whose left edge is the vertical run in its own lane: its top edge (or its
 * bottom one, for a note lifted above its passage) reaches back from the lane toward the text
 * through the ::before arm, the other edge runs on to the note.
 */
function leaderStyle(p: Placed): CSSProperties {
  const x = Math.min(LANE_INSET + p.lane * LANE_STEP, MAX_LANE_X);
  return {
    top: Math.min(p.desired, p.top) + LEADER_DROP,
    height: Math.abs(p.top - p.desired),
    left: -x,
    width: x,
    '--arm': `${ARM_REACH - x}px`,
  } as CSSProperties;
}

function sameLayout(a: Map<string, Placed>, b: Map<string, Placed>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, p] of b) {
    const q = a.get(id);
    if (
      !q ||
      q.lane !== p.lane ||
      Math.abs(q.top - p.top) > 0.5 ||
      Math.abs(q.desired - p.desired) > 0.5
    )
      return false;
  }
  return true;
}
