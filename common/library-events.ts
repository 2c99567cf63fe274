/**
 * What the main process tells the window when another process (the `gloss` command, a
 * file-sync engine) changed the library on disk. Shared by the main process, the preload and
 * the renderer; it imports nothing so that the preload bundle stays small.
 */

/** The IPC channel on which changes on disk reach the renderer (see `window.glossLibrary`). */
export const LIBRARY_CHANGED_CHANNEL = 'gloss:library:changed';

/** The articles whose row (title, tags, trash…), text or highlights changed. */
export interface LibraryChanged {
  articles: string[];
}

/** At most this many ids cross in one event; more than that means "reload everything". */
const MAX_IDS = 100_000;

/** True for a well-formed change event (the preload passes on nothing else). */
export function isLibraryChanged(value: unknown): value is LibraryChanged {
  if (typeof value !== 'object' || value === null) return false;
  const { articles } = value as { articles?: unknown };
  return (
    Array.isArray(articles) &&
    articles.length <= MAX_IDS &&
    articles.every((id) => typeof id === 'string' && id.length <= 128)
  );
}
