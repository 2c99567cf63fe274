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
    webUtils: {
      getPathForFile: vi.fn((file: { name: string }) => `/home/reader/Downloads/${file.name}`),
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
import type { GlossFiles } from '../../../electron/preload/files-bridge.ts';
import type { GlossLibrary } from '../../../electron/preload/library-bridge.ts';
import type { GlossMenu } from '../../../electron/preload/menu-bridge.ts';

let gloss: GlossApi;
let glossMenu: GlossMenu;
let glossFiles: GlossFiles;
let glossLibrary: GlossLibrary;

beforeAll(async () => {
  await import('../../../electron/preload/index.ts');
  gloss = electron.exposed.get('gloss') as GlossApi;
  glossMenu = electron.exposed.get('glossMenu') as GlossMenu;
  glossFiles = electron.exposed.get('glossFiles') as GlossFiles;
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
  it('exposes exactly gloss, glossMenu, glossFiles and glossLibrary', () => {
    expect(electron.contextBridge.exposeInMainWorld.mock.calls.map((c) => c[0])).toEqual([
      'gloss',
      'glossMenu',
      'glossFiles',
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

describe('glossFiles', () => {
  it("gives a dropped file's path through webUtils, and nothing else", () => {
    expect(Object.keys(glossFiles)).toEqual(['pathFor']);
    expect(Object.isFrozen(glossFiles)).toBe(true);
    const file = { name: 'story.html' } as unknown as File;
    expect(glossFiles.pathFor(file)).toBe('/home/reader/Downloads/story.html');
    expect(electron.webUtils.getPathForFile).toHaveBeenCalledWith(file);
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
