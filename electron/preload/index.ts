/**
 * The preload (bundled to dist/preload/preload.cjs, run sandboxed with context isolation).
 * It exposes exactly four globals and nothing else:
 * - `window.gloss`: one promise-returning function per entry of the API table;
 * - `window.glossMenu`: `on(listener)` for menu commands, returning an unsubscribe function;
 * - `window.glossImports`: `importDropped(files)` for the File objects of a drop, whose paths are
 *   looked up here and never shown to the page, and `onProgress(listener)`;
 * - `window.glossLibrary`: `onChanged(listener)` for changes another process made on disk.
 * None of them takes a path: the page cannot name a file to read.
 * It imports the channel names only (common/api-channels.ts), never the argument schemas, so
 * that no schema library is bundled into it.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge, type Envelope } from '../../common/api-channels.ts';
import { createImportsBridge } from './imports-bridge.ts';
import { createLibraryBridge } from './library-bridge.ts';
import { createMenuBridge } from './menu-bridge.ts';

contextBridge.exposeInMainWorld(
  'gloss',
  createBridge((channel, arg) => ipcRenderer.invoke(channel, arg) as Promise<Envelope<unknown>>),
);
contextBridge.exposeInMainWorld('glossMenu', createMenuBridge(ipcRenderer));
contextBridge.exposeInMainWorld('glossImports', createImportsBridge({ webUtils, ipcRenderer }));
contextBridge.exposeInMainWorld('glossLibrary', createLibraryBridge(ipcRenderer));
