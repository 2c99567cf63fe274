import { useEffect, useEffectEvent, useRef, useState } from 'react';

const DRAFT_PREFIX = 'gloss.note-draft.';

/** A typed note not yet confirmed saved, kept locally so that no crash or close can drop it. */
export function readDraft(highlightId: string): string | null {
  try {
    return localStorage.getItem(DRAFT_PREFIX + highlightId);
  } catch {
    return null;
  }
}

export function clearDraft(highlightId: string): void {
  try {
    localStorage.removeItem(DRAFT_PREFIX + highlightId);
  } catch {
    /* storage unavailable: nothing to clear */
  }
}

function writeDraft(highlightId: string, text: string): void {
  try {
    localStorage.setItem(DRAFT_PREFIX + highlightId, text);
  } catch {
    /* storage full or unavailable: the debounced save still runs */
  }
}

interface Props {
  highlightId: string;
  initial: string;
  /** Persists the text; resolves when it is on disk. */
  save: (text: string) => Promise<void>;
  /** Called when editing ends (blur, Escape, Ctrl+Enter) with the text before and after. */
  onDone: (before: string, after: string) => void;
  /** Escape or Ctrl+Enter: the writer is done here and focus goes back to the passage. */
  onDismiss?: () => void;
}

/**
 * A note being written. Each keystroke is kept as a local draft at once and saved to the
 * library shortly after typing pauses; leaving the field, closing the article or the window
 * saves immediately, so what was typed is never dropped.
 */
export function NoteEditor({ highlightId, initial, save, onDone, onDismiss }: Props) {
  const [text, setText] = useState(initial);
  const latest = useRef(initial);
  const saved = useRef(initial);
  const timer = useRef<number | undefined>(undefined);
  const before = useRef(initial);
  const area = useRef<HTMLTextAreaElement>(null);

  const flush = () => {
    window.clearTimeout(timer.current);
    const value = latest.current;
    if (value === saved.current) return;
    saved.current = value;
    save(value).then(
      () => {
        if (readDraft(highlightId) === value) clearDraft(highlightId);
      },
      () => {
        saved.current = '\u0000unsaved'; // keep the draft; the next flush retries
      },
    );
  };

  // Bound once for the editor's life; an effect event always calls the latest flush (and so the
  // latest `save`) without re-binding the listeners on every render.
  const flushLatest = useEffectEvent(() => flush());
  useEffect(() => {
    const field = area.current;
    if (field) {
      // Editing continues where the note ends; the whole editor is brought into view, also
      // when it opens by a passage at the bottom of the window.
      field.focus({ preventScroll: true });
      field.setSelectionRange(field.value.length, field.value.length);
      // After the margin has placed the card (a layout pass that may follow this effect).
      requestAnimationFrame(() => field.scrollIntoView({ block: 'nearest' }));
    }
    const onHide = () => flushLatest();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      flushLatest();
    };
  }, []);

  const finish = () => {
    flush();
    onDone(before.current, latest.current);
  };

  return (
    <textarea
      ref={area}
      className="note-editor"
      aria-label="Note (Markdown; #word adds a tag)"
      placeholder="Write a note… (Markdown, #tags)"
      value={text}
      rows={Math.min(12, Math.max(3, text.split('\n').length + 1))}
      onChange={(e) => {
        const value = e.target.value;
        setText(value);
        latest.current = value;
        writeDraft(highlightId, value);
        // The editor grows with its text; its new last line stays in view.
        const field = e.target;
        requestAnimationFrame(() => field.scrollIntoView({ block: 'nearest' }));
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(flush, 400);
      }}
      onBlur={finish}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
          e.preventDefault();
          area.current?.blur();
          onDismiss?.();
        }
      }}
    />
  );
}
