import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createChannelHandlers } from '../../common/api.ts';
import { IMPORT_CHANNELS, type ImportProgressEvent } from '../../common/api-imports.ts';
import { CONTENT_SECURITY_POLICY } from '../../common/content-security-policy.ts';
import {
  createApiImplementation,
  type Platform,
} from '../../electron/services/api-implementation.ts';
import { DEFAULT_BUDGET, type ImportBudget } from '../../electron/services/import-worker/budget.ts';
import { ImportRunner } from '../../electron/services/import-worker/runner.ts';
import { tempDir } from '../helpers/temp.ts';
import type { Library } from '../../electron/services/library.ts';
import { openLibrary } from '../../electron/services/open-library.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The build made by global-setup.ts for this run. */
const DIST = () => process.env.GLOSS_E2E_DIST ?? path.join(ROOT, 'dist', 'e2e');
/** The page's origin in tests; every request is answered from disk, nothing reaches a network. */
export const APP_ORIGIN = 'https://gloss.test';
export const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots');

/** The browser to drive: $CHROME_PATH, else Debian's Chromium or a Chrome on the PATH. */
export function findChrome(): string | null {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((c): c is string => !!c && existsSync(c)) ?? null;
}

export const CHROME = findChrome();
if (!CHROME) {
  console.warn(
    "Browser tests skipped: no Chromium found. Install Debian's chromium or set CHROME_PATH to a Chrome or Chromium binary.",
  );
}

const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--font-render-hinting=none',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

export interface App {
  browser: Browser;
  context: Context;
  page: Page;
  library: Library;
  dataDir: string;
  /** Every request the page made that was not for the app's own files. */
  outsideRequests: string[];
  /** Paths the save dialog stand-in will answer with, in order. */
  savePaths: string[];
  /** Folders the export-all dialog stand-in will answer with, in order. */
  exportFolders: string[];
  /** Files the import dialog stand-in will answer with, one list per opening. */
  importChoices: string[][];
  /** OPML files the feed-import dialog stand-in will answer with, in order. */
  opmlChoices: string[];
  /** Every import progress event main sent to the page, in order. */
  importProgress: ImportProgressEvent[];
  /** Errors the page threw or logged. */
  pageErrors: string[];
  close(): Promise<void>;
  screenshot(name: string): Promise<string>;
}
type Context = BrowserContext;

/** The page side of the stand-in for the preload's `glossLibrary`. */
interface GlossLibraryStandIn {
  __glossLibraryChanged(change: { articles: string[] }): void;
}
const LIBRARY_EVENTS_SCRIPT = `(() => {
  const listeners = new Set();
  globalThis.glossLibrary = Object.freeze({
    onChanged(listener) { listeners.add(listener); return () => listeners.delete(listener); },
  });
  globalThis.__glossLibraryChanged = (change) => {
    for (const listener of [...listeners]) listener(change);
  };
})();`;

/** A fresh folder, removed after the test file (tests/helpers/temp.ts). */
export function tempDataDir(): string {
  return tempDir('e2e');
}

/**
 * Opens the renderer in Chromium against the real services on a data folder, bound through
 * the API table exactly as the preload binds it in the app.
 */
