import type { TextPositionSelector, TextQuoteSelector } from '../model/highlight.ts';
import { widenToCodePoints } from './code-points.ts';
import { anchor, fuzzyErrorBudget } from './match-quote.ts';
import { OffsetMap } from './offset-map.ts';
import { boundedEditDistance } from './similarity.ts';
import { diffTexts } from './text-diff.ts';

/** A highlight to re-place: its id and its selectors as recorded against the old text. */
export interface ReanchorItem {
  id: string;
  position: TextPositionSelector;
  quote: TextQuoteSelector;
}

/**
 * Where a highlight ended up in the new text. 'kept': same offsets and same text. 'moved':
 * other offsets, or the same offsets around edited text. 'orphan': no convincing place.
 */
export type Placement =
  { start: number; end: number; status: 'kept' | 'moved' } | { status: 'orphan' };

/** Placements by highlight id, with counts of each status. */
export interface ReanchorResult {
  placements: Map<string, Placement>;
  kept: number;
  moved: number;
  orphaned: number;
}

/** Options for {@link reanchorAll}. */
export interface ReanchorOptions {
  /** Time budget for the diff; past it the diff gets coarser and more highlights need searching. */
  diffTimeoutMs?: number;
}

/**
 * How much of a quote may differ from the text its offsets map to and still be accepted there.
 * The diff already says this is where the passage went, so unlike a blind search this needs
 * no cap for speed, only a limit on how rewritten a passage may be and still be "the same".
 */
const MAPPED_EDIT_FRACTION = 0.25;

function isRangeOf(text: string, position: TextPositionSelector, exact: string): boolean {
  const { start, end } = position;
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    end <= text.length &&
    text.slice(start, end) === exact
  );
}

/**
 * Re-places highlights after their text changed from `oldText` to `newText`.
 *
 * One diff of the two texts is computed and turned into an offset map; each highlight's start
 * and end are mapped through it and the mapped range is checked against the quote. It is
 * accepted when it reads the same, or, when an edit fell inside the highlight, when it is
 * within the fuzzy error budget of the quote. Only the highlights that fail this check (their
 * text deleted, rewritten, moved elsewhere, or their recorded position not matching the old
 * text) are searched for by quote with {@link anchor}, starting from the mapped position, with
 * its whole-text fuzzy stage limited to the text the diff marks as inserted.
 */
export function reanchorAll(
  oldText: string,
  newText: string,
  items: readonly ReanchorItem[],
  options: ReanchorOptions = {},
): ReanchorResult {
  const map = new OffsetMap(diffTexts(oldText, newText, options.diffTimeoutMs ?? 1000));
  const placements = new Map<string, Placement>();
  let kept = 0;
  let moved = 0;
  let orphaned = 0;

  for (const item of items) {
    const { position, quote } = item;
    const exact = quote.exact;
    let placed: { start: number; end: number } | null = null;
    let hint: TextPositionSelector | null = null;

    if (exact.length > 0 && isRangeOf(oldText, position, exact)) {
      const mapped = widenToCodePoints(
        newText,
        map.mapStart(position.start),
        map.mapEnd(position.end),
      );
      const start = mapped.start;
      const end = Math.max(start, mapped.end);
      hint = { type: 'TextPositionSelector', start, end };
      const text = newText.slice(start, end);
      if (text === exact) {
        placed = { start, end };
      } else if (end > start) {
        const budget = Math.floor(exact.length * MAPPED_EDIT_FRACTION);
        if (boundedEditDistance(text, exact, budget) <= budget) placed = { start, end };
      }
    }

    if (placed === null) {
      // A passage that is neither where the diff maps it nor verbatim anywhere can only have
      // moved, edited, into text the diff marks as new: an insertion nearly as long as the
      // passage, give or take the edits a fuzzy match allows. The fuzzy search looks only
      // there. A highlight whose position did not hold its quote in the old text gets no limit.
      const errors = fuzzyErrorBudget(exact.length);
      const found =
        hint !== null
          ? anchor(
              newText,
              { position: hint, quote },
              { fuzzyScope: map.insertedScope(exact.length - 2 * errors, errors) },
            )
          : anchor(newText, { position, quote });
      if (found !== null) placed = { start: found.start, end: found.end };
    }

    if (placed === null) {
      placements.set(item.id, { status: 'orphan' });
      orphaned += 1;
    } else {
      const unchanged =
        placed.start === position.start &&
        placed.end === position.end &&
        newText.slice(placed.start, placed.end) === exact;
      placements.set(item.id, {
        start: placed.start,
        end: placed.end,
        status: unchanged ? 'kept' : 'moved',
      });
      if (unchanged) kept += 1;
      else moved += 1;
    }
  }
  return { placements, kept, moved, orphaned };
}
