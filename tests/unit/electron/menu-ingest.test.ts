import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, SAVE_LINK_ACCELERATOR } from '../../../electron/main/menu.ts';
import { ACCELERATORS } from '../../../renderer/accelerators.ts';

function fileMenu(): MenuItemConstructorOptions[] {
  const send = vi.fn();
  const template = buildMenuTemplate({ isMac: false, isDev: false, send, canImport: true });
  return template.find((item) => item.label === 'File')!.submenu as MenuItemConstructorOptions[];
}

describe('File menu items for links and feeds', () => {
  it('sends save-link, import-opml and export-opml from their items', () => {
    const send = vi.fn();
    const file = buildMenuTemplate({ isMac: false, isDev: false, send, canImport: true }).find(
      (item) => item.label === 'File',
    )!.submenu as MenuItemConstructorOptions[];
    for (const [label, command] of [
      ['Save link…', 'save-link'],
      ['Import feeds (OPML)…', 'import-opml'],
      ['Export feeds (OPML)…', 'export-opml'],
    ]) {
      const item = file.find((i) => i.label === label);
      (item!.click as () => void)();
      expect(send).toHaveBeenLastCalledWith(command);
    }
  });

  it('gives Save link… the same key in the menu and in the page, so ? lists it', () => {
    const item = fileMenu().find((i) => i.label === 'Save link…');
    expect(item?.accelerator).toBe(SAVE_LINK_ACCELERATOR);
    const page = ACCELERATORS.find((a) => a.command === 'save-link');
    expect(page).toMatchObject({ key: 'l', shift: false, keys: 'Ctrl/Cmd+L' });
    expect(SAVE_LINK_ACCELERATOR).toBe(`CmdOrCtrl+${page!.key.toUpperCase()}`);
  });
});
