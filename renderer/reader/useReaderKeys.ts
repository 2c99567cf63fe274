import { useEffect, useEffectEvent } from 'react';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../common/model/highlight.ts';

/** What the reader's keys do; each is given what it needs at the moment of the key. */
export interface ReaderKeyActions {
  hasSelection: () => boolean;
  focusedId: string | null;
  undo: () => void;
  redo: () => void;
  find: () => void;
  escape: () => void;
  navigate: (delta: -1 | 1) => void;
  shortcuts: () => void;
  /** Create a highlight of the selection, in `color` (the last one used when absent). */
  highlight: (color: HighlightColor | null, withNote: boolean) => void;
  editNote: (id: string) => void;
  recolor: (id: string, color: HighlightColor) => void;
  chooseColor: (color: HighlightColor) => void;
  erase: (id: string) => void;
  /** Select the next or previous sentence, or grow or shrink the selection by one. */
  stepSentence: (forward: boolean, extend: boolean) => void;
  /** Tab on a quoted passage whose tooltip has links: into them; false when there are none. */
  enterTip: () => boolean;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.isContentEditable);
}

/** Keys with Ctrl or Cmd: undo, redo, find. */
function modifiedKey(e: KeyboardEvent, a: ReaderKeyActions): boolean {
  const key = e.key.toLowerCase();
  if (key === 'z') (e.shiftKey ? a.redo : a.undo)();
  else if (key === 'y') a.redo();
  else if (key === 'f' && !e.shiftKey) a.find();
  else return false;
  return true;
}

/** Plain keys: reading, moving through the text, and acting on the selection or highlight. */
function plainKey(e: KeyboardEvent, a: ReaderKeyActions): boolean {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const selected = a.hasSelection();
  const focused = a.focusedId;
  if (key === 'Escape') {
    a.escape();
    return false;
  }
  if (key === 'Tab') return !e.shiftKey && a.enterTip();
  if (key === 'ArrowRight' || key === 'ArrowLeft') a.stepSentence(key === 'ArrowRight', e.shiftKey);
  else if (e.shiftKey && key !== '?') return false;
  else if (key === 'j' || key === 'k') window.scrollBy({ top: (key === 'j' ? 1 : -1) * 64 });
  else if (key === '[' || key === ']') a.navigate(key === '[' ? -1 : 1);
  else if (key === '?') a.shortcuts();
  else if (key === 'h' && selected) a.highlight(null, false);
  else if (key === 'n' && selected) a.highlight(null, true);
  else if (key === 'n' && focused) a.editNote(focused);
  else if (/^[1-5]$/.test(key)) {
    const color = HIGHLIGHT_COLORS[Number(key) - 1]!;
    if (selected) a.highlight(color, false);
    else if (focused) a.recolor(focused, color);
    else a.chooseColor(color);
  } else if ((key === 'Delete' || key === 'Backspace') && focused) a.erase(focused);
  else return false;
  return true;
}

/**
 * The reader's keyboard: every action of the toolbar and more, without a mouse. The listener
 * is bound once; an effect event reads the latest actions at each key.
 */
export function useReaderKeys(actions: ReaderKeyActions): void {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented || isTyping(e.target)) return;
    // A modal dialog (the shortcuts list) has the keys; nothing acts behind it.
    if (document.querySelector('dialog[open]')) return;
    const mod = e.ctrlKey || e.metaKey;
    const handled = mod ? modifiedKey(e, actions) : !e.altKey && plainKey(e, actions);
    if (handled) e.preventDefault();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
