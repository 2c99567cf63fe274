import { useCallback, useRef, useState } from 'react';
import type { SavedLink } from '../../common/api.ts';
import { webAddressOrNull } from '../../common/ingest/web-page.ts';
import { gloss } from '../api.ts';
import { failureText } from '../failure.ts';
import { libraryChanged } from './library-events.ts';

/** The Save link dialog's state: the address, and whether it is being fetched or failed. */
export interface LinkSaving {
  url: string;
  /** Dropped or pasted on the library (it joins the list) rather than typed (it opens). */
  dropped: boolean;
  /** The site being fetched from, while it is. */
  saving: string | null;
  error: string | null;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** Why a link cannot be fetched before trying, or null when it can be. */
function refusal(raw: string): string | null {
  if (!webAddressOrNull(raw.trim()))
    return 'That is not a web address: give one that starts with http:// or https://.';
  if (!navigator.onLine)
    return 'You are offline. Gloss fetches a page once to save it; try again when you are connected.';
  return null;
}

/**
 * Saving links: `open` shows the dialog empty, `save` fetches an address (typed, dropped or
 * pasted) and calls `onSaved` when it is in the library. A dialog closed while its page is
 * fetched lets the save finish: the article joins the list all the same.
 */
export function useLinkSaving(onSaved: (saved: SavedLink, dropped: boolean) => void) {
  const [state, setState] = useState<LinkSaving | null>(null);
  /** The save the dialog is waiting for; another (or none) once it was closed. */
  const current = useRef<object | null>(null);

  const save = (raw: string, dropped: boolean) => {
    const url = raw.trim();
    const refused = refusal(url);
    setState({ url, dropped, saving: refused ? null : hostOf(url), error: refused });
    if (refused) return;
    const token = {};
    current.current = token;
    gloss.saveLink({ url }).then(
      (saved) => {
        if (current.current !== token) return libraryChanged();
        current.current = null;
        setState(null);
        onSaved(saved, dropped);
      },
      (error: unknown) => {
        if (current.current !== token) return;
        current.current = null;
        const reason = `Not saved: ${failureText(error)}. Nothing was added to your library.`;
        setState((s) => s && { ...s, saving: null, error: reason });
      },
    );
  };

  const open = useCallback(
    () => setState((s) => s ?? { url: '', dropped: false, saving: null, error: null }),
    [],
  );
  return {
    state,
    open,
    save,
    close: () => {
      current.current = null;
      setState(null);
    },
  };
}
