import type { Highlight, HighlightColor } from '../../common/model/highlight.ts';
import { SelectionToolbar } from './SelectionToolbar.tsx';
import type { TextSelection } from './useTextSelection.ts';
import type { Focused } from './useFocusedMark.ts';

interface Props {
  selection: TextSelection | null;
  focused: Focused | null;
  highlights: readonly Highlight[];
  editingId: string | null;
  onHighlight: (color: HighlightColor | null, withNote: boolean) => void;
  onCopy: (start: number, end: number) => void;
  onRecolor: (hid: string, color: HighlightColor) => void;
  onEditNote: (hid: string) => void;
  onDelete: (hid: string) => void;
}

/**
 * The toolbar by the selection (highlight it, note it, copy it with its source), or by the
 * focused highlight (recolour, note, delete) when nothing is selected and its note is closed.
 */
export function HighlightToolbars({ selection, focused, highlights, editingId, ...on }: Props) {
  if (selection)
    return (
      <SelectionToolbar
        rect={selection.rect}
        onColor={(c) => on.onHighlight(c, false)}
        onNote={() => on.onHighlight(null, true)}
        onCopy={() => on.onCopy(selection.start, selection.end)}
      />
    );
  const current = focused && highlights.find((h) => h.id === focused.id);
  if (!focused || !current || editingId === focused.id) return null;
  return (
    <SelectionToolbar
      rect={focused.rect}
      current={current.color}
      onColor={(c) => on.onRecolor(focused.id, c)}
      onNote={() => on.onEditNote(focused.id)}
      onDelete={() => on.onDelete(focused.id)}
    />
  );
}
