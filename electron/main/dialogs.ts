/**
 * The Platform the API implementation asks for native things: here, where to save an export.
 */
import path from 'node:path';
import type { App, BrowserWindow, Dialog } from 'electron';
import type { Platform } from '../services/api-implementation.ts';

/** What the save dialog needs from Electron. */
export interface DialogDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  app: Pick<App, 'getPath'>;
  /** The window the dialog belongs to (sheet on macOS), or null for a free-standing dialog. */
  getWindow: () => BrowserWindow | null;
}

/** The desktop Platform: native save dialog, starting in the user's Documents folder. */
export function createPlatform(deps: DialogDeps): Platform {
  return {
    async chooseSavePath(suggestedName) {
      // The name comes from the article's title; keep it a name, never a path.
      const name = path.basename(suggestedName);
      const options = {
        defaultPath: path.join(deps.app.getPath('documents'), name),
        filters: [{ name: 'Markdown', extensions: ['md'] }],
      };
      const window = deps.getWindow();
      const result = window ? await deps.dialog.showSaveDialog(window, options) : await deps.dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      return result.filePath;
    },
  };
}
