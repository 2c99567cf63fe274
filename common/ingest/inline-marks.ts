/**
 * Inline formatting collected while a block's text is built: emphasis, strong, code and links
 * as ranges over the block's own text. Folding white space and trimming move the ranges with
 * the text, so that marks always point at the same words in the canonical text.
 */
import type { InlineMarkKind } from '../model/article.ts';

/** A mark over [start, end) of a draft block's text (not yet of the article's). */
export interface DraftMark {
  start: number;
  end: number;
  kind: InlineMarkKind;
  href?: string;
}

/** Text with marks, built run by run. */
export class MarkedText {
  text = '';
  readonly marks: DraftMark[] = [];

  /** Appends plain text. */
  add(text: string): void {
    this.text += text;
  }

  /** Runs `inner` and marks whatever text it added; nothing is marked when it added none. */
  mark(kind: InlineMarkKind, inner: () => void, href?: string | null): void {
    const start = this.text.length;
    const at = this.marks.length;
    inner();
    if (this.text.length === start) return;
    const mark: DraftMark = { start, end: this.text.length, kind };
    if (href) mark.href = href;
    // Outer marks go before the ones inside them, so marks stay sorted by start.
    this.marks.splice(at, 0, mark);
  }
}

/**
 * Replaces every match of `pattern` (global) by `replacement` and moves the marks with the
 * text: an offset inside a replaced match goes to the replacement's start (for a mark's start)
 * or end (for its end).
 */
function replaceMapped(
  text: string,
  marks: DraftMark[],
  pattern: RegExp,
  replacement: string,
): { text: string; marks: DraftMark[] } {
  const cuts: Array<{ from: number; to: number; at: number }> = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const from = m.index;
    const to = from + m[0].length;
    out += text.slice(last, from);
    cuts.push({ from, to, at: out.length });
    out += replacement;
    last = to;
  }
  out += text.slice(last);
  if (!cuts.length) return { text, marks };
  const map = (offset: number, isEnd: boolean): number => {
    let shift = 0;
    for (const cut of cuts) {
      if (offset <= cut.from) break;
      if (offset < cut.to) return isEnd ? cut.at + replacement.length : cut.at;
      shift += replacement.length - (cut.to - cut.from);
    }
    return offset + shift;
  };
  const moved = marks
    .map((m) => ({ ...m, start: map(m.start, false), end: map(m.end, true) }))
    .filter((m) => m.end > m.start);
  return { text: out, marks: moved };
}

/**
 * Folds line breaks and runs of spaces into single spaces and trims, exactly as `foldLines`
 * does, carrying the marks along. Marks over white space alone disappear; a mark's edges never
 * hold the spaces folded around it.
 */
export function foldMarked(
  text: string,
  marks: readonly DraftMark[],
): { text: string; marks: DraftMark[] } {
  let step = replaceMapped(text, [...marks], /[ \t]*\r?\n[ \t]*/g, ' ');
  step = replaceMapped(step.text, step.marks, /[ \t]{2,}/g, ' ');
  step = replaceMapped(step.text, step.marks, /^\s+|\s+$/g, '');
  // A mark that begins or ends on a folded space would draw formatting under it; trim it.
  const trimmed = step.marks
    .map((m) => {
      let { start, end } = m;
      while (start < end && /\s/.test(step.text[start]!)) start++;
      while (end > start && /\s/.test(step.text[end - 1]!)) end--;
      return { ...m, start, end };
    })
    .filter((m) => m.end > m.start);
  return { text: step.text, marks: trimmed };
}
