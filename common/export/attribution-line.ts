import { markGapsInPassage } from '../attribution/gap-marks.ts';
import type { Attribution, Gap, Source } from '../model/attribution.ts';

/**
 * What the export says when the text names no source (a feed stripped the name, or it never said).
 */
export const UNKNOWN_SOURCE = 'unknown source (name missing in the text)';

/**
 * The attribution whose [start, end) overlaps [start, end) the most, or null when none overlaps.
 * Ties go to the attribution that starts first, then to the earlier one in the list, so the
 * choice does not depend on anything but the data.
 */
export function findAttribution(
  attributions: readonly Attribution[],
  start: number,
  end: number,
): Attribution | null {
  let best: Attribution | null = null;
  let bestOverlap = 0;
  for (const a of attributions) {
    const overlap = Math.min(end, a.end) - Math.max(start, a.start);
    if (overlap <= 0) continue;
    if (
      overlap > bestOverlap ||
      (overlap === bestOverlap && best !== null && a.start < best.start)
    ) {
      best = a;
      bestOverlap = overlap;
    }
  }
  return best;
}

/** Collapses runs of whitespace (line breaks included) to one space and trims. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The attribution line's text, without the leading dash: "Name, role", "Name", or the
 * unknown-source phrase (followed by ", role" when a role is known but the name is not).
 * Plain text: the caller escapes it for Markdown.
 */
export function attributionText(source: Source): string {
  const name = source.name === null ? '' : oneLine(source.name);
  const role = source.role === null ? '' : oneLine(source.role);
  const who = name === '' ? UNKNOWN_SOURCE : name;
  return role === '' ? who : `${who}, ${role}`;
}

/**
 * The highlighted passage as exported: its text as stored, with the gap mark "‸" where the
 * feed cut words inside it ("Turkey, Russia face ‸ and ..."), so the export does not present
 * damaged text as whole. `exact` is returned unchanged when it is not the text at [start, end).
 */
export function passageWithGapMarks(
  articleText: string,
  exact: string,
  start: number,
  end: number,
  gaps: readonly Gap[],
): string {
  if (articleText.slice(start, end) !== exact || gaps.length === 0) return exact;
  return markGapsInPassage(
    articleText,
    start,
    end,
    gaps.map((g) => g.offset),
  );
}
