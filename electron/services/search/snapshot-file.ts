/**
 * The search index on disk: one binary file, so that loading it is one read and a few views,
 * not a parse of tens of megabytes of JSON.
 *
 *   "GLOSSIX1" · header length (u32 LE) · header (JSON, UTF-8) · sections, each 4-byte aligned
 *
 * The header holds the caller's records, the articles' passage ranges, and where each section
 * is. Postings and passage tables are read as typed-array views over the file's bytes; passage
 * texts stay there as UTF-8 and are decoded one by one when a hit needs its snippet, so neither
 * sits on the JavaScript heap. The vocabulary is a JSON section and the note ids one line each
 * (parsing 200,000 [passage, id] pairs as JSON took most of a load). The file is a cache:
 * anything unexpected in it means "build afresh".
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { IndexSnapshot, Pause } from '../../../common/search/passage-index.ts';

const MAGIC = 'GLOSSIX1';
const TEXT_GROUP = 4096;

interface SectionPlace {
  at: number;
  bytes: number;
}

interface Header<R> {
  records: R;
  articles: IndexSnapshot['articles'];
  sections: Record<SectionName, SectionPlace>;
}

type SectionName =
  | 'terms'
  | 'noteIds'
  | 'notePassages'
  | 'termStarts'
  | 'postings'
  | 'passageKind'
  | 'passageOffset'
  | 'passageLength'
  | 'textStarts'
  | 'texts';

/** A loaded snapshot: the index's data (texts read through `textOf`) and the caller's records. */
export interface LoadedSnapshot<R> {
  records: R;
  index: Omit<IndexSnapshot, 'texts'>;
  textOf: (passage: number) => string;
  /** The file's size in bytes. */
  bytes: number;
}

const pad = (n: number) => (4 - (n % 4)) % 4;
const bytesOf = (view: ArrayBufferView) =>
  Buffer.from(view.buffer, view.byteOffset, view.byteLength);

/** Highlight ids one a line; ids never hold a line break (the API allows [a-z0-9_-] only). */
function joinIds(ids: readonly string[]): string {
  if (ids.some((id) => id.includes('\n')))
    throw new Error('A highlight id holds a line break; the search index is kept in memory only');
  return ids.join('\n');
}

/**
 * Writes a snapshot next to `file` and renames it over it, so that a reader never sees half a
 * file. Texts are encoded in groups, pausing between them.
 */
export async function writeSnapshot<R>(
  file: string,
  records: R,
  snapshot: IndexSnapshot,
  pause: Pause,
): Promise<void> {
  const textChunks: Buffer[] = [];
  const textStarts = new Uint32Array(snapshot.texts.length + 1);
  let textBytes = 0;
  for (let i = 0; i < snapshot.texts.length; i += TEXT_GROUP) {
    const group = snapshot.texts.slice(i, i + TEXT_GROUP).map((t) => Buffer.from(t, 'utf8'));
    group.forEach((b, j) => {
      textStarts[i + j] = textBytes;
      textBytes += b.length;
    });
    textChunks.push(Buffer.concat(group));
    await pause();
  }
  textStarts[snapshot.texts.length] = textBytes;

  const sections: Array<[SectionName, Buffer[]]> = [
    ['terms', [Buffer.from(JSON.stringify(snapshot.terms), 'utf8')]],
    ['noteIds', [Buffer.from(joinIds(snapshot.noteIds), 'utf8')]],
    ['notePassages', [bytesOf(snapshot.notePassages)]],
    ['termStarts', [bytesOf(snapshot.termStarts)]],
    ['postings', [bytesOf(snapshot.postings)]],
    ['passageKind', [bytesOf(snapshot.passageKind)]],
    ['passageOffset', [bytesOf(snapshot.passageOffset)]],
    ['passageLength', [bytesOf(snapshot.passageLength)]],
    ['textStarts', [bytesOf(textStarts)]],
    ['texts', textChunks],
  ];
  const places = {} as Record<SectionName, SectionPlace>;
  let at = 0;
  for (const [name, chunks] of sections) {
    const bytes = chunks.reduce((sum, c) => sum + c.length, 0);
    places[name] = { at, bytes };
    at += bytes + pad(bytes);
  }
  const header = Buffer.from(
    JSON.stringify({ records, articles: snapshot.articles, sections: places } satisfies Header<R>),
    'utf8',
  );
  const lead = Buffer.alloc(16);
  lead.write(MAGIC, 0, 'latin1');
  lead.writeUInt32LE(header.length, 8);
  const headerPad = pad(16 + header.length);

  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.write(lead);
      await handle.write(header);
      await handle.write(Buffer.alloc(headerPad));
      for (const [, chunks] of sections) {
        let bytes = 0;
        for (const chunk of chunks) {
          await handle.write(chunk);
          bytes += chunk.length;
        }
        await handle.write(Buffer.alloc(pad(bytes)));
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Reads a snapshot, or null when there is none or it is not one this version can read. */
export async function readSnapshot<R>(
  file: string,
  pause: Pause,
): Promise<LoadedSnapshot<R> | null> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch {
    return null;
  }
  try {
    if (raw.length < 16 || raw.toString('latin1', 0, 8) !== MAGIC) return null;
    // Typed-array views need 4-byte alignment; a pooled buffer may not start on one.
    const buffer = raw.byteOffset % 4 === 0 ? raw : Buffer.from(raw);
    const headerBytes = buffer.readUInt32LE(8);
    const header = JSON.parse(buffer.toString('utf8', 16, 16 + headerBytes)) as Header<R>;
    const base = 16 + headerBytes + pad(16 + headerBytes);
    const place = (name: SectionName) => {
      const p = header.sections[name];
      if (!p || base + p.at + p.bytes > buffer.length) throw new Error(`no ${name} section`);
      return { start: buffer.byteOffset + base + p.at, bytes: p.bytes };
    };
    const u32 = (name: SectionName) => {
      const { start, bytes } = place(name);
      return new Uint32Array(buffer.buffer, start, bytes / 4);
    };
    const json = <T>(name: SectionName): T => {
      const { start, bytes } = place(name);
      const from = start - buffer.byteOffset;
      return JSON.parse(buffer.toString('utf8', from, from + bytes)) as T;
    };
    const terms = json<string[]>('terms');
    await pause();
    const ids = place('noteIds');
    const noteIds = ids.bytes
      ? buffer
          .toString(
            'utf8',
            ids.start - buffer.byteOffset,
            ids.start - buffer.byteOffset + ids.bytes,
          )
          .split('\n')
      : [];
    await pause();
    const kind = place('passageKind');
    const textStarts = u32('textStarts');
    const texts = place('texts').start - buffer.byteOffset;
    return {
      records: header.records,
      index: {
        articles: header.articles,
        terms,
        termStarts: u32('termStarts'),
        postings: u32('postings'),
        passageKind: new Uint8Array(buffer.buffer, kind.start, kind.bytes),
        passageOffset: u32('passageOffset'),
        passageLength: u32('passageLength'),
        notePassages: u32('notePassages'),
        noteIds,
      },
      textOf: (p) => buffer.toString('utf8', texts + textStarts[p]!, texts + textStarts[p + 1]!),
      bytes: raw.length,
    };
  } catch {
    return null;
  }
}
