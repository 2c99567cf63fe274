import { HIGHLIGHT_COLORS, type HighlightColor } from '../../common/model/highlight.ts';

interface Props {
  /** Where the selection is, in viewport coordinates. */
  rect: DOMRect;
  onColor(color: HighlightColor): void;
  onNote(): void;
  onCopy(): void;
}

/** The small toolbar by a selection: five colours, a note, and copy with source. */
export function SelectionToolbar({ rect, onColor, onNote, onCopy }: Props) {
  const top = rect.top > 56 ? rect.top - 48 : rect.bottom + 8;
  const left = Math.max(8, Math.min(window.innerWidth - 340, rect.left + rect.width / 2 - 160));
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Highlight the selection" style={{ top, left }} onMouseDown={(e) => e.preventDefault()}>
      {HIGHLIGHT_COLORS.map((color, i) => (
        <button
          key={color}
          type="button"
          className={`swatch hl-${color}`}
          aria-label={`Highlight ${color} (${i + 1})`}
          title={`Highlight ${color} (${i + 1})`}
          onClick={() => onColor(color)}
        />
      ))}
      <button type="button" className="tool" onClick={onNote} title="Highlight and write a note (n)">
        Note
      </button>
      <button type="button" className="tool" onClick={onCopy} title="Copy the passage with its source">
        Copy with source
      </button>
    </div>
  );
}
