/**
 * `window.glossMenu`: how the page hears menu commands (File → Export notes…). Only the
 * command string crosses; the IPC event, which carries the sender and ports, never does.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { MENU_CHANNEL, isMenuCommand } from '../../common/api-menu.ts';

/** The read-only global the preload exposes next to `window.gloss`. */
export interface GlossMenu {
  /**
   * Calls `listener` with each menu command ('export-notes', …) sent to this window. Returns a
   * function that stops listening; call it when the component that listens goes away.
   */
  on(listener: (command: string) => void): () => void;
}

/** Builds `window.glossMenu` over the given ipcRenderer. */
export function createMenuBridge(
  ipcRenderer: Pick<IpcRenderer, 'on' | 'removeListener'>,
): GlossMenu {
  return Object.freeze({
    on(listener: (command: string) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('glossMenu.on needs a function');
      const relay = (_event: IpcRendererEvent, command: unknown) => {
        if (isMenuCommand(command)) listener(command);
      };
      ipcRenderer.on(MENU_CHANNEL, relay);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipcRenderer.removeListener(MENU_CHANNEL, relay);
      };
    },
  });
}
