/**
 * Turns a saved page's bytes into text: UTF-8 unless a byte order mark or the page's own
 * `<meta charset>` (or `http-equiv="Content-Type"`) says otherwise.
 */
import { UnreadableFileError } from '../read-article-file.ts';

/** How far in a charset declaration is looked for (the spec says 1024 bytes; pages overrun it). */
const SNIFF_BYTES = 4096;

/**
 * Windows-1252's characters for bytes 0x80–0x9F (the rest is Latin-1). Node's TextDecoder
 * decodes "windows-1252" as plain Latin-1, turning curly quotes and dashes into control
 * characters; the WHATWG table is applied here instead. Unassigned bytes keep their code point.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b)),
    );
  }
  return out;
}

/** The charset a page declares in its first bytes, lower-cased, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const m = /charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)/i.exec(tag);
    if (m?.[1]) return m[1].toLowerCase();
  }
  return null;
}

/**
 * Decodes a page. `file` names it in errors; `httpCharset` is the character set a web server
 * named for it, which outranks the page's own declaration (as in browsers). Refuses bytes that
 * are not valid UTF-8 when nothing declares another set, and a set this runtime cannot decode.
 */
export function decodeHtml(
  bytes: Uint8Array,
  file: string,
  httpCharset: string | null = null,
): string {
  let label: string | null;
  let fatal = true;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) label = 'utf-8';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else {
    label = httpCharset ?? declaredCharset(bytes) ?? 'utf-8';
    // A page that can declare itself in ASCII is not UTF-16, whatever it says (as browsers see it).
    if (label.startsWith('utf-16')) label = 'utf-8';
    // Single-byte and legacy multi-byte sets decode every byte; a stray one is no reason to refuse.
    fatal = ['utf-8', 'utf8', 'unicode-1-1-utf-8'].includes(label);
    if (bytes.includes(0))
      throw new UnreadableFileError(file, 'looks like a binary file, not a web page');
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal });
  } catch {
    throw new UnreadableFileError(
      file,
      `the page is in the character set "${label}", which Gloss cannot read`,
    );
  }
  let text: string;
  try {
    text = decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
  } catch {
    throw new UnreadableFileError(
      file,
      fatal && label.startsWith('utf')
        ? 'is not valid UTF-8 and declares no other character set'
        : `is not valid ${label} text`,
    );
  }
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new UnreadableFileError(file, 'holds only white space');
  return text;
}
