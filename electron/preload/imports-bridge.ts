/**
 * `window.glossImports`: importing files the user dropped, and hearing how imports go. The page
 * hands over the File objects of a drop; their paths are looked up here, through Electron's
 * webUtils, and go to main without the page ever seeing them. A File the page made itself has
 * no path and is refused, so the page cannot name a file to import.
 */
import type { IpcRenderer, IpcRendererEvent, WebUtils } from 'electron';
import type { ImportSummary } from '../../common/api.ts';
import { errorFromEnvelope, type Envelope } from '../../common/api-channels.ts';
import {
  IMPORT_CHANNELS,
  MAX_IMPORT_BATCH,
  fileNameOf,
  isImportProgressEvent,
  type ImportProgressEvent,
  type ImportResult,
} from '../../common/api-imports.ts';
import { hasImportableExtension, notAnArticleReason } from '../../common/ingest/extensions.ts';

/** The read-only global the preload exposes for importing. */
export interface GlossImports {
  /**
   * Imports the files of a drop (pass `[...event.dataTransfer.files]`), one at a time, and
   * resolves to what became of each, in the order given. Files that are not on disk fail alone.
   */
  importDropped(files: readonly File[]): Promise<ImportSummary>;
  /**
   * Calls `listener` as imports go: a batch's start, then each file as it ends (from drops and
   * from File → Import… alike). Returns a function that stops listening.
   */
  onProgress(listener: (event: ImportProgressEvent) => void): () => void;
}

/** What the bridge needs from Electron. */
export interface ImportsBridgeDeps {
  webUtils: Pick<WebUtils, 'getPathForFile'>;
  ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;
}

/** Why a File without a path is not imported. */
export const NOT_ON_DISK = 'not a file on this computer: drop files from a folder to import them';

/** The path of a dropped file, or '' for anything else (a File the page made, a non-File). */
function pathOf(webUtils: ImportsBridgeDeps['webUtils'], file: unknown): string {
  try {
    return webUtils.getPathForFile(file as File);
  } catch {
    return '';
  }
}

/** A file's name for the summary; whatever the page passed, only a short string comes back. */
function nameOf(file: unknown): string {
  const name = (file as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name !== '' ? fileNameOf(name).slice(0, 255) : 'a file';
}

/** Builds `window.glossImports` over Electron's webUtils and ipcRenderer. */
export function createImportsBridge(deps: ImportsBridgeDeps): GlossImports {
  return Object.freeze({
    async importDropped(files: readonly File[]): Promise<ImportSummary> {
      if (!Array.isArray(files)) throw new TypeError('glossImports.importDropped needs an array');
      // Each entry is either a failure known here or the index of a path sent to main.
      const results: Array<ImportResult | number> = [];
      const paths: string[] = [];
      for (const file of files.slice(0, MAX_IMPORT_BATCH)) {
        const path = pathOf(deps.webUtils, file);
        const name = path ? fileNameOf(path) : nameOf(file);
        if (!path) results.push({ file: name, status: 'failed', error: NOT_ON_DISK });
        else if (!hasImportableExtension(name))
          results.push({ file: name, status: 'failed', error: notAnArticleReason(name) });
        else results.push(paths.push(path) - 1);
      }
      let imported: ImportResult[] = [];
      if (paths.length) {
        const answer = (await deps.ipcRenderer.invoke(IMPORT_CHANNELS.dropped, {
          paths,
        })) as Envelope<ImportSummary>;
        if (!answer.ok) throw errorFromEnvelope(answer.error);
        imported = answer.value.results;
      }
      return {
        results: results.map((r) =>
          typeof r === 'number'
            ? (imported[r] ?? { file: fileNameOf(paths[r]!), status: 'failed', error: 'not read' })
            : r,
        ),
      };
    },
    onProgress(listener: (event: ImportProgressEvent) => void): () => void {
      if (typeof listener !== 'function')
        throw new TypeError('glossImports.onProgress needs a function');
      const relay = (_event: IpcRendererEvent, progress: unknown) => {
        if (isImportProgressEvent(progress)) listener(progress);
      };
      deps.ipcRenderer.on(IMPORT_CHANNELS.progress, relay);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        deps.ipcRenderer.removeListener(IMPORT_CHANNELS.progress, relay);
      };
    },
  });
}
