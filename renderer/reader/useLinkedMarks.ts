import { useEffect, type RefObject } from 'react';
import type { Highlight } from '../../common/model/highlight.ts';

/** Lights up every mark of the hovered and the focused highlight (a highlight spans many). */
export function useLinkedMarks(
  articleRef: RefObject<HTMLElement | null>,
  ids: readonly (string | null)[],
  highlights: readonly Highlight[],
): void {
  const key = ids.join('|');
  useEffect(() => {
    const root = articleRef.current;
    if (!root) return;
    root.querySelectorAll('mark.is-linked').forEach((m) => m.classList.remove('is-linked'));
    for (const hid of key.split('|')) {
      if (!hid) continue;
      root
        .querySelectorAll(`mark[data-hid="${CSS.escape(hid)}"]`)
        .forEach((m) => m.classList.add('is-linked'));
    }
  }, [articleRef, key, highlights]);
}
