import type { GlossApi } from '../common/api.ts';

/** The bridge the preload exposes: the only way the renderer reaches the library. */
export const gloss: GlossApi = (window as unknown as { gloss: GlossApi }).gloss;

type Listener = (command: string) => void;

/** Listeners for commands that come from the page's own accelerators (see accelerators.ts). */
const pageListeners = new Set<Listener>();

/**
 * Menu commands (File → Export notes…): sent by the main process when running in the app, or
 * given by the page's own accelerators, so that the keys work wherever the page has focus.
 */
export function onMenuCommand(listener: Listener): () => void {
  const menu = (window as unknown as { glossMenu?: { on(l: Listener): () => void } }).glossMenu;
  const off = menu ? menu.on(listener) : () => {};
  pageListeners.add(listener);
  return () => {
    off();
    pageListeners.delete(listener);
  };
}

/** Runs a menu command as if it had come from the menu. */
export function runMenuCommand(command: string): void {
  for (const listener of [...pageListeners]) listener(command);
}
