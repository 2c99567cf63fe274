/**
 * Where the built import worker is loaded from. In the packaged app the bundles sit inside the
 * app's asar archive; the worker's bundle is unpacked beside it (electron-builder `asarUnpack`,
 * see package.json) so that a worker thread starts from a plain file, and the libraries it
 * requires (jsdom) are still found inside the archive through NODE_PATH.
 */
import path from 'node:path';

const IN_ASAR = /\.asar(?=[\\/])/;

/** The unpacked copy of a file that a packaged build keeps in `app.asar.unpacked`. */
export function outsideAsar(file: string): string {
  return file.replace(IN_ASAR, '.asar.unpacked');
}

/** The archive's node_modules folder for a file inside an asar, or null outside one. */
export function asarNodeModules(file: string): string | null {
  const match = IN_ASAR.exec(file);
  if (!match) return null;
  return path.join(file.slice(0, match.index + match[0].length), 'node_modules');
}
