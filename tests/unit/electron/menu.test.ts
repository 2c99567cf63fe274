import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../electron/main/menu.ts';

/** Every item of a template, submenus included. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

const roles = (items: MenuItemConstructorOptions[]) =>
  flatten(items)
    .map((item) => item.role)
    .filter(Boolean);

describe.each([
  ['Windows/Linux', false],
  ['macOS', true],
])('the menu on %s', (_label, isMac) => {
  it('has File → Export notes… on CmdOrCtrl+Shift+E sending export-notes', () => {
    const send = vi.fn();
    const template = buildMenuTemplate({ isMac, isDev: false, send });
    const file = template.find((item) => item.label === 'File');
    const exportItem = (file?.submenu as MenuItemConstructorOptions[]).find(
      (item) => item.label === 'Export notes…',
    );
    expect(exportItem?.accelerator).toBe('CmdOrCtrl+Shift+E');
    (exportItem!.click as () => void)();
    expect(send).toHaveBeenCalledWith('export-notes');
  });

  it('has no reload or developer tools in production', () => {
    const production = roles(buildMenuTemplate({ isMac, isDev: false, send: vi.fn() }));
    expect(production).not.toContain('toggleDevTools');
    expect(production).not.toContain('reload');
    expect(production).not.toContain('forceReload');
    // The accelerators of those roles must not be reachable through a custom item either.
    const accelerators = flatten(buildMenuTemplate({ isMac, isDev: false, send: vi.fn() })).map(
      (i) => i.accelerator,
    );
    expect(accelerators).not.toContain('CmdOrCtrl+Shift+I');
  });

  it('has reload and developer tools in development', () => {
    const development = roles(buildMenuTemplate({ isMac, isDev: true, send: vi.fn() }));
    expect(development).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('has the edit, zoom and full-screen roles, quit and about', () => {
    const all = roles(buildMenuTemplate({ isMac, isDev: false, send: vi.fn() }));
    expect(all).toEqual(
      expect.arrayContaining([
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'resetZoom',
        'zoomIn',
        'zoomOut',
        'togglefullscreen',
        'quit',
        'about',
      ]),
    );
  });

  it('offers Import… only when the app can import', () => {
    const labels = (canImport: boolean) =>
      flatten(buildMenuTemplate({ isMac, isDev: false, send: vi.fn(), canImport })).map(
        (item) => item.label,
      );
    expect(labels(false)).not.toContain('Import…');
    expect(labels(true)).toContain('Import…');
  });
});

it('puts the application menu first on macOS only', () => {
  expect(
    buildMenuTemplate({ isMac: true, isDev: false, send: vi.fn(), appName: 'Gloss' })[0]?.label,
  ).toBe('Gloss');
  expect(buildMenuTemplate({ isMac: false, isDev: false, send: vi.fn() })[0]?.label).toBe('File');
});
