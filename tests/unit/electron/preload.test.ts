import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<Listener>>();
  return {
    exposed,
    listeners,
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)),
    },
    // Chromium knows the paths of files the user dropped; a File the page made has none.
    dropped: new WeakMap<object, string>(),
    webUtils: {
      getPathForFile: vi.fn((file: object): string => {
        if (typeof file !== 'object' || file === null) throw new TypeError('not a File');
        return electron.dropped.get(file) ?? '';
      }),
    },
    ipcRenderer: {
      invoke: vi.fn(async (_channel: string, _arg: unknown): Promise<unknown> => ({
        ok: true,
        value: null,
      })),
      on: vi.fn((channel: string, listener: Listener) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      }),
      removeListener: vi.fn((channel: string, listener: Listener) => {
        listeners.get(channel)?.delete(listener);
      }),
    },
  };
});
vi.mock('electron', () => ({
  contextBridge: electron.contextBridge,
  ipcRenderer: electron.ipcRenderer,
  webUtils: electron.webUtils,
}));

import { apiTable } from '../../../common/api.ts';
import type { GlossApi } from '../../../common/api.ts';
import { IMPORT_CHANNELS, type ImportProgressEvent } from '../../../common/api-imports.ts';
import { notAnArticleReason } from '../../../common/ingest/extensions.ts';
import { NOT_ON_DISK, type GlossImports } from '../../../electron/preload/imports-bridge.ts';
import type { GlossLibrary } from '../../../electron/preload/library-bridge.ts';
import type { GlossMenu } from '../../../electron/preload/menu-bridge.ts';

let gloss: GlossApi;
let glossMenu: GlossMenu;
let glossImports: GlossImports;
let glossLibrary: GlossLibrary;

/** A File as a drop from a file manager gives it: Chromium knows where it is. */
function droppedFile(filePath: string): File {
  const file = new File(['text'], filePath.split('/').pop()!);
  electron.dropped.set(file, filePath);
  return file;
}

beforeAll(async () => {
  await import('../../../electron/preload/index.ts');
  gloss = electron.exposed.get('gloss') as GlossApi;
  glossMenu = electron.exposed.get('glossMenu') as GlossMenu;
  glossImports = electron.exposed.get('glossImports') as GlossImports;
  glossLibrary = electron.exposed.get('glossLibrary') as GlossLibrary;
});

beforeEach(() => {
  electron.ipcRenderer.invoke.mockClear();
});

/** Stands in for the main process sending a menu command to this page. */
function sendFromMain(channel: string, ...args: unknown[]): void {
  const fakeEvent = { sender: { secret: 'ipcRenderer internals' }, ports: [] };
  for (const listener of electron.listeners.get(channel) ?? []) listener(fakeEvent, ...args);
}

describe('the preload', () => {
  it('exposes exactly gloss, glossMenu, glossImports and glossLibrary', () => {
    expect(electron.contextBridge.exposeInMainWorld.mock.calls.map((c) => c[0])).toEqual([
      'gloss',
      'glossMenu',
      'glossImports',
      'glossLibrary',
    ]);
  });

  it('gives gloss one function per table entry, and frozen', () => {
    expect(Object.keys(gloss).sort()).toEqual(Object.keys(apiTable).sort());
    expect(Object.isFrozen(gloss)).toBe(true);
    expect(Object.isFrozen(glossMenu)).toBe(true);
    expect(Object.keys(glossMenu)).toEqual(['on']);
  });

  it("calls ipcRenderer.invoke on each entry's channel with the argument, and unwraps the value", async () => {
    for (const [name, entry] of Object.entries(apiTable)) {
      electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: `value of ${name}` });
      const fn = (gloss as unknown as Record<string, (arg: unknown) => Promise<unknown>>)[name]!;
      await expect(fn({ marker: name })).resolves.toBe(`value of ${name}`);
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(entry.channel, { marker: name });
    }
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(Object.keys(apiTable).length);
  });

  it('turns an error envelope into a rejected promise with its message', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'invalid-argument', message: 'getArticle: id: not an article id' },
    });
    await expect(gloss.getArticle({ id: '!' })).rejects.toThrow(
      'getArticle: id: not an article id',
    );
  });
});

