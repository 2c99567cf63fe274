import type { Article } from '../../common/model/article.ts';
import { sentenceAfter, sentenceBefore, type Sentence } from '../../common/reader/sentences.ts';
import { readingPoint } from './reveal.ts';
import { rangeOfOffsets } from './text-offsets.ts';

/**
 * Keyboard selection by sentences: → selects the next sentence (the first in view when nothing
 * is selected), ← the previous one; with Shift, the selection grows or shrinks by a sentence at
 * its end. The document's own selection is set, so the toolbar, `h` and `n` act on it as on a
 * selection made with the mouse.
 */
export function stepSentence(
  body: HTMLElement,
  article: Article,
  current: { start: number; end: number } | null,
  forward: boolean,
  extend: boolean,
): boolean {
  const { text, blocks } = article;
  let next: Sentence | null;
  if (!current) {
    const from = readingPoint(body);
    next = forward ? sentenceAfter(text, blocks, from) : sentenceBefore(text, blocks, from + 1);
    next ??= sentenceAfter(text, blocks, from);
  } else if (extend) {
    const end = forward
      ? sentenceAfter(text, blocks, current.end)?.end
      : sentenceBefore(text, blocks, current.end - 1)?.end;
    next = end !== undefined && end > current.start ? { start: current.start, end } : null;
  } else {
    next = forward
      ? sentenceAfter(text, blocks, current.end)
      : sentenceBefore(text, blocks, current.start);
  }
  if (!next) return false;
  const range = rangeOfOffsets(body, next.start, next.end);
  if (!range) return false;
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  const rect = range.getBoundingClientRect();
  if (rect.top < 80 || rect.bottom > window.innerHeight - 24) {
    window.scrollBy({ top: rect.top - window.innerHeight / 3 });
  }
  return true;
}
