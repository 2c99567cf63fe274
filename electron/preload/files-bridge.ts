/**
 * `window.glossFiles`: the path of a file the user dropped on the window. Pages are never given
 * paths by Chromium; the preload asks Electron for the path of a File object the page holds,
 * and the page passes it on to `gloss.importFiles`.
 */
import type { WebUtils } from 'electron';

/** The read-only global the preload exposes for drag and drop. */
export interface GlossFiles {
  /** The file system path of a dropped File, or '' for one that is not on disk. */
  pathFor(file: File): string;
}

/** Builds `window.glossFiles` over Electron's webUtils. */
export function createFilesBridge(webUtils: Pick<WebUtils, 'getPathForFile'>): GlossFiles {
  return Object.freeze({
    pathFor(file: File): string {
      return webUtils.getPathForFile(file);
    },
  });
}
