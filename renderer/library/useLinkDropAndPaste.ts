import { useEffect, useEffectEvent } from 'react';
import { webAddressOrNull } from '../../common/ingest/web-page.ts';

/** The first web address in a drag's `text/uri-list` (comment lines start with #) or text. */
export function droppedAddress(data: DataTransfer): string | null {
  const list = data
    .getData('text/uri-list')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('#'));
  return webAddressOrNull(list ?? data.getData('text/plain').trim());
}

const isLinkDrag = (data: DataTransfer | null) =>
  !!data && !data.types.includes('Files') && data.types.includes('text/uri-list');

const typingIn = (target: EventTarget | null) => {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
};

/**
 * A link dragged from a browser onto the library, or pasted on it (not into a field), is saved:
 * `onLink` gets its address. `onDragging` says while a link is held over the window.
 */
export function useLinkDropAndPaste(
  active: boolean,
  onLink: (url: string) => void,
  onDragging: (over: boolean) => void,
): void {
  const link = useEffectEvent(onLink);
  const dragging = useEffectEvent(onDragging);
  useEffect(() => {
    if (!active) return;
    const over = (e: DragEvent) => {
      if (!isLinkDrag(e.dataTransfer)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
      dragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) dragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!isLinkDrag(e.dataTransfer)) return;
      e.preventDefault();
      dragging(false);
      const url = droppedAddress(e.dataTransfer!);
      if (url) link(url);
    };
    const paste = (e: ClipboardEvent) => {
      if (typingIn(e.target) || document.querySelector('dialog[open]')) return;
      const url = webAddressOrNull(e.clipboardData?.getData('text/plain').trim() ?? '');
      if (!url) return;
      e.preventDefault();
      link(url);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    window.addEventListener('paste', paste);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      window.removeEventListener('paste', paste);
    };
  }, [active]);
}
