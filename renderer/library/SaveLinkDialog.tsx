import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SavedLink } from '../../common/api.ts';
import { webAddressOrNull } from '../../common/ingest/web-page.ts';
import { gloss } from '../api.ts';
import { failureText } from '../failure.ts';
import { libraryChanged } from './library-events.ts';

interface Props {
  /** A link dropped or pasted on the library: saving starts at once. */
  initialUrl?: string;
  onSaved: (saved: SavedLink) => void;
  onClose: () => void;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** Why a link was not saved, in words: offline first, since nothing else can be tried then. */
function reasonNotSaved(error: unknown): string {
  return `Not saved: ${failureText(error)}. Nothing was added to your library.`;
}

/**
 * Save link…: a modal dialog (focus stays inside; Esc closes it and focus goes back where it
 * was) that fetches a web page once and saves its article to read offline.
 */
/** Why a link cannot be fetched before trying, or null when it can be. */
function refusal(raw: string): string | null {
  if (!webAddressOrNull(raw.trim()))
    return 'That is not a web address: give one that starts with http:// or https://.';
  if (!navigator.onLine)
    return 'You are offline. Gloss fetches a page once to save it; try again when you are connected.';
  return null;
}

export function SaveLinkDialog({ initialUrl, onSaved, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState(initialUrl ?? '');
  // A dropped or pasted link starts saving at once (unless it cannot be fetched).
  const [error, setError] = useState(() => (initialUrl ? refusal(initialUrl) : null));
  const [saving, setSaving] = useState(() =>
    initialUrl && !refusal(initialUrl) ? hostOf(initialUrl) : null,
  );
  const open = useRef(true);

  /** Fetches and saves; state changes only once the services answer. */
  const fetchAndSave = async (address: string) => {
    try {
      const saved = await gloss.saveLink({ url: address.trim() });
      // Closed while it was fetched: the article is saved all the same and joins the list.
      if (open.current) onSaved(saved);
      else libraryChanged();
    } catch (e) {
      if (!open.current) return;
      setError(reasonNotSaved(e));
      setSaving(null);
      input.current?.focus();
    }
  };

  const save = (raw: string) => {
    const refused = refusal(raw);
    setError(refused);
    if (refused) {
      input.current?.focus();
      return;
    }
    setSaving(hostOf(raw.trim()));
    void fetchAndSave(raw);
  };

  useEffect(() => {
    const returnTo = document.activeElement as HTMLElement | null;
    dialog.current?.showModal();
    if (initialUrl && !refusal(initialUrl)) void fetchAndSave(initialUrl);
    return () => {
      open.current = false;
      returnTo?.focus();
    };
    // Once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- it saves the link given at opening
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!saving) save(url);
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
