/**
 * The globals the preload gives the renderer (see electron/preload/index.ts).
 */
import type { GlossApi } from '../../common/api.ts';
import type { GlossImports } from './imports-bridge.ts';
import type { GlossLibrary } from './library-bridge.ts';
import type { GlossMenu } from './menu-bridge.ts';

declare global {
  interface Window {
    /** The library API: one function per entry of common/api.ts's table. */
    readonly gloss: GlossApi;
    /** Menu commands from the application menu; `on` returns an unsubscribe function. */
    readonly glossMenu: GlossMenu;
    /**
     * Importing: `importDropped(files)` for the File objects of a drop (their paths never reach
     * the page), and `onProgress(listener)` for how each import goes.
     */
    readonly glossImports: GlossImports;
    /** Changes another process (the `gloss` command, a sync engine) made to the library. */
    readonly glossLibrary: GlossLibrary;
  }
}

export {};
