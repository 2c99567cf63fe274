// The page-side half of the test bridge: the same `createBridge` the preload uses, over a
// Playwright binding instead of Electron's IPC.
import { createBridge, type Envelope } from '../../common/api.ts';

type Invoke = (channel: string, arg: unknown) => Promise<string>;
const page = window as unknown as { __glossInvoke: Invoke; gloss: unknown };
// The binding answers with the envelope as JSON (see the harness).
page.gloss = createBridge(
  async (channel, arg) => JSON.parse(await page.__glossInvoke(channel, arg)) as Envelope<unknown>,
);
