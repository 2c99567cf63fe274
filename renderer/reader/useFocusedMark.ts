import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Highlight } from '../../common/model/highlight.ts';

/** A focused highlight and where its first mark is, for the toolbar by it. */
export interface Focused {
  id: string;
  rect: DOMRect;
}

/** A highlight's first <mark>, the one that takes focus. */
export const markOf = (root: HTMLElement | null, id: string) =>
  root?.querySelector<HTMLElement>(`mark[data-hstart="${CSS.escape(id)}"]`) ?? null;

/**
 * The highlight that has keyboard focus, and a way to give a highlight focus: at once when its
 * mark is painted, else as soon as it is (a new highlight, one whose note was just closed).
 */
export function useFocusedMark(
  articleRef: RefObject<HTMLElement | null>,
  highlights: readonly Highlight[],
) {
  const [focused, setFocused] = useState<Focused | null>(null);
  const pending = useRef<string | null>(null);

  const focusMark = useCallback(
    (hid: string) => {
      const mark = markOf(articleRef.current, hid);
      if (mark) mark.focus({ preventScroll: true });
      else pending.current = hid;
    },
    [articleRef],
  );

  useEffect(() => {
    const hid = pending.current;
    const mark = hid ? markOf(articleRef.current, hid) : null;
    if (!mark) return;
    pending.current = null;
    mark.focus({ preventScroll: true });
  }, [articleRef, highlights]);

  /** Focus moved to `el` inside the article: the highlight it is in, if any, is focused. */
  const focusMovedTo = useCallback(
    (el: HTMLElement) => {
      const hid = el.closest<HTMLElement>('mark[data-hid]')?.dataset.hid;
      const mark = hid ? markOf(articleRef.current, hid) : null;
      setFocused(hid && mark ? { id: hid, rect: mark.getBoundingClientRect() } : null);
    },
    [articleRef],
  );

  const clearFocused = useCallback(() => setFocused(null), []);

  return { focused, focusMark, focusMovedTo, clearFocused };
}
