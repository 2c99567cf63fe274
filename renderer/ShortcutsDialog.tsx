import { useEffect, useRef } from 'react';
import { ACCELERATORS } from './accelerators.ts';

const SHORTCUTS: Array<[string, string]> = [
  ['Tab (first stop)', 'Skip links: to the text, the notes, the panel'],
  ['→, ←', 'Select the next, previous sentence'],
  ['Shift+→, Shift+←', 'Grow, shrink the selection by a sentence'],
  ['j / ↓, k / ↑', 'Scroll down, up'],
  ['Space, Shift+Space', 'Page down, up'],
  ['[ and ]', 'Previous, next article'],
  ['h', 'Highlight the selection'],
  ['n', 'Highlight and write a note (or edit the focused one’s note)'],
  ['1 – 5', 'Highlight in yellow, green, blue, pink, purple; recolour the focused one'],
  ['Delete', 'Remove the focused highlight'],
  ['Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z', 'Undo, redo'],
  ['Ctrl/Cmd+F', 'Find in the article'],
  ...ACCELERATORS.map((a): [string, string] => [a.keys, a.what]),
  ['Enter on a note', 'Edit the note'],
  ['Tab on a quoted passage', 'Into the links to the source’s other statements'],
  ['Esc', 'Close what is open; focus goes back where it was'],
  ['?', 'This list'],
];

/** The keyboard shortcuts, in a modal dialog opened with `?`. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>{keys}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="bar-button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}
