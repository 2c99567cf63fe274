/** Folders and libraries for the library tests, removed afterwards. */
import fs from 'node:fs';
import path from 'node:path';
import { openLibrary, type OpenLibraryOptions } from '../../../electron/services/open-library.ts';
import type { Library } from '../../../electron/services/library.ts';
import { tempDir as sharedTempDir } from '../../helpers/temp.ts';

export { removeTempDirs } from '../../helpers/temp.ts';

export const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'html');

/** A fresh temp folder, removed after the test file, or earlier by removeTempDirs. */
export function tempDir(label = 'lib'): string {
  return sharedTempDir(label);
}

/** A library in a fresh folder (or `dir`), with the search snapshot off unless asked for. */
export async function library(
  options: OpenLibraryOptions & { dir?: string } = {},
): Promise<{ library: Library; dir: string }> {
  const dir = options.dir ?? tempDir();
  const { library: lib } = await openLibrary(dir, { search: { persist: false }, ...options });
  return { library: lib, dir };
}

/** A movable clock. */
export function clock(start = '2024-06-01T12:00:00.000Z'): {
  now: () => Date;
  advanceDays(days: number): void;
} {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advanceDays(days: number) {
      t += days * 24 * 60 * 60 * 1000;
    },
  };
}

/** Every string anywhere inside a value (keys included), for scanning stored data. */
export function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) allStrings(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      allStrings(v, out);
    }
  }
  return out;
}

/** Every file under `dir/sub` (recursively), as paths relative to `dir`. */
export function filesUnder(dir: string, sub: string): string[] {
  const root = path.join(dir, sub);
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .map((name) => path.join(sub, name))
    .filter((rel) => fs.statSync(path.join(dir, rel)).isFile());
}

/** Everything the store wrote, parsed: each content file, each log record, each snapshot. */
export function storedDocuments(dir: string): unknown[] {
  const docs: unknown[] = [];
  for (const rel of [...filesUnder(dir, 'content'), ...filesUnder(dir, 'devices')]) {
    const text = fs.readFileSync(path.join(dir, rel), 'utf8');
    if (rel.endsWith('.jsonl'))
      for (const line of text.split('\n').filter(Boolean)) docs.push(JSON.parse(line));
    else if (rel.endsWith('.json')) docs.push(JSON.parse(text));
  }
  return docs;
}
