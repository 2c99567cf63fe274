import { Library } from './library.ts';
import { bundledArticlePath } from './bundled.ts';
import { ImportRunner, runningBuilt } from './import-worker/runner.ts';
import type { LibrarySearchOptions } from './search/library-search.ts';
import { openLibraryStore, type OpenStoreOptions } from './store/open-store.ts';

/** How a library is opened. */
export interface OpenLibraryOptions {
  /** Import the bundled article on first run (the app does; the `gloss` command never does). */
  seed?: boolean;
  /** Where assets/ is, for seeding: the project folder, or the packaged app's folder. */
  appRoot?: string;
  /** The clock (tests move it to see the trash expire). */
  now?: () => Date;
  search?: LibrarySearchOptions;
  /** Where the device is named (see store/device.ts); tests and scripts set `device`. */
  store?: OpenStoreOptions;
  /** Watch the folder for other processes' and devices' changes (the app does). */
  watch?: boolean;
  /** Parse imports in the budgeted worker thread (the default when running built). */
  importWorker?: boolean;
}

/**
 * Opens the library in a data folder and deletes for good what has been in the trash longer
 * than 30 days. The app passes `seed: true` so that its first run imports the bundled article;
 * the `gloss` command never seeds, so that a script's folder holds exactly what the script
 * imported. The search index is not touched here: it loads on first use.
 */
export async function openLibrary(
  dataDir: string,
  options: OpenLibraryOptions = {},
): Promise<{ library: Library }> {
  const store = await openLibraryStore(dataDir, options.store);
  const library = new Library(store, options.now, options.search);
  // Built (the app, the gloss command), every file import parses in a worker thread with a
  // time, memory and size budget. From source a worker would compile the sources again through
  // tsx, seconds per library, so tests get it only when they ask for it.
  if (options.importWorker ?? runningBuilt()) library.parser = new ImportRunner();
  await library.purgeTrash();
  if (options.watch) store.watch();
  if (options.seed && !store.readOnly) {
    if (!options.appRoot)
      throw new Error('Seeding the library needs the app root, where assets/ is');
    await library.seed(bundledArticlePath(options.appRoot));
  }
  return { library };
}
