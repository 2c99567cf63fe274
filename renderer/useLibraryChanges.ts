import { useEffect, useEffectEvent } from 'react';
import type { LibraryChanged } from '../common/library-events.ts';

/** Changes arriving this close together are passed on as one. */
const GATHER_MS = 100;

type Subscribe = (listener: (change: LibraryChanged) => void) => () => void;

/** The preload's `glossLibrary.onChanged`, or null outside the app (a plain browser). */
function subscriber(): Subscribe | null {
  const bridge = (window as unknown as { glossLibrary?: { onChanged?: Subscribe } }).glossLibrary;
  return typeof bridge?.onChanged === 'function' ? bridge.onChanged.bind(bridge) : null;
}

/**
 * Calls `onChange` with the ids of the articles another process changed on disk (an import or
 * an annotation by the `gloss` command, a note synced from another computer), so that what the
 * window shows can be read again. A burst of changes comes as one call. The callback may
 * change between renders; the subscription is made once.
 */
export function useLibraryChanges(onChange: (articles: string[]) => void): void {
  const deliver = useEffectEvent((articles: string[]) => onChange(articles));
  useEffect(() => {
    const subscribe = subscriber();
    if (!subscribe) return;
    let gathered = new Set<string>();
    let timer: number | undefined;
    const off = subscribe(({ articles }) => {
      for (const id of articles) gathered.add(id);
      timer ??= window.setTimeout(() => {
        timer = undefined;
        const ids = [...gathered];
        gathered = new Set();
        deliver(ids);
      }, GATHER_MS);
    });
    return () => {
      off();
      window.clearTimeout(timer);
    };
  }, []);
}
