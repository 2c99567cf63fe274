import { useCallback, useEffect, useState, type RefObject } from 'react';
import { articleBodyOf } from './reveal.ts';
import { offsetsOfRange } from './text-offsets.ts';

/** A selection inside the article's text: its offsets and where it is on screen. */
export interface TextSelection {
  start: number;
  end: number;
  rect: DOMRect;
}

/**
 * The selection inside the article's text, tracked as it changes (to show the toolbar by it),
 * and `read()` for the document's selection as it is now: a key can arrive before the
 * selectionchange event that would have updated the tracked one.
 */
export function useTextSelection(articleRef: RefObject<HTMLElement | null>) {
  const [selection, setSelection] = useState<TextSelection | null>(null);

  const read = useCallback((): TextSelection | null => {
    const sel = document.getSelection();
    const body = articleBodyOf(articleRef.current);
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !body) return null;
    const range = sel.getRangeAt(0);
    if (!range.intersectsNode(body)) return null;
    const offsets = offsetsOfRange(range, body);
    return offsets ? { ...offsets, rect: range.getBoundingClientRect() } : null;
  }, [articleRef]);

  const clear = useCallback(() => {
    document.getSelection()?.removeAllRanges();
    setSelection(null);
  }, []);

  useEffect(() => {
    const update = () => setSelection(read());
    document.addEventListener('selectionchange', update);
    window.addEventListener('scroll', update, { passive: true });
    return () => {
      document.removeEventListener('selectionchange', update);
      window.removeEventListener('scroll', update);
    };
  }, [read]);

  return { selection, read, clear };
}
