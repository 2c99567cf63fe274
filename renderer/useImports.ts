/**
 * Importing from the page: drops and File → Import…. The page never holds a path: a drop's File
 * objects go to the preload (`window.glossImports`), which looks their paths up; the dialog is
 * main's, which imports what was chosen itself. Both report each file as it ends, and this hook
 * turns those reports into the progress and summary the ImportStatus panel shows.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportSummary } from '../common/api.ts';
import type { ImportProgressEvent } from '../common/api-imports.ts';
import { gloss } from './api.ts';
import { failureText } from './failure.ts';
import type { ImportProgress } from './library/ImportStatus.tsx';

/** The preload's import global (electron/preload/imports-bridge.ts), as the page sees it. */
interface ImportsBridge {
  importDropped(files: readonly File[]): Promise<ImportSummary>;
  onProgress(listener: (event: ImportProgressEvent) => void): () => void;
}

const bridge = (): ImportsBridge | undefined =>
  (window as unknown as { glossImports?: ImportsBridge }).glossImports;

/** A summary holding one failure: what a batch that could not start at all shows. */
const failedBatch = (error: unknown): ImportProgress => ({
  done: 0,
  total: 0,
  current: null,
  summary: { results: [{ file: '', status: 'failed', error: failureText(error) }] },
});

/**
 * The import panel's state and the two ways to import. `onImported` runs after each batch, so
 * that the library shows what arrived.
 */
export function useImports(onImported: () => void) {
  const [importing, setImporting] = useState<ImportProgress | null>(null);
  // Only the newest batch's reports move the panel; an older one still running is summed up
  // when it ends.
  const batch = useRef<{ id: number; files: string[] } | null>(null);

  useEffect(
    () =>
      bridge()?.onProgress((event) => {
        if (event.kind === 'start') {
          batch.current = { id: event.batch, files: event.files };
          const total = event.files.length;
          setImporting({ done: 0, total, current: event.files[0] ?? null, summary: null });
        } else if (batch.current?.id === event.batch) {
          const { files } = batch.current;
          const done = event.index + 1;
          const current = files[done] ?? null;
          setImporting({ done, total: event.total, current, summary: null });
        }
      }),
    [],
  );

  const finish = useCallback(
    (summary: ImportSummary) => {
      // A report still on its way cannot turn the summary back into progress.
      batch.current = null;
      if (summary.results.length)
        setImporting({ done: summary.results.length, total: 0, current: null, summary });
      onImported();
    },
    [onImported],
  );

  /** Imports the files of a drop (the File objects themselves: the preload finds their paths). */
  const importDropped = useCallback(
    async (files: File[]) => {
      if (!files.length) return;
      const imports = bridge();
      try {
        if (!imports) throw new Error('importing dropped files needs the desktop app');
        finish(await imports.importDropped(files));
      } catch (error) {
        setImporting(failedBatch(error));
      }
    },
    [finish],
  );

  /** File → Import…: main asks which files and imports them; nothing when cancelled. */
  const importWithDialog = useCallback(async () => {
    try {
      finish(await gloss.importWithDialog());
    } catch (error) {
      setImporting(failedBatch(error));
    }
  }, [finish]);

  const close = useCallback(() => setImporting(null), []);
  return { importing, importDropped, importWithDialog, close };
}
