import { Library } from './library.ts';
import { bundledArticlePath } from './bundled.ts';
import { openLibraryStore } from './store/library-store.ts';

/**
 * Opens the library in a data folder. The app passes `seed: true` so that its first run
 * imports the bundled article; the `gloss` command never seeds, so that a script's folder
 * holds exactly what the script imported.
 */
export async function openLibrary(dataDir: string, options: { seed?: boolean; appRoot?: string } = {}): Promise<{ library: Library }> {
  const store = await openLibraryStore(dataDir);
  const library = new Library(store);
  if (options.seed) await library.seed(bundledArticlePath(options.appRoot));
  return { library };
}
