import type { RefObject } from 'react';
import type { Article } from '../../common/model/article.ts';
import type { HighlightColor } from '../../common/model/highlight.ts';
import { articleBodyOf } from './reveal.ts';
import { stepSentence } from './sentence-step.ts';
import type { useHighlightActions } from './useHighlightActions.ts';
import { useReaderKeys } from './useReaderKeys.ts';
import type { TextSelection } from './useTextSelection.ts';
import type { useTip } from './useTip.ts';

interface Commands {
  articleRef: RefObject<HTMLElement | null>;
  article: Article | null;
  focusedId: string | null;
  read: () => TextSelection | null;
  clear: () => void;
  tips: ReturnType<typeof useTip>;
  actions: ReturnType<typeof useHighlightActions>;
  highlight: (color: HighlightColor | null, withNote: boolean) => void;
  editNote: (hid: string) => void;
  openFind: (body: HTMLElement | null) => void;
  closeNote: () => void;
  navigate: (delta: -1 | 1) => void;
  shortcuts: () => void;
}

/** The reader's keys (useReaderKeys) bound to what they do in the open article. */
export function useReaderCommands(c: Commands): void {
  const { articleRef, read, tips, actions } = c;
  useReaderKeys({
    hasSelection: () => read() !== null,
    focusedId: c.focusedId,
    undo: actions.undo,
    redo: actions.redo,
    find: () => c.openFind(articleBodyOf(articleRef.current)),
    escape: () => {
      tips.close();
      c.closeNote();
      if (read()) c.clear();
    },
    navigate: c.navigate,
    shortcuts: c.shortcuts,
    highlight: c.highlight,
    editNote: c.editNote,
    recolor: (hid, color) => void actions.recolor(hid, color),
    chooseColor: actions.setLastColor,
    erase: (hid) => void actions.erase(hid),
    stepSentence: (forward, extend) => {
      const body = articleBodyOf(articleRef.current);
      if (body && c.article) stepSentence(body, c.article, read(), forward, extend);
    },
    enterTip: () => {
      const anchor = tips.tip?.anchor;
      const link = document.querySelector<HTMLElement>('#reader-tip .tip-link');
      if (!anchor || !link || document.activeElement !== anchor) return false;
      link.focus();
      return true;
    },
  });
}
