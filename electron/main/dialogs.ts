/**
 * The Platform the API implementation asks for native things: where to save an export, which
 * files to import (main imports them itself; the page only hears their names), and the window
 * that hears how an import goes.
 */
import path from 'node:path';
import type { App, BrowserWindow, Dialog } from 'electron';
import { IMPORT_CHANNELS } from '../../common/api-imports.ts';
import type { Platform } from '../services/api-implementation.ts';

/** The kinds of file File → Import… offers. */
export const IMPORT_FILTERS = [
  { name: 'Articles and saved web pages', extensions: ['html', 'htm', 'txt', 'md'] },
  { name: 'Saved web pages', extensions: ['html', 'htm'] },
  { name: 'Text and Markdown', extensions: ['txt', 'md'] },
];

/** What the dialogs need from Electron. */
export interface DialogDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  app: Pick<App, 'getPath'>;
  /** The window the dialog belongs to (sheet on macOS), or null for a free-standing dialog. */
  getWindow: () => BrowserWindow | null;
}

/** The desktop Platform: native save dialog, starting in the user's Documents folder. */
export function createPlatform(deps: DialogDeps): Platform {
  return {
    async chooseSavePath(suggestedName, kind = 'markdown') {
      // The name comes from the article's title; keep it a name, never a path.
      const name = path.basename(suggestedName);
      const options = {
        defaultPath: path.join(deps.app.getPath('documents'), name),
        filters: [
          kind === 'opml'
            ? { name: 'OPML list of feeds', extensions: ['opml', 'xml'] }
            : { name: 'Markdown', extensions: ['md'] },
        ],
      };
      const window = deps.getWindow();
      const result = window
        ? await deps.dialog.showSaveDialog(window, options)
        : await deps.dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      return result.filePath;
    },
    async chooseImportFiles() {
      const options = {
        title: 'Import articles',
        buttonLabel: 'Import',
        properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>,
        filters: IMPORT_FILTERS,
      };
      const window = deps.getWindow();
      const result = window
        ? await deps.dialog.showOpenDialog(window, options)
        : await deps.dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    importProgress(event) {
      const window = deps.getWindow();
      if (window && !window.isDestroyed()) window.webContents.send(IMPORT_CHANNELS.progress, event);
    },
    async chooseExportFolder() {
      const options = {
        title: 'Export notes of every article',
        buttonLabel: 'Export here',
        defaultPath: deps.app.getPath('documents'),
        properties: ['openDirectory', 'createDirectory'] as Array<
          'openDirectory' | 'createDirectory'
        >,
      };
      const window = deps.getWindow();
      const result = window
        ? await deps.dialog.showOpenDialog(window, options)
        : await deps.dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseOpmlFile() {
      const options = {
        title: 'Import feeds',
        buttonLabel: 'Subscribe',
        properties: ['openFile'] as Array<'openFile'>,
        filters: [{ name: 'OPML list of feeds', extensions: ['opml', 'xml'] }],
      };
      const window = deps.getWindow();
      const result = window
        ? await deps.dialog.showOpenDialog(window, options)
        : await deps.dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