export async function openApp(
  options: {
    dataDir?: string;
    width?: number;
    height?: number;
    colorScheme?: 'light' | 'dark';
    /** Watch the data folder for other processes' changes, as the app does. */
    watch?: boolean;
    /**
     * Parse imports in the budgeted worker thread, as the built app does, with these limits
     * (from source the worker loads through tsx, which costs seconds, so it is opt-in).
     */
    importBudget?: Partial<ImportBudget>;
  } = {},
): Promise<App> {
  if (!CHROME) throw new Error('no Chromium');
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? tempDataDir();
  const { library } = await openLibrary(dataDir, {
    seed: true,
    appRoot: ROOT,
    watch: options.watch ?? false,
  });
  const runner = options.importBudget
    ? new ImportRunner({ ...DEFAULT_BUDGET, ...options.importBudget })
    : null;
  if (runner) library.parser = runner;
  const savePaths: string[] = [];
  const exportFolders: string[] = [];
  const importChoices: string[][] = [];
  const opmlChoices: string[] = [];
  const importProgress: ImportProgressEvent[] = [];
  // The page, once open: the platform's progress reports reach it (see importProgress).
  let pageRef: Page | null = null;
  let delivered: Promise<unknown> = Promise.resolve();
  const platform: Platform = {
    chooseSavePath: () => Promise.resolve(savePaths.shift() ?? null),
    chooseExportFolder: () => Promise.resolve(exportFolders.shift() ?? null),
    chooseImportFiles: () => Promise.resolve(importChoices.shift() ?? []),
    chooseOpmlFile: () => Promise.resolve(opmlChoices.shift() ?? null),
    // As main sends it to the window: the page's glossImports hears it (see bridge-entry.ts),
    // in order, and before the answer to the call that caused it, as Electron's IPC delivers.
    importProgress: (event) => {
      importProgress.push(event);
      delivered = delivered.then(() =>
        pageRef
          ?.evaluate(
            ({ channel, event }) =>
              (
                globalThis as unknown as { __glossImportProgress?: (c: string, e: unknown) => void }
              ).__glossImportProgress?.(channel, event),
            { channel: IMPORT_CHANNELS.progress, event },
          )
          .catch(() => undefined),
      );
    },
  };
  const handlers = createChannelHandlers(createApiImplementation(library, platform));

  const browser = await chromium.launch({
    executablePath: CHROME,
    args: CHROME_ARGS,
    headless: true,
  });
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1360, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
    deviceScaleFactor: 1,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP_ORIGIN });
  const outsideRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== APP_ORIGIN) {
      outsideRequests.push(url.href);
      return route.abort('blockedbyclient');
    }
    // The app serves images copied in with saved pages from the library's media folder.
    const media = url.pathname.startsWith('/media/');
    const root = media ? path.join(dataDir, 'media') : path.join(DIST(), 'renderer');
    const file = path.normalize(
      path.join(
        root,
        decodeURIComponent(media ? url.pathname.slice('/media'.length) : url.pathname),
      ),
    );
    if (!file.startsWith(root + path.sep)) return route.fulfill({ status: 404 });
    try {
      const body = await readFile(file);
      return route.fulfill({
        status: 200,
        body,
        headers: {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CONTENT_SECURITY_POLICY,
        },
      });
    } catch {
      return route.fulfill({ status: 404 });
    }
  });
  // The envelope crosses as one JSON string. Playwright serialises a returned object value by
  // value, which for a long article's highlights takes seconds that Electron's structured clone
  // does not, and would swamp what the benchmarks measure.
  await context.exposeBinding('__glossInvoke', async (_source, channel: string, arg: unknown) => {
    const handler = handlers.get(channel);
    if (!handler) return JSON.stringify({ ok: false, error: `unknown channel ${channel}` });
    const answer = await handler(arg);
    await delivered;
    return JSON.stringify(answer);
  });
  // Scripts run through tsx (the benchmarks) wrap functions passed to page.evaluate in a
  // __name helper that the page lacks; define it so the same helpers work from both runners.
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  await context.addInitScript({ content: readFileSync(path.join(DIST(), 'bridge.js'), 'utf8') });
  // The preload's `glossLibrary`: what main sends on gloss:library:changed reaches the page's
  // listeners here through page.evaluate (see the forwarding below).
  await context.addInitScript({ content: LIBRARY_EVENTS_SCRIPT });
  const page = await context.newPage();
  pageRef = page;
  const stopForwarding = library.onChanged((change) => {
    page
      .evaluate(
        (c) => (globalThis as unknown as GlossLibraryStandIn).__glossLibraryChanged(c),
        change,
      )
      .catch(() => undefined); // the page is navigating or closed: nothing to tell
  });
  // Fail a step well before the test's own time limit, so the report names the step.
  page.setDefaultTimeout(10_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
  await page.goto(`${APP_ORIGIN}/index.html`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    browser,
    context,
    page,
    library,
    dataDir,
    outsideRequests,
    savePaths,
    importChoices,
    opmlChoices,
    importProgress,
    exportFolders,
    pageErrors,
    // Playwright removes the browser's profile folder on close; the data folder made here goes
    // with it, for callers outside the test runner (the benchmarks) that have no cleanup hook.
    async close() {
      stopForwarding();
      if (options.watch) await library.close();
      await browser.close();
      await runner?.close();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
    },
    async screenshot(name: string) {
      const file = path.join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
  };
}

/** Opens the bundled article from the library, as a new user's first click. */
export async function openBundledArticle(page: Page): Promise<void> {
  await page.locator('.article-card', { hasText: 'Turkey, Russia face conflicts' }).click();
  await page.locator('h1#article-title').waitFor();
  await page.evaluate(() => document.fonts.ready);
}

/**
 * Selects text with a real DOM range, the way a drag would: from the start of `from` to the end
 * of `to` (which may lie in a later paragraph; by default the end of `from` itself).
 */
export async function selectText(page: Page, from: string, to: string = from): Promise<void> {
  await page.evaluate(
    ({ from, to }) => {
      const blocks = [
        ...document.querySelectorAll<HTMLElement>('.article-body [data-block-start]'),
      ];
      const locate = (needle: string, after: number, atEnd: boolean): [Node, number, number] => {
        let base = 0;
        for (const block of blocks) {
          const text = block.textContent ?? '';
          const found = text.indexOf(needle, Math.max(0, after - base));
          if (found >= 0 && base + found >= after) {
            const target = found + (atEnd ? needle.length : 0);
            const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
            let pos = 0;
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const len = (n as Text).data.length;
              if (atEnd ? target <= pos + len : target < pos + len)
                return [n, target - pos, base + found];
              pos += len;
            }
          }
          base += text.length + 1;
        }
        throw new Error(`text not found: ${needle}`);
      };
      const [startNode, startOffset, startAt] = locate(from, 0, false);
      const [endNode, endOffset] = locate(to, startAt, true);
      const range = document.createRange();
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { from, to },
  );
}

/**
 * Drops files on the window the way a user would drag them from a file manager: a real drop
 * event with File objects, each known to the preload's stand-in for Electron's webUtils by its
 * path (as Chromium knows the files of a real drop). Files the page makes itself have no path.
 */
export async function dropFiles(
  page: Page,
  files: Array<{ path: string; name: string; content: string }>,
): Promise<void> {
  await page.evaluate((files) => {
    const known = (globalThis as unknown as { __glossDroppedFiles: WeakMap<File, string> })
      .__glossDroppedFiles;
    const data = new DataTransfer();
    for (const f of files) {
      const file = new File([f.content], f.name, { type: 'text/plain' });
      known.set(file, f.path);
      data.items.add(file);
    }
    const target = document.querySelector('.app')!;
    target.dispatchEvent(
      new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
    target.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  }, files);
}
