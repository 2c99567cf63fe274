// The page-side half of the test bridge: the same `createBridge` the preload uses, over a
// Playwright binding instead of Electron's IPC.
import { createBridge, type Envelope } from '../../common/api.ts';

type Invoke = (channel: string, arg: unknown) => Promise<Envelope<unknown>>;
const page = window as unknown as { __glossInvoke: Invoke; gloss: unknown };
page.gloss = createBridge((channel, arg) => page.__glossInvoke(channel, arg));
