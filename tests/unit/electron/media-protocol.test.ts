import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));

import {
  CONTENT_SECURITY_POLICY,
  createRendererHandler,
  resolveMediaFile,
} from '../../../electron/main/protocol.ts';

let base: string;
let handler: (request: Request) => Promise<Response>;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'gloss-media-'));
  await mkdir(path.join(base, 'renderer'), { recursive: true });
  await writeFile(path.join(base, 'renderer', 'index.html'), '<!doctype html>');
  await mkdir(path.join(base, 'data', 'media', 'a1'), { recursive: true });
  await writeFile(path.join(base, 'data', 'media', 'a1', '0123abcd.png'), PNG);
  await writeFile(
    path.join(base, 'data', 'media', 'a1', 'page.svg'),
    '<svg><script>1</script></svg>',
  );
  await writeFile(path.join(base, 'data', 'library.json'), '{}');
  handler = createRendererHandler(path.join(base, 'renderer'), path.join(base, 'data', 'media'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string) => handler({ url, method: 'GET' } as Request);

describe('images copied in with saved pages', () => {
  it('are served at gloss://app/media/<articleId>/<file> with their type and the CSP', async () => {
    const response = await get('gloss://app/media/a1/0123abcd.png');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
    expect((await get('gloss://app/index.html')).status).toBe(200);
  });

  it.each([
    'gloss://app/media/a1/page.svg',
    'gloss://app/media/a1/missing.png',
    'gloss://app/media/../library.json',
    'gloss://app/media/a1/..%2F..%2Flibrary.json',
    'gloss://app/media/%2E%2E/library.json',
    'gloss://app/media/a1/sub/0123abcd.png',
    'gloss://other/media/a1/0123abcd.png',
  ])('refuse %s', async (url) => {
    expect((await get(url)).status).toBe(404);
  });

  it('resolve only to one article folder of the media folder', () => {
    expect(resolveMediaFile('/data/media', 'gloss://app/media/a1/0123abcd.png')).toBe(
      path.join('/data/media', 'a1', '0123abcd.png'),
    );
    expect(resolveMediaFile('/data/media', 'gloss://app/media/a1/0123abcd.png.js')).toBeNull();
  });
});
