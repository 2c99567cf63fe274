import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeSession, FakeWebContents, senderEvent } from './fakes.ts';

type FakeWebContentsLike = { send: ReturnType<typeof vi.fn> };

/** Everything the entry touches, recorded in one ordered log. */
const h = vi.hoisted(() => {
  const log: string[] = [];
  const state = {
    log,
    resolveReady: (): void => {},
    ready: Promise.resolve(),
    lock: true,
    appListeners: new Map<string, (...args: unknown[]) => void>(),
    handled: new Map<string, (event: unknown, arg: unknown) => Promise<unknown>>(),
    windows: [] as Array<{
      options: Record<string, unknown>;
      loadURL: ReturnType<typeof vi.fn>;
      focus: ReturnType<typeof vi.fn>;
      restore: ReturnType<typeof vi.fn>;
      webContents: FakeWebContentsLike;
    }>,
  };
  return state;
});

const fakes = vi.hoisted((): { session: FakeSession | null } => ({ session: null }));

vi.mock('electron', async () => {
  const { FakeSession: Session, FakeWebContents: Contents } = await import('./fakes.ts');
  const session = new Session();
  fakes.session = session;
  class BrowserWindow {
    static getAllWindows = vi.fn(() => h.windows);
    static getFocusedWindow = vi.fn(() => null);
    readonly webContents = new Contents();
    readonly loadURL = vi.fn(async (url: string) => {
      h.log.push(`loadURL ${url}`);
    });
    readonly once = vi.fn();
    readonly on = vi.fn();
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isMinimized = vi.fn(() => true);
    readonly isDestroyed = vi.fn(() => false);
    constructor(readonly options: Record<string, unknown>) {
      h.log.push('new BrowserWindow');
      h.windows.push(this);
    }
  }
  return {
    app: {
      whenReady: vi.fn(() => {
        h.log.push('whenReady');
        return h.ready;
      }),
      getPath: vi.fn((name: string) => `/home/reader/.config/Gloss-${name}`),
      setPath: vi.fn((name: string, value: string) => h.log.push(`setPath ${name} ${value}`)),
      getAppPath: vi.fn(() => '/opt/gloss/resources/app'),
      requestSingleInstanceLock: vi.fn(() => {
        h.log.push('requestSingleInstanceLock');
        return h.lock;
      }),
      enableSandbox: vi.fn(() => h.log.push('enableSandbox')),
      on: vi.fn((name: string, listener: (...args: unknown[]) => void) => {
        h.appListeners.set(name, listener);
      }),
      quit: vi.fn(() => h.log.push('quit')),
      exit: vi.fn((code: number) => h.log.push(`exit ${code}`)),
      isPackaged: true,
    },
    BrowserWindow,
    Menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
      setApplicationMenu: vi.fn(() => h.log.push('setApplicationMenu')),
    },
    dialog: {
      showErrorBox: vi.fn((title: string) => h.log.push(`showErrorBox ${title}`)),
      showSaveDialog: vi.fn(),
    },
    ipcMain: {
      handle: vi.fn(
        (channel: string, listener: (event: unknown, arg: unknown) => Promise<unknown>) => {
          h.handled.set(channel, listener);
        },
      ),
    },
    nativeTheme: { shouldUseDarkColors: true },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => h.log.push('registerSchemesAsPrivileged')),
      handle: vi.fn((scheme: string) => h.log.push(`protocol.handle ${scheme}`)),
    },
    session: {
      get defaultSession() {
        return session;
      },
    },
    shell: { openExternal: vi.fn(async () => {}) },
  };
});

const library = vi.hoisted(() => ({
  openLibrary: vi.fn(),
  list: vi.fn(async () => [{ id: 'a1', title: 'A story' }]),
}));
vi.mock('../../../electron/services/open-library.ts', () => ({ openLibrary: library.openLibrary }));

import * as electron from 'electron';
import { apiTable } from '../../../common/api.ts';
import { IMPORT_CHANNELS } from '../../../common/api-imports.ts';
import { secureWebPreferences } from '../../../electron/main/security.ts';

const originalArgv = process.argv;
const originalData = process.env.GLOSS_DATA;

