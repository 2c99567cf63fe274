import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/temp.ts';

vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));

import { createRendererHandler } from '../../../electron/main/protocol.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
let handler: (request: Request) => Promise<Response>;

/** A folder outside both roots, holding what a planted link would reach for. */
beforeAll(() => {
  const base = tempDir('protocol');
  const renderer = path.join(base, 'renderer');
  const media = path.join(base, 'data', 'media', 'a1');
  const outside = path.join(base, 'outside');
  mkdirSync(renderer, { recursive: true });
  mkdirSync(media, { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(media, '0123abcd.png'), PNG);
  writeFileSync(path.join(outside, 'id_ed25519'), 'PRIVATE KEY');
  writeFileSync(path.join(outside, 'photo.png'), PNG);
  // Links planted by something that could write to the data or app folder.
  symlinkSync(path.join(outside, 'id_ed25519'), path.join(media, 'stolen.png'));
  symlinkSync(path.join(outside, 'photo.png'), path.join(media, 'elsewhere.png'));
  symlinkSync(path.join(outside, 'id_ed25519'), path.join(renderer, 'key.txt'));
  symlinkSync(outside, path.join(renderer, 'out'));
  symlinkSync(outside, path.join(base, 'data', 'media', 'a2'));
  // A link that stays inside its root is fine.
  symlinkSync(path.join(media, '0123abcd.png'), path.join(media, 'alias.png'));
  handler = createRendererHandler(renderer, path.join(base, 'data', 'media'));
});

const get = (url: string) => handler({ url, method: 'GET' } as Request);

describe('the app protocol follows no link out of its folders', () => {
  it.each([
    ['a link in the media folder to a key', 'gloss://app/media/a1/stolen.png'],
    ['a link in the media folder to an image elsewhere', 'gloss://app/media/a1/elsewhere.png'],
    ['a linked article folder', 'gloss://app/media/a2/photo.png'],
    ['a link in the renderer folder', 'gloss://app/key.txt'],
    ['a linked folder in the renderer folder', 'gloss://app/out/id_ed25519'],
    ['a folder', 'gloss://app/media/a1'],
  ])('refuses %s', async (_what, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('PRIVATE KEY');
  });

  it('still serves the app and images inside the folders, links within them included', async () => {
    expect((await get('gloss://app/index.html')).status).toBe(200);
    for (const name of ['0123abcd.png', 'alias.png']) {
      const response = await get(`gloss://app/media/a1/${name}`);
      expect(response.status).toBe(200);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
    }
  });
});
