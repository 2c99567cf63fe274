/**
 * How the reader's page is laid out at a window width: whether the margin of notes fits beside
 * the text, and whether the side panel can stand beside them or has to lie over the page.
 *
 * When text, margin and an open panel do not all fit, the margin folds into markers beside the
 * text (a marker opens its note) rather than the panel overlaying the notes. The panel is what
 * the reader has just opened to work with; a note under it would be hidden with no sign that
 * it is there, while a marker keeps every note one click or Enter away, level with its line,
 * and leaves the text its full measure. Only where even text and panel cannot stand side by
 * side (a narrow window) does the panel become a drawer over the page.
 */

/** The page's widths, as renderer/styles.css sets them on .page and .side-panel. */
export const PAGE_WIDTHS = {
  /** The side panel (340 px) and the space kept clear before it. */
  panel: 348,
  /** The page's padding on either side. */
  padding: 32,
  /** The margin column: 24vw, kept between 220 and 280 px. */
  margin: { share: 0.24, min: 220, max: 280 },
  /** The gutter between text and margin: 4vw, kept between 40 and 56 px. */
  gutter: { share: 0.04, min: 40, max: 56 },
  /** Below this the window is narrow: the margin is folded even with no panel open. */
  narrowBelow: 960,
} as const;

export interface PageLayout {
  /** The window is too narrow for text and margin, or for text and an open panel. */
  narrow: boolean;
  /** The margin shows as markers beside the text instead of notes. */
  folded: boolean;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The layout for a window `width` px wide whose text column is `measure` px at its full
 * measure (the reader's chosen width in its chosen type size).
 */
export function pageLayout(width: number, measure: number, panelOpen: boolean): PageLayout {
  const w = PAGE_WIDTHS;
  const narrow = width < w.narrowBelow;
  if (narrow || !panelOpen) return { narrow, folded: narrow };
  const margin = clamp(width * w.margin.share, w.margin.min, w.margin.max);
  const gutter = clamp(width * w.gutter.share, w.gutter.min, w.gutter.max);
  const needed = w.padding + measure + gutter + margin + w.panel;
  return { narrow, folded: width < needed };
}
