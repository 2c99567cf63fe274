import { useState } from 'react';
import type { Highlight, NoteConflict } from '../../common/model/highlight.ts';
import { messageOf } from '../../common/errors.ts';
import { gloss } from '../api.ts';
import './note-conflicts.css';

interface Props {
  highlight: Highlight;
  /** Shows the settled note in the margin (the reader's usual note save; nothing to undo). */
  onResolved: (note: string) => Promise<void>;
}

/** One version of the note as offered: the kept one first, then each concurrent one. */
interface Version {
  note: string;
  label: string;
}

function versionsOf(h: Highlight, conflicts: NoteConflict[]): Version[] {
  const when = (iso: string) => new Date(iso).toLocaleString();
  return [
    { note: h.note, label: `Kept (latest, ${when(h.updated)})` },
    ...conflicts.map((c) => ({ note: c.note, label: `From ${c.device}, ${when(c.updated)}` })),
  ];
}

/** Every distinct version, in order, one after another: nothing either device wrote is lost. */
export function mergeVersions(notes: readonly string[]): string {
  const distinct = [...new Set(notes.map((n) => n.trim()).filter((n) => n !== ''))];
  return distinct.join('\n\n');
}

/**
 * A note edited on two devices before they synced: a mark on the note, and a picker that keeps
 * one version or both. The choice is written through `resolveNoteConflict`, which clears the
 * other versions on every device.
 */
export function NoteConflicts({ highlight, onResolved }: Props) {
  const conflicts = highlight.conflicts ?? [];
  const [open, setOpen] = useState(false);
  const [settled, setSettled] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Hidden once settled here, until the highlight arrives again with new conflicts.
  const key = conflicts.map((c) => `${c.device}:${c.updated}`).join('|');
  if (conflicts.length === 0 || settled === key) return null;

  const versions = versionsOf(highlight, conflicts);
  const choose = async (note: string) => {
    setError(null);
    try {
      await gloss.resolveNoteConflict({ articleId: highlight.articleId, id: highlight.id, note });
      setSettled(key);
      setOpen(false);
      if (note !== highlight.note) await onResolved(note);
    } catch (e) {
      setError(`The choice could not be saved: ${messageOf(e)}`);
    }
  };

  return (
    <div
      className="note-conflicts"
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <button
        type="button"
        className="note-conflict-mark"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {conflicts.length === 1
          ? 'Edited on two devices: choose'
          : `Edited on ${conflicts.length + 1} devices: choose`}
      </button>
      {open && (
        <div className="note-conflict-picker" role="group" aria-label="Versions of this note">
          {versions.map((v, i) => (
            <section key={i} className="note-conflict-version">
              <header>{v.label}</header>
              <p>{v.note === '' ? <em>(empty)</em> : v.note}</p>
              <button type="button" onClick={() => void choose(v.note)}>
                Keep this version
              </button>
            </section>
          ))}
          <button
            type="button"
            className="note-conflict-merge"
            onClick={() => void choose(mergeVersions(versions.map((v) => v.note)))}
          >
            Keep both, one after the other
          </button>
          {error && <p role="alert">{error}</p>}
        </div>
      )}
    </div>
  );
}
