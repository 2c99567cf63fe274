/**
 * A page gone wrong (a script smuggled into an article, a compromised renderer's page) tries
 * every function the preload gives it, with every shape of argument that could carry a path,
 * against the real main-process handlers and a real library. Nothing it names is read.
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/temp.ts';

type Invoke = (channel: string, arg: unknown) => Promise<unknown>;

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  route: { invoke: null as Invoke | null },
}));
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api),
  },
  // Nothing was dropped: no File the page holds has a path.
  webUtils: { getPathForFile: () => '' },
  ipcRenderer: {
    invoke: (channel: string, arg: unknown) => electron.route.invoke!(channel, arg),
    on: () => undefined,
    removeListener: () => undefined,
  },
}));

import { createChannelHandlers } from '../../../common/api.ts';
import { createApiImplementation } from '../../../electron/services/api-implementation.ts';
import type { Library } from '../../../electron/services/library.ts';
import { openLibrary } from '../../../electron/services/open-library.ts';

const MARKER = 'OPENSSH-PRIVATE-KEY-MATERIAL-4f1c';
let library: Library;
let secrets: string[];
let dataDir: string;

beforeAll(async () => {
  const home = tempDir('home');
  const key = path.join(home, 'id_ed25519');
  writeFileSync(key, `-----BEGIN KEY-----\n${MARKER}\n-----END KEY-----\n`);
  // Named like articles, so that an extension check alone would let them through.
  const named = path.join(home, 'id_ed25519.txt');
  writeFileSync(named, `Key\n\n${MARKER}\n`);
  const link = path.join(home, 'notes.md');
  symlinkSync(key, link);
  secrets = [key, named, link, `file://${named}`];
  dataDir = tempDir('data');
  ({ library } = await openLibrary(dataDir, { search: { persist: false } }));
  // The user cancels every dialog: what the page asks for is all there is.
  const handlers = createChannelHandlers(
    createApiImplementation(library, { chooseSavePath: () => Promise.resolve(null) }),
  );
  electron.route.invoke = async (channel, arg) => {
    const handler = handlers.get(channel);
    if (!handler) return { ok: false, error: { code: 'internal', message: 'no such channel' } };
    // Structured clone, as IPC copies arguments.
    return handler(structuredClone(arg));
  };
  await import('../../../electron/preload/index.ts');
});

afterAll(async () => {
  await library.store.close?.();
});

/** Every shape of argument a page might hope carries a path through. */
function hostileArguments(secret: string): unknown[] {
  const file = new File([MARKER], secret);
  const pathLike = { name: path.basename(secret), path: secret };
  return [
    secret,
    [secret],
    { paths: [secret] },
    { path: secret },
    { file: secret },
    { files: [secret] },
    { id: secret },
    { articleId: secret, colorTags: true },
    { query: secret },
    file,
    [file],
    [pathLike],
    pathLike,
    { paths: [secret], files: [file] },
  ];
}

describe('a page that tries to import a file of its choosing', () => {
  it('is refused by every function the preload exposes, whatever it passes', async () => {
    const globals = [...electron.exposed.entries()];
    expect(globals.map(([name]) => name).sort()).toEqual([
      'gloss',
      'glossImports',
      'glossLibrary',
      'glossMenu',
    ]);
    let tried = 0;
    for (const [, api] of globals) {
      for (const fn of Object.values(api as Record<string, unknown>)) {
        if (typeof fn !== 'function') continue;
        for (const secret of secrets) {
          for (const arg of hostileArguments(secret)) {
            tried++;
            try {
              const answer: unknown = await (fn as (a: unknown) => unknown)(arg);
              // Whatever came back must not hold the file's contents.
              expect(JSON.stringify(answer ?? null)).not.toContain(MARKER);
            } catch {
              // A refusal is what we want.
            }
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(100);
    expect(library.list()).toEqual([]);
    expect(await library.find(MARKER, 10)).toEqual([]);
  });
});
