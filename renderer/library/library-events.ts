/**
 * "The library changed": said by what adds articles while the library is on screen (a feed
 * refresh on its schedule, a saved link), heard by the library view, which lists again without
 * losing its search, filters or scroll position.
 */
type Listener = () => void;

const listeners = new Set<Listener>();

/** Calls `listener` whenever articles were added or changed; returns a function that stops it. */
export function onLibraryChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every listener that the library changed. */
export function libraryChanged(): void {
  for (const listener of [...listeners]) listener();
}
