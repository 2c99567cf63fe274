/**
 * Copies the images a saved page brought with it into the library (`media/<articleId>/`), so
 * that the article does not depend on the saved folder staying where it was. Only raster images
 * recognised by their first bytes are copied (never SVG, which can carry script); each is named
 * by a hash of its bytes, so the same picture is stored once per article.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Block, ParsedArticle } from '../../../common/model/article.ts';
import type { LibraryStore } from '../store/types.ts';

/** The largest image copied; a bigger one is shown as its alt text. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.jpe', '.gif', '.webp', '.avif']);

/** Whether a file name looks like a raster image's. */
export function isImageName(file: string): boolean {
  return IMAGE_EXTENSIONS.has(path.extname(file).toLowerCase());
}

/** The image type by its first bytes (the name is only a hint), as the extension to store. */
export function sniffImage(bytes: Uint8Array): string | null {
  const ascii = (from: number, to: number) =>
    Buffer.from(bytes.subarray(from, to)).toString('latin1');
  if (bytes[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (ascii(0, 4) === 'GIF8') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12))) return 'avif';
  return null;
}

/** Fetches the bytes a figure's `src` names, or null when they cannot be had. */
export type ImageLoader = (src: string) => Promise<Uint8Array | null>;

/** A saved page's own image, by its file: URL; any other address gives null. */
export async function readLocalImage(fileUrl: string): Promise<Uint8Array | null> {
  if (!/^file:/i.test(fileUrl)) return null;
  try {
    const file = fileURLToPath(fileUrl);
    const info = await stat(file);
    if (!info.isFile() || info.size === 0 || info.size > MAX_IMAGE_BYTES) return null;
    return await readFile(file);
  } catch {
    return null; // missing or unreadable: the figure keeps its alt text
  }
}

/**
 * The parsed article with its images copied into the store under `articleId` and each
 * figure's `src` replaced by the stored file's name. `load` fetches a figure's bytes (by
 * default, a saved page's local files only); a `src` it cannot load, or whose bytes are not a
 * raster image, becomes null, so an article never holds an address the reader could load.
 */
export async function copyPageImages(
  store: LibraryStore,
  articleId: string,
  parsed: ParsedArticle,
  load: ImageLoader = readLocalImage,
): Promise<ParsedArticle> {
  if (!parsed.blocks.some((b) => b.image)) return parsed;
  const copied = new Map<string, string | null>();
  const blocks: Block[] = [];
  for (const block of parsed.blocks) {
    if (!block.image) {
      blocks.push(block);
      continue;
    }
    const src = block.image.src;
    let name: string | null = null;
    if (src) {
      if (copied.has(src)) name = copied.get(src) ?? null;
      else {
        const loaded = await load(src);
        const bytes = loaded && loaded.length <= MAX_IMAGE_BYTES ? loaded : null;
        const kind = bytes && sniffImage(bytes);
        if (bytes && kind) {
          name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 24)}.${kind}`;
          await store.saveMedia(articleId, name, bytes);
        }
        copied.set(src, name);
      }
    }
    blocks.push({ ...block, image: { src: name, alt: block.image.alt } });
  }
  return { ...parsed, blocks };
}
