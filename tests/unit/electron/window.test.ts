import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FakeWebContents } from './fakes.ts';

vi.mock('electron', () => ({ shell: { openExternal: vi.fn(async () => {}) } }));

import type { BrowserWindow, BrowserWindowConstructorOptions, Dialog } from 'electron';
import { createPlatform } from '../../../electron/main/dialogs.ts';
import { createMainWindow } from '../../../electron/main/window.ts';

/** The page colour the renderer's stylesheet paints: the light one, then the system-dark one. */
function stylesheetPaper(): { light: string; dark: string } {
  const css = readFileSync(path.join(__dirname, '../../../renderer/styles.css'), 'utf8');
  const light = /:root\s*\{[^}]*--paper:\s*(#[0-9a-f]{6})/i.exec(css)?.[1];
  const dark = /prefers-color-scheme:\s*dark\)\s*\{[^}]*--paper:\s*(#[0-9a-f]{6})/i.exec(css)?.[1];
  if (!light || !dark) throw new Error('renderer/styles.css: no --paper colour for each theme');
  return { light, dark };
}

class FakeWindow {
  static created: FakeWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly once = vi.fn((name: string, listener: () => void) => {
    this.onceListeners.set(name, listener);
  });
  readonly onceListeners = new Map<string, () => void>();
  readonly show = vi.fn();
  readonly loadURL = vi.fn(async (_url: string) => {});
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeWindow.created.push(this);
  }
}

function create(dark = false) {
  const window = createMainWindow(
    FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow,
    {
      preloadPath: '/app/dist/preload/preload.cjs',
      dark,
    },
  ) as unknown as FakeWindow;
  return window;
}

describe('createMainWindow', () => {
  it('opens hidden, with the size, title and secure preferences', () => {
    const window = create();
    expect(window.options).toMatchObject({
      width: 1200,
      height: 860,
      minWidth: 480,
      minHeight: 400,
      title: 'Gloss',
      show: false,
    });
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: '/app/dist/preload/preload.cjs',
    });
  });

  it('opens in the colour the page paints in the system theme, so it never flashes', () => {
    const paper = stylesheetPaper();
    expect(paper.light).not.toBe(paper.dark);
    expect(create(false).options.backgroundColor?.toLowerCase()).toBe(paper.light.toLowerCase());
    expect(create(true).options.backgroundColor?.toLowerCase()).toBe(paper.dark.toLowerCase());
  });

  it('shows itself once ready to show, and not before', () => {
    const window = create();
    expect(window.show).not.toHaveBeenCalled();
    window.onceListeners.get('ready-to-show')!();
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('loads the app page from the gloss scheme and locks down its contents', () => {
    const window = create();
    expect(window.loadURL).toHaveBeenCalledWith('gloss://app/index.html');
    expect(window.webContents.windowOpenHandler).not.toBeNull();
    expect(
      window.webContents.emitUrlEvent('will-navigate', 'https://example.com/').preventDefault,
    ).toHaveBeenCalled();
  });
});

describe('the save dialog', () => {
  function platformWith(
    result: { canceled: boolean; filePath?: string },
    window: unknown = { id: 1 },
  ) {
    const dialog = { showSaveDialog: vi.fn(async () => result) };
    const app = {
      getPath: vi.fn((name: string) =>
        name === 'documents' ? '/home/reader/Documents' : '/elsewhere',
      ),
    };
    const platform = createPlatform({
      dialog: dialog as unknown as Dialog,
      app: app,
      getWindow: () => window as BrowserWindow | null,
    });
    return { platform, dialog };
  }

  it('starts in Documents with the suggested name and a Markdown filter, attached to the window', async () => {
    const { platform, dialog } = platformWith({
      canceled: false,
      filePath: '/home/reader/Documents/notes.md',
    });
    await expect(platform.chooseSavePath('The Story.md')).resolves.toBe(
      '/home/reader/Documents/notes.md',
    );
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      { id: 1 },
      {
        defaultPath: path.join('/home/reader/Documents', 'The Story.md'),
        filters: [{ name: 'Markdown', extensions: ['md'] }],
      },
    );
  });

  it('resolves to null when cancelled', async () => {
    const { platform } = platformWith({ canceled: true, filePath: '' });
    await expect(platform.chooseSavePath('a.md')).resolves.toBeNull();
  });

  it('keeps a suggested name from naming another folder', async () => {
    const { platform, dialog } = platformWith({ canceled: true }, null);
    await platform.chooseSavePath('../../.bashrc');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: path.join('/home/reader/Documents', '.bashrc') }),
    );
  });
});

describe('the import dialog', () => {
  function platformWith(
    result: { canceled: boolean; filePaths: string[] },
    window: unknown = { id: 1 },
  ) {
    const dialog = { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(async () => result) };
    const platform = createPlatform({
      dialog: dialog,
      app: { getPath: vi.fn(() => '/home/reader/Documents') },
      getWindow: () => window as BrowserWindow | null,
    });
    return { platform, dialog };
  }

  it('asks for several web pages, text or Markdown files, attached to the window', async () => {
    const paths = ['/home/reader/Downloads/story.html', '/home/reader/notes.md'];
    const { platform, dialog } = platformWith({ canceled: false, filePaths: paths });
    await expect(platform.chooseImportFiles!()).resolves.toEqual(paths);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      { id: 1 },
      expect.objectContaining({
        properties: ['openFile', 'multiSelections'],
        filters: expect.arrayContaining([
          { name: 'Articles and saved web pages', extensions: ['html', 'htm', 'txt', 'md'] },
        ]) as unknown,
      }),
    );
  });

  it('resolves to no files when cancelled, and works without a window', async () => {
    const { platform, dialog } = platformWith(
      { canceled: true, filePaths: ['/ignored.html'] },
      null,
    );
    await expect(platform.chooseImportFiles!()).resolves.toEqual([]);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ properties: ['openFile', 'multiSelections'] }),
    );
  });
});