async function loadEntry(): Promise<{ started: Promise<void> }> {
  return await import('../../../electron/main/index.ts');
}

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  h.log.length = 0;
  h.appListeners.clear();
  h.handled.clear();
  h.windows.length = 0;
  h.lock = true;
  h.ready = new Promise<void>((resolve) => {
    h.resolveReady = resolve;
  });
  process.argv = ['/opt/gloss/gloss', '.'];
  delete process.env.GLOSS_DATA;
  library.openLibrary.mockImplementation(async () => {
    h.log.push('openLibrary');
    return { library: { list: library.list, store: { notices: [] } } };
  });
});

afterEach(() => {
  process.argv = originalArgv;
  if (originalData === undefined) delete process.env.GLOSS_DATA;
  else process.env.GLOSS_DATA = originalData;
});

describe('the main entry', () => {
  it('registers the scheme and the sandbox before ready, and nothing that needs ready', async () => {
    const entry = await loadEntry();
    expect(h.log).toEqual([
      'registerSchemesAsPrivileged',
      'enableSandbox',
      'requestSingleInstanceLock',
      'whenReady',
    ]);
    expect(h.appListeners.has('web-contents-created')).toBe(true);
    h.resolveReady();
    await entry.started;
  });

  it('on ready opens the library, serves the renderer, registers the API, then opens the secure window', async () => {
    const entry = await loadEntry();
    h.resolveReady();
    await entry.started;

    const appRoot = '/opt/gloss/resources/app';
    expect(library.openLibrary).toHaveBeenCalledWith(
      path.resolve('/home/reader/.config/Gloss-userData'),
      { seed: true, appRoot },
    );
    expect(electron.app.setPath).not.toHaveBeenCalled();

    expect(h.windows).toHaveLength(1);
    const window = h.windows[0]!;
    expect(window.options.webPreferences).toEqual(
      secureWebPreferences(path.join(appRoot, 'dist/preload/preload.cjs')),
    );
    expect(window.options.show).toBe(false);
    expect(window.loadURL).toHaveBeenCalledWith('gloss://app/index.html');

    expect([...h.handled.keys()].sort()).toEqual(
      [...Object.values(apiTable).map((e) => e.channel as string), IMPORT_CHANNELS.dropped].sort(),
    );
    expect(electron.protocol.handle).toHaveBeenCalledWith('gloss', expect.any(Function));
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();

    // Everything the page needs exists before the page loads.
    const order = (entry: string) => h.log.indexOf(entry);
    expect(order('protocol.handle gloss')).toBeLessThan(order('new BrowserWindow'));
    expect(order('setApplicationMenu')).toBeLessThan(order('new BrowserWindow'));
    expect(order('openLibrary')).toBeLessThan(order('protocol.handle gloss'));
  });

  it('locks down the default session before the window exists', async () => {
    const entry = await loadEntry();
    h.resolveReady();
    await entry.started;
    const session = fakes.session!;
    expect(session.isCancelled('https://example.com/tracker.gif')).toBe(true);
    expect(session.isCancelled('gloss://app/index.html')).toBe(false);
    const callback = vi.fn();
    session.permissionRequestHandler!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('routes a call from the app page through the API to the library, and refuses other senders', async () => {
    const entry = await loadEntry();
    h.resolveReady();
    await entry.started;
    const listArticles = h.handled.get(apiTable.listArticles.channel)!;
    expect(await listArticles(senderEvent('gloss://app/index.html'), undefined)).toEqual({
      ok: true,
      value: [{ id: 'a1', title: 'A story' }],
    });
    expect(await listArticles(senderEvent('https://example.com/'), undefined)).toMatchObject({
      ok: false,
    });
    expect(library.list).toHaveBeenCalledTimes(1);
  });

  it('locks down every webContents that is created', async () => {
    const entry = await loadEntry();
    h.resolveReady();
    await entry.started;
    const contents = new FakeWebContents();
    h.appListeners.get('web-contents-created')!({}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
    expect(
      contents.emitUrlEvent('will-navigate', 'file:///etc/passwd').preventDefault,
    ).toHaveBeenCalled();
  });

  it('moves userData to a --data folder before taking the single-instance lock', async () => {
    process.argv = ['/opt/gloss/gloss', '.', '--data', 'some/library'];
    const entry = await loadEntry();
    h.resolveReady();
    await entry.started;
    const dataDir = path.resolve('some/library');
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(h.log.indexOf(`setPath userData ${dataDir}`)).toBeLessThan(
      h.log.indexOf('requestSingleInstanceLock'),
    );
    expect(library.openLibrary).toHaveBeenCalledWith(
      dataDir,
      expect.objectContaining({ seed: true }),
    );
  });

  it('shows the error and exits, with no window and no API, when the library cannot be opened', async () => {
    library.openLibrary.mockRejectedValueOnce(
      new Error('library.json: unsupported schema version 9'),
    );
    const entry = await loadEntry();
    h.resolveReady();
    await entry.started;
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Gloss could not open its library',
      expect.stringContaining('library.json: unsupported schema version 9'),
    );
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(h.windows).toHaveLength(0);
    expect(h.handled.size).toBe(0);
  });

  it('brings the existing window forward when the app is launched again', async () => {
    const entry = await loadEntry();
    h.resolveReady();
    await entry.started;
    h.appListeners.get('second-instance')!({}, ['gloss'], '/');
    expect(h.windows[0]!.restore).toHaveBeenCalled();
    expect(h.windows[0]!.focus).toHaveBeenCalled();
  });

  it('installs a production menu whose Export notes… reaches the window page on gloss:menu', async () => {
    const entry = await loadEntry();
    h.resolveReady();
    await entry.started;
    type Item = { label?: string; role?: string; click?: () => void; submenu?: Item[] };
    const template = vi.mocked(electron.Menu.buildFromTemplate).mock
      .calls[0]![0] as unknown as Item[];
    const items = (list: Item[]): Item[] =>
      list.flatMap((item) => [item, ...items(item.submenu ?? [])]);
    expect(items(template).map((item) => item.role)).not.toContain('toggleDevTools');
    items(template).find((item) => item.label === 'Export notes…')!.click!();
    expect(h.windows[0]!.webContents.send).toHaveBeenCalledWith('gloss:menu', 'export-notes');
    items(template).find((item) => item.label === 'Import…')!.click!();
    expect(h.windows[0]!.webContents.send).toHaveBeenCalledWith('gloss:menu', 'import');
  });

  it('warms the search index once the window is open, and saves it on quit', async () => {
    const search = {
      warm: vi.fn(async () => h.log.push('search.warm')),
      flush: vi.fn(async () => undefined),
    };
    library.openLibrary.mockImplementationOnce(async () => {
      h.log.push('openLibrary');
      return { library: { list: library.list, store: { notices: [] }, search } };
    });
    const entry = await loadEntry();
    h.resolveReady();
    await entry.started;
    expect(search.warm).toHaveBeenCalledTimes(1);
    expect(h.log.indexOf('search.warm')).toBeGreaterThan(h.log.indexOf('new BrowserWindow'));
    h.appListeners.get('before-quit')!();
    expect(search.flush).toHaveBeenCalledTimes(1);
  });

  it('quits at once when another instance holds the lock', async () => {
    h.lock = false;
    const entry = await loadEntry();
    await entry.started;
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(library.openLibrary).not.toHaveBeenCalled();
  });

  it('quits when the last window closes, except on macOS', async () => {
    const entry = await loadEntry();
    h.resolveReady();
    await entry.started;
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    try {
      Object.defineProperty(process, 'platform', { value: 'darwin' });
      h.appListeners.get('window-all-closed')!();
      expect(electron.app.quit).not.toHaveBeenCalled();
      Object.defineProperty(process, 'platform', { value: 'linux' });
      h.appListeners.get('window-all-closed')!();
      expect(electron.app.quit).toHaveBeenCalledTimes(1);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('reopens the window on activate when none is open', async () => {
    const entry = await loadEntry();
    h.resolveReady();
    await entry.started;
    h.windows.length = 0;
    h.appListeners.get('activate')!();
    expect(h.windows).toHaveLength(1);
    h.appListeners.get('activate')!();
    expect(h.windows).toHaveLength(1);
  });
});
