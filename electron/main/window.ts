/**
 * The main window: secure preferences, locked-down contents, shown only once painted so that
 * the user never sees a blank white frame.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_INDEX_URL } from './protocol.ts';
import { lockDownContents, secureWebPreferences } from './security.ts';

/** The page background before the renderer paints, matching the renderer's themes. */
export const BACKGROUND_LIGHT = '#fbf9f4';
/** As BACKGROUND_LIGHT, for the dark theme. */
export const BACKGROUND_DARK = '#1c1b19';

/** What the main window needs to know. */
export interface MainWindowOptions {
  /** Absolute path of the built preload (dist/preload/preload.cjs). */
  preloadPath: string;
  /** Whether the system uses dark colours (nativeTheme.shouldUseDarkColors). */
  dark: boolean;
  /** The page to load; the app's index unless a test says otherwise. */
  url?: string;
}

/** The window options, separate so that they can be checked without a window. */
export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 860,
    minWidth: 480,
    minHeight: 400,
    title: 'Gloss',
    backgroundColor: options.dark ? BACKGROUND_DARK : BACKGROUND_LIGHT,
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath),
  };
}

/** Creates, locks down and loads the main window. */
export function createMainWindow(
  BrowserWindowClass: new (options: BrowserWindowConstructorOptions) => BrowserWindow,
  options: MainWindowOptions,
): BrowserWindow {
  const window = new BrowserWindowClass(mainWindowOptions(options));
  lockDownContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.url ?? APP_INDEX_URL).catch((error: unknown) => {
    // The page is part of the app; if it cannot load, the build is broken. Show the window
    // anyway so that the failure is visible rather than an invisible running process.
    console.error('Gloss: could not load the app page:', error);
    window.show();
  });
  return window;
}
