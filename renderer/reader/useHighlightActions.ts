import { useCallback, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import {
  HIGHLIGHT_COLORS,
  type Highlight,
  type HighlightColor,
} from '../../common/model/highlight.ts';
import { gloss } from '../api.ts';
import { failureText } from '../failure.ts';
import type { TextSelection } from './useTextSelection.ts';
import { UndoHistory } from './undo.ts';

const LAST_COLOR_KEY = 'gloss.last-color';

function storedColor(): HighlightColor {
  try {
    const c = localStorage.getItem(LAST_COLOR_KEY);
    return (HIGHLIGHT_COLORS as readonly string[]).includes(c ?? '')
      ? (c as HighlightColor)
      : 'yellow';
  } catch {
    return 'yellow';
  }
}

function keepColor(color: HighlightColor): void {
  try {
    localStorage.setItem(LAST_COLOR_KEY, color);
  } catch {
    /* the colour is a convenience */
  }
}

interface Options {
  articleId: string;
  highlights: readonly Highlight[];
  setHighlights: Dispatch<SetStateAction<Highlight[]>>;
  onStatus: (message: string) => void;
  /** A highlight was made from the selection; `withNote` when its note is to be written. */
  onCreated: (highlight: Highlight, withNote: boolean) => void;
  onDeleted: (id: string) => void;
}

/**
 * What can be done to the article's highlights, each saved at once and undoable: create from
 * the selection, recolour, delete, edit the note; and undo/redo of all of them.
 */
export function useHighlightActions(options: Options) {
  const { articleId, highlights, setHighlights, onStatus, onCreated, onDeleted } = options;
  const [lastColor, setLastColor] = useState<HighlightColor>(storedColor);
  const history = useRef(new UndoHistory());

  const replace = useCallback(
    (h: Highlight) =>
      setHighlights((list) =>
        list.some((x) => x.id === h.id) ? list.map((x) => (x.id === h.id ? h : x)) : [...list, h],
      ),
    [setHighlights],
  );
  const remove = useCallback(
    (hid: string) => setHighlights((list) => list.filter((x) => x.id !== hid)),
    [setHighlights],
  );
  const fail = useCallback(
    (e: unknown) => onStatus(`Could not save: ${failureText(e)}`),
    [onStatus],
  );

  const create = async (range: TextSelection, color: HighlightColor, withNote: boolean) => {
    try {
      const created = await gloss.createHighlight({
        articleId,
        start: range.start,
        end: range.end,
        color,
      });
      replace(created);
      setLastColor(color);
      keepColor(color);
      history.current.push({
        label: 'highlight',
        undo: async () => remove((await gloss.deleteHighlight({ articleId, id: created.id })).id),
        redo: async () => replace(await gloss.restoreHighlight({ highlight: created })),
      });
      onStatus(`Highlighted in ${color}`);
      onCreated(created, withNote);
    } catch (e) {
      fail(e);
    }
  };

  const recolor = async (hid: string, color: HighlightColor) => {
    const before = highlights.find((h) => h.id === hid);
    if (!before || before.color === color) return;
    try {
      const after = await gloss.updateHighlight({ articleId, id: hid, color });
      replace(after);
      history.current.push({
        label: 'colour change',
        undo: async () => replace(await gloss.restoreHighlight({ highlight: before })),
        redo: async () => replace(await gloss.restoreHighlight({ highlight: after })),
      });
      onStatus(`Colour changed to ${color}`);
    } catch (e) {
      fail(e);
    }
  };

  const erase = async (hid: string) => {
    try {
      const removed = await gloss.deleteHighlight({ articleId, id: hid });
      remove(hid);
      onDeleted(hid);
      history.current.push({
        label: 'deletion',
        undo: async () => replace(await gloss.restoreHighlight({ highlight: removed })),
        redo: async () => remove((await gloss.deleteHighlight({ articleId, id: hid })).id),
      });
      onStatus('Highlight deleted. Press Ctrl+Z to undo.');
    } catch (e) {
      fail(e);
    }
  };

  const saveNote = useCallback(
    async (hid: string, text: string) => {
      replace(await gloss.updateHighlight({ articleId, id: hid, note: text }));
    },
    [articleId, replace],
  );

  /** A note's editing ended: one undoable step from the text before to the text after. */
  const noteEdited = useCallback(
    (hid: string, before: string, after: string) => {
      if (before === after) return;
      history.current.push({
        label: 'note edit',
        undo: async () =>
          replace(await gloss.updateHighlight({ articleId, id: hid, note: before })),
        redo: async () => replace(await gloss.updateHighlight({ articleId, id: hid, note: after })),
      });
    },
    [articleId, replace],
  );

  const step = (redo: boolean) => {
    (redo ? history.current.redo() : history.current.undo()).then(
      (label) =>
        onStatus(
          label ? `${redo ? 'Redid' : 'Undid'} ${label}` : `Nothing to ${redo ? 'redo' : 'undo'}`,
        ),
      fail,
    );
  };

  return {
    lastColor,
    setLastColor,
    create,
    recolor,
    erase,
    saveNote,
    noteEdited,
    undo: () => step(false),
    redo: () => step(true),
  };
}

export type HighlightActions = ReturnType<typeof useHighlightActions>;
