import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The article every new library starts with, as shipped in assets/. */
export const BUNDLED_ARTICLE_NAME = '000_8366b94cf810edf5.txt';

/** assets/ beside the sources (development, the CLI) or beside the built main bundle. */
export function bundledArticlePath(appRoot?: string): string {
  const root = appRoot ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  return path.join(root, 'assets', BUNDLED_ARTICLE_NAME);
}
