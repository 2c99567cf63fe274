import path from 'node:path';
import type { Library } from '../services/library.ts';
import { checkDataDir } from './check-data-dir.ts';
import type { Output } from './output.ts';

/** Libraries this run opened, so what their stores had to repair is reported before exit. */
const opened: Array<{ library: Library; dataDir: string }> = [];

/**
 * Opens the library for a command. A damaged file the store moved aside (and restored from
 * backup where it could) is reported on stderr by reportRepairs when the command ends, so that
 * a script, like a person, learns of it. `readOnly` for commands that only read.
 */
export async function openCliLibrary(
  dataDir: string,
  options: { readOnly?: boolean } = {},
): Promise<{ library: Library }> {
  await checkDataDir(dataDir);
  // Loaded here, not at the top: `gloss --help` and usage errors never open a library.
  const { openLibrary } = await import('../services/open-library.ts');
  // A command that only reads opens the store for reading: it creates nothing in the folder
  // (not even this device's log folder) and works on a read-only one.
  const result = await openLibrary(dataDir, { store: { readOnly: options.readOnly ?? false } });
  opened.push({ library: result.library, dataDir });
  return result;
}

/** Prints one line per store notice, naming the file and what was done: `gloss: FILE: message`. */
export function reportRepairs(io: Output): void {
  for (const { library, dataDir } of opened.splice(0)) {
    for (const notice of library.store.notices)
      io.err(`gloss: ${path.join(dataDir, notice.file)}: ${notice.message}`);
  }
}
