import { describe, expect, it } from 'vitest';
import { blockIdFor, fnv1a32, uniqueBlockIds } from '../../../common/export/block-id.ts';

describe('block ids', () => {
  it('is FNV-1a over UTF-8 (published test vectors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('hashes characters beyond ASCII by their UTF-8 bytes', () => {
    // Reference: FNV-1a over the bytes Node's own UTF-8 encoder gives.
    const reference = (s: string) =>
      [...Buffer.from(s, 'utf8')].reduce((h, b) => Math.imul(h ^ b, 0x01000193) >>> 0, 0x811c9dc5);
    for (const s of ['é', 'naïve café', '北京', '😀 emoji', 'a\u0000b', '\u07ff\u0800\uffff']) {
      expect(fnv1a32(s), s).toBe(reference(s));
    }
  });

  it('is h- and 8 lowercase hex digits, stable and different for different ids', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `highlight-${i}`);
    const blockIds = ids.map(blockIdFor);
    for (const b of blockIds) expect(b).toMatch(/^h-[0-9a-f]{8}$/);
    expect(ids.map(blockIdFor)).toEqual(blockIds);
    expect(new Set(blockIds).size).toBe(ids.length);
  });

  it('keeps ids unique within a file even when two hashes collide', () => {
    const ids = uniqueBlockIds(['x', 'y', 'x']);
    expect(ids[0]).toBe(blockIdFor('x'));
    expect(ids[1]).toBe(blockIdFor('y'));
    expect(new Set(ids).size).toBe(3);
  });
});
