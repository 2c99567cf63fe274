/**
 * The preload (bundled to dist/preload/preload.cjs, run sandboxed with context isolation).
 * It exposes exactly four globals and nothing else:
 * - `window.gloss`: one promise-returning function per entry of the API table;
 * - `window.glossMenu`: `on(listener)` for menu commands, returning an unsubscribe function;
 * - `window.glossFiles`: `pathFor(file)`, the path of a dropped file, for importing it;
 * - `window.glossLibrary`: `onChanged(listener)` for changes another process made on disk.
 * It imports the channel names only (common/api-channels.ts), never the argument schemas, so
 * that no schema library is bundled into it.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge, type Envelope } from '../../common/api-channels.ts';
import { createFilesBridge } from './files-bridge.ts';
import { createLibraryBridge } from './library-bridge.ts';
import { createMenuBridge } from './menu-bridge.ts';

contextBridge.exposeInMainWorld(
  'gloss',
  createBridge((channel, arg) => ipcRenderer.invoke(channel, arg) as Promise<Envelope<unknown>>),
);
contextBridge.exposeInMainWorld('glossMenu', createMenuBridge(ipcRenderer));
contextBridge.exposeInMainWorld('glossFiles', createFilesBridge(webUtils));
contextBridge.exposeInMainWorld('glossLibrary', createLibraryBridge(ipcRenderer));
