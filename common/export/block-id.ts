/**
 * Short, stable block ids for highlights, so other notes can link to a quote
 * (`[[file#^h-1a2b3c4d]]` in Obsidian, block references in Logseq).
 *
 * Pure code on purpose: common/ must run without Node or the DOM, so no crypto module.
 */

/** The prefix every highlight block id starts with (after the `^` marker). */
export const BLOCK_ID_PREFIX = 'h-';

/**
 * 32-bit FNV-1a over the UTF-8 bytes of `text`, as an unsigned integer.
 * UTF-8 rather than UTF-16 units so the value matches other FNV-1a implementations over the same
 * id.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  const feed = (byte: number): void => {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  };
  for (const ch of text) {
    // for…of walks code points, so surrogate pairs arrive joined.
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      feed(cp);
    } else if (cp < 0x800) {
      feed(0xc0 | (cp >> 6));
      feed(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      feed(0xe0 | (cp >> 12));
      feed(0x80 | ((cp >> 6) & 0x3f));
      feed(0x80 | (cp & 0x3f));
    } else {
      feed(0xf0 | (cp >> 18));
      feed(0x80 | ((cp >> 12) & 0x3f));
      feed(0x80 | ((cp >> 6) & 0x3f));
      feed(0x80 | (cp & 0x3f));
    }
  }
  return hash >>> 0;
}

/** Eight lowercase hex digits of the FNV-1a hash of `text`. */
export function hash8(text: string): string {
  return fnv1a32(text).toString(16).padStart(8, '0');
}

/** The block id of a highlight, without the `^` marker: `h-` + 8 lowercase hex digits. */
export function blockIdFor(highlightId: string): string {
  return BLOCK_ID_PREFIX + hash8(highlightId);
}

/**
 * Block ids for highlight ids in the order given, unique within one file.
 * A 32-bit hash can collide; the first highlight keeps the plain id and a later one is re-hashed
 * with a counter, so existing links keep pointing at the highlight they were made for.
 */
export function uniqueBlockIds(highlightIds: readonly string[]): string[] {
  const used = new Set<string>();
  return highlightIds.map((id) => {
    let candidate = blockIdFor(id);
    for (let n = 1; used.has(candidate); n++) candidate = blockIdFor(`${id}\u0000${n}`);
    used.add(candidate);
    return candidate;
  });
}
