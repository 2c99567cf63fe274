/**
 * The window's security settings. Articles are untrusted HTML-derived text; whatever slips
 * through sanitising must find a renderer with no Node, no navigation, no pop-ups, no
 * permissions and no network.
 */
import { shell } from 'electron';
import type { Session, WebContents, WebPreferences } from 'electron';
import { APP_HOST, APP_SCHEME } from './protocol.ts';

/**
 * Web preferences for every window of the app. Spell checking is on only where the operating
 * system provides it (macOS); elsewhere Chromium would download dictionaries from the network,
 * which an offline reader must never do.
 */
export function secureWebPreferences(
  preloadPath: string,
  platform: NodeJS.Platform = process.platform,
): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: platform === 'darwin',
    preload: preloadPath,
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for the app's own page, the only place a window may (re)load. */
export function isAppIndexUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    (parsed.pathname === '/index.html' || parsed.pathname === '/')
  );
}

/** True for links that may be handed to the user's browser: plain web pages only. */
export function isExternalWebLink(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:');
}

/**
 * Hands a web link to the user's browser; anything else (javascript:, file:, custom schemes) is
 * dropped.
 */
function openInBrowser(url: string): void {
  if (!isExternalWebLink(url)) return;
  shell.openExternal(url).catch(() => {
    // No browser, or the user's system refused: the link simply does nothing.
  });
}

// Both the window factory and the app-wide `web-contents-created` hook lock down the main
// window; the second call must not add a second set of listeners (a link would open twice).
const lockedDown = new WeakSet<object>();

/**
 * Keeps a webContents on the app's page: navigation and redirects elsewhere are cancelled,
 * new windows are refused (web links go to the user's browser instead), and <webview> cannot
 * be attached. Idempotent.
 */
export function lockDownContents(contents: WebContents): void {
  if (lockedDown.has(contents)) return;
  lockedDown.add(contents);

  contents.on('will-navigate', (event) => {
    if (isAppIndexUrl(event.url)) return;
    event.preventDefault();
    // A link clicked in a note or an article: the reader expects it to open in the browser.
    openInBrowser(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (isAppIndexUrl(event.url)) return;
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (isAppIndexUrl(event.url)) return;
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/**
 * Schemes a page may still load from: our own files, inline images (CSP allows data:), devtools.
 */
const ALLOWED_REQUEST_SCHEMES = new Set([
  `${APP_SCHEME}:`,
  'data:',
  'devtools:',
  'chrome-devtools:',
]);

/** True when a request stays inside the app; everything else would reach the network or disk. */
export function isAllowedRequest(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && ALLOWED_REQUEST_SCHEMES.has(parsed.protocol);
}

/**
 * Denies every permission (camera, notifications, clipboard-read, geolocation…) and cancels
 * every request that would leave the app, so nothing in an article can reach the network.
 */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
  // Nothing in the app downloads; a page that tries gets nothing written to disk.
  session.on('will-download', (event) => {
    event.preventDefault();
  });
}
