/**
 * File names for exported articles that are valid on Windows, macOS and Linux and that link
 * cleanly from Obsidian and Logseq.
 */

import type { Article } from '../model/article.ts';
import { hash8 } from './block-id.ts';

/** Longest file name produced, in UTF-16 code units, extension and any suffix included. */
export const MAX_NAME_LENGTH = 120;
/** Most file systems cap a name at 255 bytes; stay under it for any script. */
const MAX_NAME_BYTES = 240;
const EXTENSION = '.md';

/**
 * Characters Windows forbids (`<>:"/\|?*`), plus those that break wiki links in Obsidian
 * (`#`, `^`, `[`, `]`), control characters (C0, DEL, C1), line and paragraph separators, and
 * bidirectional overrides (which can make a name display as something else).
 */
const FORBIDDEN = /[<>:"/\\|?*#^[\]\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Device names Windows reserves, with or without an extension (`CON`, `nul.md`, `COM1`, `LPT¹`).
 */
const RESERVED = /^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** UTF-8 length of a string. */
function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * Cuts `text` to at most `units` UTF-16 units and MAX_NAME_BYTES - `reservedBytes` bytes, never
 * inside a surrogate pair.
 */
function truncate(text: string, units: number, reservedBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const b = utf8Length(ch);
    if (out.length + ch.length > units || bytes + b > MAX_NAME_BYTES - reservedBytes) break;
    out += ch;
    bytes += b;
  }
  return out;
}

/** Trims what Windows drops or hides files by: leading/trailing spaces and dots. */
function trimEnds(text: string): string {
  return text.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
}

/** The title made into a file name stem (no extension), at most `units` long. */
function stem(title: string, units: number, reservedBytes: number): string {
  let s = title.normalize('NFC').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ');
  s = trimEnds(s);
  if (s === '') s = 'Untitled';
  // Windows treats "CON.anything" as the device too, so check the part before the first dot.
  const firstPart = (s.split('.')[0] ?? '').trimEnd();
  if (RESERVED.test(firstPart)) s = `_${s}`;
  s = trimEnds(truncate(s, units, reservedBytes));
  return s === '' ? 'Untitled' : s;
}

/**
 * A file name for the article, from its title: forbidden characters replaced by spaces, no
 * trailing dots or spaces, no reserved device name, at most MAX_NAME_LENGTH units, `.md`.
 * Not unique: use safeFileNames for a set of articles.
 */
export function suggestedFileName(article: Pick<Article, 'title' | 'id'>): string {
  return stem(article.title, MAX_NAME_LENGTH - EXTENSION.length, EXTENSION.length) + EXTENSION;
}

/** The key two names collide under on case-insensitive, normalisation-insensitive file systems. */
export function fileNameKey(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/** `name` with a suffix before the extension, the stem shortened so the whole fits. */
function withSuffix(title: string, suffix: string): string {
  const reserved = EXTENSION.length + suffix.length;
  return (
    stem(title, MAX_NAME_LENGTH - reserved, utf8Length(EXTENSION + suffix)) + suffix + EXTENSION
  );
}

/**
 * A file already in the export folder, and the article it is an export of (null: not one of ours).
 */
export interface ExistingFile {
  name: string;
  glossId: string | null;
}

/**
 * Safe, distinct file names for a set of articles, keyed by article id. Names are unique
 * case-insensitively (as on Windows and macOS): the first article (in the order given) with a
 * name keeps it; later ones get ` (2)`, ` (3)` … and, should that run out, a short hash of the id.
 * A numbered name never takes another article's own plain name.
 *
 * `existing` lists the files already in the folder. A file is only ever replaced by a new export
 * of the same article (its front matter's `gloss_id`): an article exported there before keeps
 * its file name, so links to it from other notes keep working, and a name held by any other
 * file (a user's own note, another article's export) is passed over.
 */
export function safeFileNames(
  articles: readonly Pick<Article, 'title' | 'id'>[],
  existing: readonly ExistingFile[] = [],
): Map<string, string> {
  const result = new Map<string, string>();
  const owner = new Map<string, string | null>();
  const previous = new Map<string, string>();
  for (const file of existing) {
    const key = fileNameKey(file.name);
    if (!owner.has(key)) owner.set(key, file.glossId);
    if (file.glossId !== null && !previous.has(file.glossId)) previous.set(file.glossId, file.name);
  }
  const plain = articles.map((a) => suggestedFileName(a));
  const plainKeys = new Set(plain.map(fileNameKey));
  const taken = new Set<string>();
  /** Whether `key` may not be given to the article: used in this run, or held by another file. */
  const blocked = (key: string, id: string) =>
    taken.has(key) || (owner.has(key) && owner.get(key) !== id);
  // Where numbering resumes for each plain name, so many equal titles cost linear time.
  const nextNumber = new Map<string, number>();
  articles.forEach((article, i) => {
    if (result.has(article.id)) return;
    const before = previous.get(article.id);
    if (before !== undefined && !taken.has(fileNameKey(before))) {
      taken.add(fileNameKey(before));
      result.set(article.id, before);
      return;
    }
    let name = plain[i] ?? suggestedFileName(article);
    const plainKey = fileNameKey(name);
    if (blocked(plainKey, article.id)) {
      let candidate = '';
      let n = nextNumber.get(plainKey) ?? 2;
      for (; n < 10_000; n++) {
        candidate = withSuffix(article.title, ` (${n})`);
        const key = fileNameKey(candidate);
        if (!blocked(key, article.id) && !plainKeys.has(key)) break;
        candidate = '';
      }
      nextNumber.set(plainKey, n + 1);
      for (let salt = 0; candidate === ''; salt++) {
        const attempt = withSuffix(
          article.title,
          ` (${hash8(salt === 0 ? article.id : `${article.id}#${salt}`)})`,
        );
        if (!blocked(fileNameKey(attempt), article.id)) candidate = attempt;
      }
      name = candidate;
    }
    taken.add(fileNameKey(name));
    result.set(article.id, name);
  });
  return result;
}
