/**
 * The renderer is served from `gloss://app/…` rather than file://. A privileged standard scheme
 * gives the page a real origin (so `'self'` in the CSP means exactly our files) and lets us
 * decide, per request, which files exist: nothing outside the built renderer folder is
 * reachable, whatever URL an article manages to construct.
 */
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { protocol as electronProtocol } from 'electron';
import type { Protocol } from 'electron';

/** The app's own URL scheme. */
export const APP_SCHEME = 'gloss';
/** The single host under the scheme; any other host is refused. */
export const APP_HOST = 'app';
/** The page the main window loads. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

import { CONTENT_SECURITY_POLICY } from '../../common/content-security-policy.ts';

export { CONTENT_SECURITY_POLICY };

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file name; unknown kinds are served as opaque bytes. */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** Must run before the app is ready: Chromium fixes the set of privileged schemes at start. */
export function registerAppScheme(
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged'> = electronProtocol,
): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    // The declared type is the only type: a file we serve is never sniffed into script.
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
}

function refusal(status: number, reason: string): Response {
  return new Response(reason, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** The path of a URL of the app's own origin (`gloss://app/...`), or null for any other URL. */
function appPathname(requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST ? url.pathname : null;
}

/**
 * Maps a request URL to a file under rendererDir, or null when the URL is not ours or would
 * leave the folder. The check is made on the resolved path, after percent-decoding, so that
 * encoded separators and dot segments cannot slip past it.
 */
export function resolveRendererFile(rendererDir: string, requestUrl: string): string | null {
  const pathname = appPathname(requestUrl);
  if (pathname === null) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (relative.includes('\0')) return null;
  if (relative === '' || relative === '/') relative = '/index.html';
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, '.' + path.sep + relative);
  const inside = path.relative(root, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

/** Images copied in with saved web pages: `media/<articleId>/<hash>.<ext>`, raster kinds only. */
const MEDIA_PATH =
  /^\/media\/([A-Za-z0-9_-]{1,128})\/([A-Za-z0-9_-]{1,100}\.(?:png|jpg|gif|webp|avif))$/;

/**
 * Maps `gloss://app/media/<articleId>/<file>` to the file in the library's media folder, or
 * null for anything else. Only names the importer itself makes are accepted, so no URL can
 * reach beyond one article's images, nor serve anything but a raster image.
 */
export function resolveMediaFile(mediaDir: string, requestUrl: string): string | null {
  const pathname = appPathname(requestUrl);
  if (pathname === null) return null;
  const m = MEDIA_PATH.exec(pathname);
  if (!m) return null;
  return path.join(path.resolve(mediaDir), m[1]!, m[2]!);
}

/**
 * The file's bytes when, with every symbolic link resolved, it is a regular file inside `root`;
 * null otherwise. The URL checks above judge names; this judges what the names lead to, so a
 * link planted in the renderer or media folder cannot serve a file from elsewhere.
 */
export async function readRegularFileInside(root: string, file: string): Promise<Buffer | null> {
  let handle;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    const inside = path.relative(realRoot, realFile);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
    handle = await open(realFile, 'r');
    // Judged on the opened file, so that what was checked is what is read.
    if (!(await handle.stat()).isFile()) return null;
    return await handle.readFile();
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

/**
 * The request handler for the scheme, separate from registration so that it can be tested.
 * With `mediaDir`, `media/<articleId>/<file>` is served from the library's images instead of
 * the renderer folder.
 */
export function createRendererHandler(
  rendererDir: string,
  mediaDir?: string,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return refusal(405, 'Method not allowed');
    const isMedia = mediaDir !== undefined && /^[a-z]+:\/\/[^/]*\/media\//i.test(request.url);
    const file = isMedia
      ? resolveMediaFile(mediaDir, request.url)
      : resolveRendererFile(rendererDir, request.url);
    if (!file) return refusal(404, 'Not found');
    // Missing files, folders, and links leading out of the folder alike: say nothing about
    // what is on disk.
    const body = await readRegularFileInside(isMedia ? mediaDir : rendererDir, file);
    if (!body) return refusal(404, 'Not found');
    const headers = securityHeaders(contentTypeFor(file));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers,
    });
  };
}

/**
 * Serves the built renderer (dist/renderer) at `gloss://app/…`, and with `mediaDir` the
 * library's copied images at `gloss://app/media/<articleId>/<file>`. Call once the app is ready.
 */
export function serveRenderer(
  protocol: Pick<Protocol, 'handle'>,
  rendererDir: string,
  mediaDir?: string,
): void {
  protocol.handle(APP_SCHEME, createRendererHandler(rendererDir, mediaDir));
}
