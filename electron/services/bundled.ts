import path from 'node:path';

/** The article every new library starts with, as shipped in assets/. */
export const BUNDLED_ARTICLE_NAME = '000_8366b94cf810edf5.txt';

/**
 * The bundled article under the app's root: the project folder in development and tests, the
 * packaged app's folder (Electron's app.getAppPath()) once installed.
 */
export function bundledArticlePath(appRoot: string): string {
  return path.join(appRoot, 'assets', BUNDLED_ARTICLE_NAME);
}