describe('glossMenu', () => {
  it('passes the command string only, and stops after unsubscribing', () => {
    const received: unknown[][] = [];
    const off = glossMenu.on((...args: unknown[]) => received.push(args));
    sendFromMain('gloss:menu', 'export-notes');
    expect(received).toEqual([['export-notes']]);

    off();
    off(); // a second call is harmless
    sendFromMain('gloss:menu', 'export-notes');
    expect(received).toHaveLength(1);
    expect(electron.listeners.get('gloss:menu')?.size ?? 0).toBe(0);
  });

  it('ignores what is not a menu command', () => {
    const listener = vi.fn();
    const off = glossMenu.on(listener);
    sendFromMain('gloss:menu', { toString: () => 'export-notes' });
    sendFromMain('gloss:menu', 'rm -rf');
    sendFromMain('gloss:other', 'export-notes');
    expect(listener).not.toHaveBeenCalled();
    off();
  });

  it('requires a function', () => {
    expect(() => glossMenu.on('nope' as never)).toThrow(TypeError);
  });
});

describe('glossImports', () => {
  it('has importDropped and onProgress, frozen', () => {
    expect(Object.keys(glossImports)).toEqual(['importDropped', 'onProgress']);
    expect(Object.isFrozen(glossImports)).toBe(true);
  });

  it('sends the paths of dropped files to main, and answers in the order of the drop', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({
      ok: true,
      value: {
        results: [
          { file: 'story.html', status: 'imported', id: 'a1', title: 'Story' },
          { file: 'notes.md', status: 'duplicate', id: 'a2', title: 'Notes' },
        ],
      },
    });
    const madeByPage = new File(['x'], 'id_ed25519.txt');
    const summary = await glossImports.importDropped([
      droppedFile('/home/reader/Downloads/story.html'),
      madeByPage,
      droppedFile('/home/reader/Downloads/chart.pdf'),
      droppedFile('/home/reader/notes.md'),
    ]);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledOnce();
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IMPORT_CHANNELS.dropped, {
      paths: ['/home/reader/Downloads/story.html', '/home/reader/notes.md'],
    });
    expect(summary.results).toEqual([
      { file: 'story.html', status: 'imported', id: 'a1', title: 'Story' },
      { file: 'id_ed25519.txt', status: 'failed', error: NOT_ON_DISK },
      { file: 'chart.pdf', status: 'failed', error: notAnArticleReason('chart.pdf') },
      { file: 'notes.md', status: 'duplicate', id: 'a2', title: 'Notes' },
    ]);
  });

  it('rejects with the failure main answers', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'internal', message: 'refused: only the Gloss window may call the library' },
    });
    await expect(glossImports.importDropped([droppedFile('/home/reader/a.txt')])).rejects.toThrow(
      'refused: only the Gloss window may call the library',
    );
  });

  it('passes on well-formed progress only, and stops after unsubscribing', () => {
    const heard: ImportProgressEvent[] = [];
    const off = glossImports.onProgress((event) => heard.push(event));
    const start: ImportProgressEvent = { kind: 'start', batch: 1, files: ['a.txt'] };
    sendFromMain(IMPORT_CHANNELS.progress, start);
    sendFromMain(IMPORT_CHANNELS.progress, { kind: 'file', batch: 1 });
    sendFromMain(IMPORT_CHANNELS.progress, 'a.txt');
    off();
    sendFromMain(IMPORT_CHANNELS.progress, start);
    expect(heard).toEqual([start]);
    expect(() => glossImports.onProgress('nope' as never)).toThrow(TypeError);
  });
});

describe('glossLibrary', () => {
  it('passes a copy of the changed article ids only, and stops after unsubscribing', () => {
    expect(Object.keys(glossLibrary)).toEqual(['onChanged']);
    expect(Object.isFrozen(glossLibrary)).toBe(true);
    const received: unknown[][] = [];
    const off = glossLibrary.onChanged((...args: unknown[]) => received.push(args));
    sendFromMain('gloss:library:changed', { articles: ['a1', 'b2'], extra: 'dropped' });
    expect(received).toEqual([[{ articles: ['a1', 'b2'] }]]);

    off();
    off();
    sendFromMain('gloss:library:changed', { articles: ['a1'] });
    expect(received).toHaveLength(1);
    expect(electron.listeners.get('gloss:library:changed')?.size ?? 0).toBe(0);
  });

  it('ignores what is not a list of article ids', () => {
    const listener = vi.fn();
    const off = glossLibrary.onChanged(listener);
    sendFromMain('gloss:library:changed', 'everything');
    sendFromMain('gloss:library:changed', { articles: [1, 2] });
    sendFromMain('gloss:library:changed', null);
    expect(listener).not.toHaveBeenCalled();
    off();
  });
});
