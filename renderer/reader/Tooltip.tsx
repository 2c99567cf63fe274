import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

interface Props {
  id: string;
  /** The element the tooltip describes; it is never covered. */
  anchor: HTMLElement;
  children: ReactNode;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
  /** Focus entered or left the tooltip (its links can be reached from the keyboard). */
  onFocusIn?: () => void;
  onFocusOut?: () => void;
  onKeyDown?: (e: KeyboardEvent<HTMLDivElement>) => void;
}

/**
 * A tooltip after the WAI-ARIA pattern: role="tooltip", referenced by the anchor's
 * aria-describedby, shown on hover and focus, dismissed with Escape. It is placed above the
 * anchor's first line, or below its last line when there is no room above, so it never covers
 * the passage it describes. It stays open while the pointer is on it.
 */
export function Tooltip({ id, anchor, children, ...on }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const rects = anchor.getClientRects();
    const first = rects[0] ?? anchor.getBoundingClientRect();
    const last = rects[rects.length - 1] ?? first;
    const height = el.offsetHeight;
    const width = el.offsetWidth;
    const margin = 8;
    const above = first.top - height - margin;
    const top = above >= margin ? above : last.bottom + margin;
    const left = Math.min(Math.max(margin, first.left), window.innerWidth - width - margin);
    setPosition({ top, left });
  }, [anchor, children]);

  return (
    <div
      ref={box}
      id={id}
      role="tooltip"
      className="tooltip"
      style={
        position
          ? { top: position.top, left: position.left }
          : { visibility: 'hidden', top: 0, left: 0 }
      }
      onMouseEnter={on.onPointerEnter}
      onMouseLeave={on.onPointerLeave}
      onFocus={on.onFocusIn}
      onBlur={on.onFocusOut}
      onKeyDown={on.onKeyDown}
    >
      {children}
    </div>
  );
}
