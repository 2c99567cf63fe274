/**
 * The main process entry (bundled to dist/main/main.cjs). It wires the pieces together and
 * holds no logic of its own worth testing apart from the order of things: the scheme before
 * ready, the session locked before any page loads, the API registered before the window asks.
 */
import path from 'node:path';
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  nativeTheme,
  protocol,
  session,
} from 'electron';
import { messageOf } from '../../common/errors.ts';
import { createChannelHandlers } from '../../common/api.ts';
import { createApiImplementation } from '../services/api-implementation.ts';
import { dataFlagFrom, resolveDataDir } from '../services/data-dir.ts';
import { openLibrary } from '../services/open-library.ts';
import { LIBRARY_CHANGED_CHANNEL } from '../services/library.ts';
import { createPlatform } from './dialogs.ts';
import { registerApi } from './ipc.ts';
import { buildMenuTemplate } from './menu.ts';
import { MENU_CHANNEL } from './menu-commands.ts';
import type { MenuCommand } from './menu-commands.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { lockDownContents, lockDownSession } from './security.ts';
import { createMainWindow } from './window.ts';

let mainWindow: BrowserWindow | null = null;

function openWindow(): BrowserWindow {
  const window = createMainWindow(BrowserWindow, {
    preloadPath: path.join(app.getAppPath(), 'dist/preload/preload.cjs'),
    dark: nativeTheme.shouldUseDarkColors,
  });
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  return window;
}

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  if (target && !target.isDestroyed()) target.webContents.send(MENU_CHANNEL, command);
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function whenReady(dataDir: string): Promise<void> {
  await app.whenReady();
  // Before anything can load: no permissions, no network, no stray navigation.
  lockDownSession(session.defaultSession);

  let library;
  try {
    ({ library } = await openLibrary(dataDir, { seed: true, appRoot: app.getAppPath() }));
  } catch (error) {
    // The store refuses what it cannot read safely; we stop rather than start empty and risk
    // writing over the user's notes.
    dialog.showErrorBox(
      'Gloss could not open its library',
      `${messageOf(error)}\n\nLibrary folder: ${dataDir}\n\nNothing in the folder was changed.`,
    );
    app.exit(1);
    return;
  }

  serveRenderer(
    protocol,
    path.join(app.getAppPath(), 'dist/renderer'),
    path.join(dataDir, 'media'),
  );
  const platform = createPlatform({ dialog, app, getWindow: () => mainWindow });
  registerApi(ipcMain, createChannelHandlers(createApiImplementation(library, platform)));

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isMac: process.platform === 'darwin',
        isDev: !app.isPackaged,
        send: sendMenuCommand,
        canImport: true,
      }),
    ),
  );
  openWindow();
  // Load (or build) the search index while the reader looks at the library, not on the first
  // keystroke in the search box. A failure is not fatal: searching builds it again.
  void Promise.resolve(library.search?.warm()).catch(() => undefined);
  // What `gloss` or another device changes in the folder reaches the window within a second or
  // two (the renderer reloads what it shows on this event).
  library.store.watch?.();
  library.onChanged?.((change) => {
    if (mainWindow && !mainWindow.isDestroyed())
      mainWindow.webContents.send(LIBRARY_CHANGED_CHANNEL, change);
  });
  let storeClosed = false;
  app.on('before-quit', (event?: Electron.Event) => {
    void Promise.resolve(library.search?.flush()).catch(() => undefined);
    // Let a change still being written finish, and fold the log, before the process ends.
    if (storeClosed || !library.store.close) return;
    event?.preventDefault();
    void library.store
      .close()
      .catch(() => undefined)
      .finally(() => {
        storeClosed = true;
        app.quit();
      });
  });

  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open brings one back.
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

/**
 * Starts the app. Resolves once the window is open, or at once when another instance already
 * runs on the same data folder. Exported so that tests can wait for it.
 */
export async function start(): Promise<void> {
  // Chromium fixes privileged schemes at start-up: this must precede ready.
  registerAppScheme();
  app.enableSandbox();

  // The data folder becomes userData before anything else uses it, so that Chromium's own
  // files and the single-instance lock both follow `--data`: two windows on one library
  // would be two writers on one store.
  const defaultUserData = app.getPath('userData');
  const dataDir = resolveDataDir(dataFlagFrom(process.argv), process.env, defaultUserData);
  if (dataDir !== path.resolve(defaultUserData)) app.setPath('userData', dataDir);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', focusMainWindow);

  // Defence in depth: every webContents, however it came to be, gets the same restrictions.
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  try {
    await whenReady(dataDir);
  } catch (error) {
    dialog.showErrorBox('Gloss could not start', messageOf(error));
    app.exit(1);
  }
}

/** The running start-up; tests await it. */
export const started: Promise<void> = start();
