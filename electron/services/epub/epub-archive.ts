/**
 * An EPUB's zip archive, opened with limits: fflate inflates it synchronously (so a reader can
 * run it in a worker as a pure function of the bytes), refusing archives whose entries would
 * inflate beyond what any book needs. Entry names are normalised to forward-slash paths.
 */
import { unzipSync, type Unzipped } from 'fflate';
import { IngestError } from '../../../common/ingest/index.ts';

/** The most an EPUB may inflate to, all entries together (zip bombs stop here). */
export const MAX_INFLATED_BYTES = 300 * 1024 * 1024;
/** The most entries an EPUB may hold. */
export const MAX_ENTRIES = 20_000;

/** The inflated entries of an archive by path. */
export type EpubFiles = ReadonlyMap<string, Uint8Array>;

/** Whether the bytes start like a zip archive ("PK\x03\x04"; "PK\x05\x06" when empty). */
function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** Inflates an EPUB's entries; throws IngestError for what is not a readable zip archive. */
export function openEpubArchive(bytes: Uint8Array): EpubFiles {
  if (!looksLikeZip(bytes)) throw new IngestError('the file is not an EPUB (not a zip archive)');
  let declared = 0;
  let count = 0;
  let unzipped: Unzipped;
  try {
    unzipped = unzipSync(bytes, {
      filter(file) {
        count += 1;
        declared += file.originalSize;
        if (count > MAX_ENTRIES || declared > MAX_INFLATED_BYTES)
          throw new IngestError('the book would unpack to more than Gloss reads', 'too-large');
        return !file.name.endsWith('/');
      },
    });
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError('the EPUB is damaged (its zip archive cannot be read)');
  }
  const files = new Map<string, Uint8Array>();
  let total = 0;
  for (const [name, data] of Object.entries(unzipped)) {
    total += data.length;
    // The sizes a zip declares can lie; what was actually inflated is checked too.
    if (total > MAX_INFLATED_BYTES)
      throw new IngestError('the book would unpack to more than Gloss reads', 'too-large');
    files.set(name.replace(/\\/g, '/').replace(/^\/+/, ''), data);
  }
  return files;
}

/** An entry's text as UTF-8 (or UTF-16 with a byte order mark), or null when it is missing. */
export function entryText(files: EpubFiles, name: string): string | null {
  const data = files.get(name);
  if (!data) return null;
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  return new TextDecoder('utf-8').decode(data).replace(/^\uFEFF/, '');
}

/**
 * Resolves `href` (as written in `from`, percent-encoded, maybe with a fragment) to an archive
 * path; null when it leaves the archive or is not a relative reference.
 */
export function resolveEntry(from: string, href: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/')) return null;
  const bare = href.split('#')[0] ?? '';
  if (!bare) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    return null;
  }
  const parts = from.split('/').slice(0, -1);
  for (const part of decoded.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!parts.length) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}
