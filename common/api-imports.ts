/**
 * Importing from the app without the page ever naming a file. Two ways in:
 * - File → Import…: the page calls `gloss.importWithDialog()`; main asks with a native dialog and
 *   imports what the user chose itself.
 * - Drag and drop: the page hands the dropped `File` objects to `glossImports.importDropped`;
 *   the preload resolves them to paths (Electron's webUtils knows the paths of files the user
 *   dropped, and has none for a File the page made) and sends the paths on a channel that only
 *   the preload can reach, because the page has no ipcRenderer.
 * Either way, main reports each file as it ends on the progress channel. Shared by the main
 * process, the preload and the renderer; it imports nothing of ours but types, so that the
 * preload bundle stays small.
 */
import type { ImportSummary } from './api.ts';

/** The IPC channels of importing; neither is part of the page's `window.gloss`. */
export const IMPORT_CHANNELS = {
  /** preload → main: the paths of files the user dropped, as `{ paths }`. */
  dropped: 'gloss:import:dropped',
  /** main → page: one ImportProgressEvent per batch start and per file that ends. */
  progress: 'gloss:import:progress',
} as const;

/** The most files one drop or one dialog imports. */
export const MAX_IMPORT_BATCH = 1000;

/** What became of one file: the summary's entry, named by the file's name (never its path). */
export type ImportResult = ImportSummary['results'][number];

/**
 * Progress of one batch of imports. `start` comes first with the names of its files; then one
 * `file` event per file as it ends, imported or failed with its reason.
 */
export type ImportProgressEvent =
  | { kind: 'start'; batch: number; files: string[] }
  | { kind: 'file'; batch: number; index: number; total: number; result: ImportResult };

const STATUSES = ['imported', 'duplicate', 'updated', 'failed'];

/** True for a well-formed progress event (the preload passes on nothing else). */
export function isImportProgressEvent(value: unknown): value is ImportProgressEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  if (typeof event.batch !== 'number') return false;
  if (event.kind === 'start')
    return Array.isArray(event.files) && event.files.every((f) => typeof f === 'string');
  if (event.kind !== 'file') return false;
  const result = event.result as Record<string, unknown> | null;
  return (
    typeof event.index === 'number' &&
    typeof event.total === 'number' &&
    typeof result === 'object' &&
    result !== null &&
    typeof result.file === 'string' &&
    STATUSES.includes(result.status as string)
  );
}

/** The last part of a path, so that what reaches the page names a file but never where it is. */
export function fileNameOf(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}
