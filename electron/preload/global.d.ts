/**
 * The globals the preload gives the renderer (see electron/preload/index.ts).
 */
import type { GlossApi } from '../../common/api.ts';
import type { GlossFiles } from './files-bridge.ts';
import type { GlossLibrary } from './library-bridge.ts';
import type { GlossMenu } from './menu-bridge.ts';

declare global {
  interface Window {
    /** The library API: one function per entry of common/api.ts's table. */
    readonly gloss: GlossApi;
    /** Menu commands from the application menu; `on` returns an unsubscribe function. */
    readonly glossMenu: GlossMenu;
    /**
     * For drag and drop: `pathFor(file)` is the path of a dropped file, to pass to
     * `gloss.importFiles`.
     */
    readonly glossFiles: GlossFiles;
    /** Changes another process (the `gloss` command, a sync engine) made to the library. */
    readonly glossLibrary: GlossLibrary;
  }
}

export {};
