/**
 * The application menu, as a pure template so that it can be checked without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './menu-commands.ts';

/** What the template depends on. */
export interface MenuOptions {
  /** macOS puts About and Quit in an application menu of its own. */
  isMac: boolean;
  /** Reload and developer tools exist only in development. */
  isDev: boolean;
  /** Delivers a command to the focused window's page. */
  send: (command: MenuCommand) => void;
  /** Shows File → Import…; off until the renderer can import. */
  canImport?: boolean;
  /** The name shown on macOS's application menu. */
  appName?: string;
}

/** The accelerator of File → Export notes…. */
export const EXPORT_NOTES_ACCELERATOR = 'CmdOrCtrl+Shift+E';

/** The accelerator of File → Save link… (renderer/accelerators.ts lists it for the page). */
export const SAVE_LINK_ACCELERATOR = 'CmdOrCtrl+L';

/** Builds the menu template: File, Edit, View (and Window on macOS), Help. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { isMac, isDev, send } = options;
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      label: options.appName ?? 'Gloss',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }

  const file: MenuItemConstructorOptions[] = [];
  if (options.canImport) {
    file.push({ label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => send('import') });
    file.push({
      label: 'Save link…',
      accelerator: SAVE_LINK_ACCELERATOR,
      click: () => send('save-link'),
    });
  }
  file.push({
    label: 'Export notes…',
    accelerator: EXPORT_NOTES_ACCELERATOR,
    click: () => send('export-notes'),
  });
  file.push({ label: 'Export all…', click: () => send('export-all') });
  if (options.canImport) {
    file.push(
      { type: 'separator' },
      { label: 'Import feeds (OPML)…', click: () => send('import-opml') },
      { label: 'Export feeds (OPML)…', click: () => send('export-opml') },
    );
  }
  file.push({ type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' });
  template.push({ label: 'File', submenu: file });

  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });

  const view: MenuItemConstructorOptions[] = [];
  if (isDev) {
    view.push(
      { role: 'reload' },
      { role: 'forceReload' },
      { role: 'toggleDevTools' },
      { type: 'separator' },
    );
  }
  view.push(
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  );
  template.push({ label: 'View', submenu: view });

  if (isMac) template.push({ role: 'windowMenu' });

  // On macOS About already sits in the application menu.
  template.push({ role: 'help', submenu: isMac ? [] : [{ role: 'about' }] });

  return template;
}
