// The page-side half of the test bridge: the preload's own builders (`createBridge` for
// `window.gloss`, `createImportsBridge` for `window.glossImports`) over a Playwright binding
// instead of Electron's IPC.
import { createBridge, type Envelope } from '../../common/api.ts';
import type { ImportProgressEvent } from '../../common/api-imports.ts';
import { createImportsBridge } from '../../electron/preload/imports-bridge.ts';

type Invoke = (channel: string, arg: unknown) => Promise<string>;
type Relay = (event: unknown, progress: unknown) => void;
const page = window as unknown as {
  __glossInvoke: Invoke;
  /** Files the harness dropped, with their paths: what Chromium knows in the app. */
  __glossDroppedFiles: WeakMap<File, string>;
  /** How the harness delivers what main sends on the progress channel. */
  __glossImportProgress: (channel: string, event: ImportProgressEvent) => void;
  gloss: unknown;
  glossImports: unknown;
};

// The binding answers with the envelope as JSON (see the harness).
const invoke = async (channel: string, arg: unknown) =>
  JSON.parse(await page.__glossInvoke(channel, arg)) as Envelope<unknown>;
page.gloss = createBridge(invoke);

const dropped = new WeakMap<File, string>();
page.__glossDroppedFiles = dropped;
const relays = new Map<string, Set<Relay>>();
page.__glossImportProgress = (channel, event) => {
  for (const relay of relays.get(channel) ?? []) relay({}, event);
};
page.glossImports = createImportsBridge({
  // As in Electron: a File the page made itself has no path.
  webUtils: { getPathForFile: (file: File) => dropped.get(file) ?? '' },
  ipcRenderer: {
    invoke,
    on(channel: string, relay: Relay) {
      relays.set(channel, (relays.get(channel) ?? new Set()).add(relay));
      return this;
    },
    removeListener(channel: string, relay: Relay) {
      relays.get(channel)?.delete(relay);
      return this;
    },
  } as never,
});
