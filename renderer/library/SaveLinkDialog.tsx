import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useFocusTrap } from './useFocusTrap.ts';
import type { LinkSaving } from './useLinkSaving.ts';

interface Props {
  state: LinkSaving;
  onSave: (url: string) => void;
  onClose: () => void;
}

/**
 * Save link…: a modal dialog (focus stays inside; Esc closes it and focus goes back where it
 * was) that fetches a web page once and saves its article to read offline.
 */
export function SaveLinkDialog({ state, onSave, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState(state.url);
  const { saving, error } = state;
  useFocusTrap(dialog);

  useEffect(() => {
    const returnTo = document.activeElement as HTMLElement | null;
    if (!dialog.current?.open) dialog.current?.showModal();
    return () => returnTo?.focus();
  }, []);
  // After a failure the address is there to correct.
  useEffect(() => {
    if (error) input.current?.focus();
  }, [error]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!saving) onSave(url);
  };

  return (
    <dialog
      ref={dialog}
      className="save-link"
      aria-labelledby="save-link-title"
      aria-describedby="save-link-hint"
      onClose={onClose}
    >
      <form method="dialog" onSubmit={submit}>
        <h2 id="save-link-title">Save a link</h2>
        <p id="save-link-hint" className="panel-hint">
          Gloss fetches the page once and keeps its article to read offline.
        </p>
        <label className="save-link-field">
          Web address
          <input
            ref={input}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://"
            value={url}
            readOnly={!!saving}
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-errormessage={error ? 'save-link-error' : undefined}
            autoFocus
          />
        </label>
        {saving && (
          <p className="save-link-progress" role="status">
            Fetching the article from {saving}…
            <progress aria-label={`Fetching from ${saving}`} />
          </p>
        )}
        {error && (
          <p id="save-link-error" className="save-link-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="bar-button" onClick={() => dialog.current?.close()}>
            {saving ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="primary-button" disabled={!!saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
