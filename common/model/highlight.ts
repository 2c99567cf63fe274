import type { Source } from './attribution.ts';

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** W3C Web Annotation TextPositionSelector: UTF-16 offsets into the canonical text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** W3C Web Annotation TextQuoteSelector: the quote and ~32 characters of context each side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** A user's highlight, with an optional Markdown note. */
export interface Highlight {
  id: string;
  articleId: string;
  position: TextPositionSelector;
  quote: TextQuoteSelector;
  color: HighlightColor;
  /** Markdown, exactly as typed. */
  note: string;
  /** From `#words` in the note. */
  tags: string[];
  created: string;
  updated: string;
  /** True when the highlight could not be placed in the current text (quote and note are kept). */
  orphan: boolean;
  /** The source of the attributed passage it lies in, when it lies in one. */
  attribution?: Source | null;
  /**
   * Versions of the note written elsewhere (another device or process) without having seen
   * `note`, newest first; absent when there are none. Writing the note with every version
   * seen resolves them.
   */
  conflicts?: NoteConflict[];
}

/** A version of a note that was written concurrently with the one kept as the note. */
export interface NoteConflict {
  note: string;
  /** When it was written (ISO 8601). */
  updated: string;
  /** The device that wrote it. */
  device: string;
}
