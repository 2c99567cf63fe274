/**
 * `window.glossLibrary`: how the page hears that the library changed on disk (an import by the
 * `gloss` command, a note synced from another computer). Only the list of article ids crosses;
 * the IPC event, which carries the sender and ports, never does.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import {
  LIBRARY_CHANGED_CHANNEL,
  isLibraryChanged,
  type LibraryChanged,
} from '../../common/library-events.ts';

/** The read-only global the preload exposes next to `window.gloss`. */
export interface GlossLibrary {
  /**
   * Calls `listener` with each change made on disk by another process. Returns a function that
   * stops listening; call it when the component that listens goes away.
   */
  onChanged(listener: (change: LibraryChanged) => void): () => void;
}

/** Builds `window.glossLibrary` over the given ipcRenderer. */
export function createLibraryBridge(
  ipcRenderer: Pick<IpcRenderer, 'on' | 'removeListener'>,
): GlossLibrary {
  return Object.freeze({
    onChanged(listener: (change: LibraryChanged) => void): () => void {
      if (typeof listener !== 'function')
        throw new TypeError('glossLibrary.onChanged needs a function');
      const relay = (_event: IpcRendererEvent, change: unknown) => {
        if (isLibraryChanged(change)) listener({ articles: [...change.articles] });
      };
      ipcRenderer.on(LIBRARY_CHANGED_CHANNEL, relay);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipcRenderer.removeListener(LIBRARY_CHANGED_CHANNEL, relay);
      };
    },
  });
}
