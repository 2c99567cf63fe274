import { HIGHLIGHT_COLORS, type HighlightColor } from '../../common/model/highlight.ts';

interface Props {
  /** Where the selection (or the focused highlight) is, in viewport coordinates. */
  rect: DOMRect;
  onColor: (color: HighlightColor) => void;
  onNote: () => void;
  /** For a selection: copy it with its source. */
  onCopy?: () => void;
  /** For an existing highlight: remove it. */
  onDelete?: () => void;
  /** The colour an existing highlight has now. */
  current?: HighlightColor;
}

/**
 * The small toolbar by a selection (five colours, a note, copy with source) or by a focused
 * highlight (recolour, edit its note, delete), so that every action has a mouse path too.
 */
export function SelectionToolbar({ rect, onColor, onNote, onCopy, onDelete, current }: Props) {
  const editing = current !== undefined;
  const top = rect.top > 56 ? rect.top - 48 : rect.bottom + 8;
  const left = Math.max(8, Math.min(window.innerWidth - 340, rect.left + rect.width / 2 - 160));
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label={editing ? 'Change the highlight' : 'Highlight the selection'}
      style={{ top, left }}
      onMouseDown={(e) => e.preventDefault()}
    >
      {HIGHLIGHT_COLORS.map((color, i) => (
        <button
          key={color}
          type="button"
          className={`swatch hl-${color}`}
          aria-label={editing ? `Make it ${color} (${i + 1})` : `Highlight ${color} (${i + 1})`}
          aria-pressed={editing ? current === color : undefined}
          title={`${editing ? 'Make it' : 'Highlight'} ${color} (${i + 1})`}
          onClick={() => onColor(color)}
        />
      ))}
      <button
        type="button"
        className="tool"
        onClick={onNote}
        title={editing ? 'Edit the note (n)' : 'Highlight and write a note (n)'}
      >
        Note
      </button>
      {onCopy && (
        <button
          type="button"
          className="tool"
          onClick={onCopy}
          title="Copy the passage with its source"
        >
          Copy with source
        </button>
      )}
      {onDelete && (
        <button
          type="button"
          className="tool"
          onClick={onDelete}
          title="Remove the highlight (Delete)"
        >
          Delete
        </button>
      )}
    </div>
  );
}
