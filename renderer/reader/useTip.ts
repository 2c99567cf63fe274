import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** What the reader's one tooltip describes, and the element it is anchored to. */
export type Tip =
  | { kind: 'attribution'; index: number; anchor: HTMLElement }
  | { kind: 'gap'; anchor: HTMLElement }
  | { kind: 'provenance'; anchor: HTMLElement };

/** How long the pointer rests on a passage before its tooltip opens, and before it closes. */
const OPEN_DELAY = 300;
const CLOSE_DELAY = 250;

/**
 * The reader's one tooltip: opened by hovering or focusing a quoted passage, a gap marker or
 * the provenance line; one opened by keyboard focus stays until focus moves.
 */
export function useTip(articleRef: RefObject<HTMLElement | null>) {
  const [tip, setTip] = useState<Tip | null>(null);
  const timer = useRef<number | undefined>(undefined);

  // The passage a tooltip describes points at it while it is open (WAI-ARIA tooltip pattern).
  useEffect(() => {
    const anchor = tip?.anchor;
    if (!anchor) return;
    anchor.setAttribute('aria-describedby', 'reader-tip');
    return () => anchor.removeAttribute('aria-describedby');
  }, [tip]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  /** Keeps the tooltip open (the pointer or focus is on it). */
  const hold = useCallback(() => window.clearTimeout(timer.current), []);

  /** Shows the tooltip of whatever `target` is in (or none), after `delay` ms. */
  const showFor = useCallback(
    (target: HTMLElement, delay = OPEN_DELAY) => {
      if (target.closest('.provenance')) return; // it manages its own tip
      const root = articleRef.current;
      const gap = target.closest<HTMLElement>('.gap');
      const attr = target.closest<HTMLElement>('[data-aid]');
      const next: Tip | null = gap
        ? { kind: 'gap', anchor: gap }
        : attr
          ? {
              kind: 'attribution',
              index: Number(attr.dataset.aid!.slice(1)),
              anchor:
                root?.querySelector<HTMLElement>(`[data-astart="${attr.dataset.aid}"]`) ?? attr,
            }
          : null;
      const focused = document.activeElement as HTMLElement | null;
      const focusHoldsTip =
        !!focused &&
        (!!root?.contains(focused) || !!focused.closest('#reader-tip')) &&
        focused.matches('[data-astart], .gap, .tip-link');
      if (!next && focusHoldsTip && target !== focused) return;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setTip(next), next ? delay : CLOSE_DELAY);
    },
    [articleRef],
  );

  /** Opens or closes the provenance line's tooltip at once. */
  const showProvenance = useCallback((anchor: HTMLElement | null) => {
    window.clearTimeout(timer.current);
    setTip(anchor ? { kind: 'provenance', anchor } : null);
  }, []);

  const close = useCallback(() => {
    window.clearTimeout(timer.current);
    setTip(null);
  }, []);

  return { tip, showFor, showProvenance, hold, close };
}
