import { beforeEach, describe, expect, it, vi } from 'vitest';
import { senderEvent } from './fakes.ts';

vi.mock('electron', () => ({}));

import { apiTable, createChannelHandlers } from '../../../common/api.ts';
import { IMPORT_CHANNELS } from '../../../common/api-imports.ts';
import type { ApiImplementation } from '../../../common/api.ts';
import {
  UNTRUSTED_SENDER_ERROR,
  isTrustedSender,
  registerApi,
} from '../../../electron/main/ipc.ts';

type Registered = (event: unknown, arg: unknown) => Promise<unknown>;

function fakeImplementation() {
  const calls: Array<[string, unknown]> = [];
  const impl = new Proxy({} as ApiImplementation, {
    get: (_target, name: string) => async (arg: unknown) => {
      calls.push([name, arg]);
      return `answer of ${name}`;
    },
  });
  return { impl, calls };
}

let registered: Map<string, Registered>;
let calls: Array<[string, unknown]>;
const APP = 'gloss://app/index.html';

beforeEach(() => {
  registered = new Map();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Registered) => {
      if (registered.has(channel)) throw new Error(`registered twice: ${channel}`);
      registered.set(channel, listener);
    }),
  };
  const fake = fakeImplementation();
  calls = fake.calls;
  registerApi(ipcMain, createChannelHandlers(fake.impl));
});

function call(channel: string, event: unknown, arg?: unknown): Promise<unknown> {
  const listener = registered.get(channel);
  if (!listener) throw new Error(`not registered: ${channel}`);
  return listener(event, arg);
}

describe('registerApi', () => {
  it("registers every channel of the table, the preload's dropped files, and nothing else", () => {
    const channels = Object.values(apiTable).map((entry) => entry.channel as string);
    channels.push(IMPORT_CHANNELS.dropped);
    expect([...registered.keys()].sort()).toEqual([...channels].sort());
  });

  it('passes a valid call from the app page through to the implementation', async () => {
    expect(await call(apiTable.getArticle.channel, senderEvent(APP), { id: 'abc' })).toEqual({
      ok: true,
      value: 'answer of getArticle',
    });
    expect(calls).toEqual([['getArticle', { id: 'abc' }]]);
  });

  it('answers an argument that fails its schema with an error naming the field, without calling the implementation', async () => {
    const answer = (await call(apiTable.createHighlight.channel, senderEvent(APP), {
      articleId: 'abc',
      start: -1,
      end: 4,
      color: 'yellow',
    })) as { ok: boolean; error?: { code: string; message: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('invalid-argument');
    expect(answer.error?.message).toMatch(/^createHighlight: start: /);

    const extra = (await call(apiTable.getArticle.channel, senderEvent(APP), {
      id: '../../etc',
    })) as { ok: boolean; error?: { code: string; message: string } };
    expect(extra).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'getArticle: id: not an article id' },
    });
    expect(calls).toEqual([]);
  });

  it("imports only article files on the preload's dropped-files channel", async () => {
    const refused = (await call(IMPORT_CHANNELS.dropped, senderEvent(APP), {
      paths: ['/home/reader/story.txt', '/home/reader/.ssh/config'],
    })) as { ok: boolean; error?: { code: string; message: string } };
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toMatch(
      /^importDropped: paths\.1: not a \.txt, \.md, \.html or \.epub file/,
    );
    expect(calls).toEqual([]);
    const paths = ['/home/reader/story.TXT', '/home/reader/notes.md', '/home/reader/page.htm'];
    expect(await call(IMPORT_CHANNELS.dropped, senderEvent(APP), { paths })).toEqual({
      ok: true,
      value: 'answer of importDropped',
    });
    expect(
      await call(IMPORT_CHANNELS.dropped, senderEvent('https://example.com/'), { paths }),
    ).toEqual({ ok: false, error: UNTRUSTED_SENDER_ERROR });
  });

  it('takes no argument at all for File → Import…: main asks for the files itself', async () => {
    const answer = (await call(apiTable.importWithDialog.channel, senderEvent(APP), {
      paths: ['/home/reader/.ssh/id_ed25519.txt'],
    })) as { ok: boolean; error?: { code: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('invalid-argument');
    expect(calls).toEqual([]);
  });

  it.each([
    ['another origin', senderEvent('https://example.com/')],
    ['a file page', senderEvent('file:///tmp/index.html')],
    ['a look-alike host', senderEvent('gloss://app.evil/index.html')],
    ['another host of the scheme', senderEvent('gloss://other/index.html')],
    ['a subframe of the app', senderEvent(APP, { url: APP })],
    ['a frame that is gone', { senderFrame: null }],
    ['no frame at all', {}],
  ])('refuses %s without calling the implementation', async (_label, event) => {
    for (const entry of Object.values(apiTable)) {
      expect(await call(entry.channel, event, undefined)).toEqual({
        ok: false,
        error: UNTRUSTED_SENDER_ERROR,
      });
    }
    expect(calls).toEqual([]);
  });

  it('refuses a sender whose frame throws when read (destroyed)', () => {
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    };
    expect(isTrustedSender(event as never)).toBe(false);
  });

  it('accepts the top frame of the app page', () => {
    expect(isTrustedSender(senderEvent(APP) as never)).toBe(true);
    expect(isTrustedSender(senderEvent('gloss://app/index.html#/article/abc') as never)).toBe(true);
  });

  it('refuses to start when a channel has no handler', () => {
    const incomplete = new Map([
      [apiTable.listArticles.channel, async () => ({ ok: true as const, value: [] })],
    ]);
    expect(() => registerApi({ handle: vi.fn() }, incomplete)).toThrow(/No handler for getArticle/);
  });
});
