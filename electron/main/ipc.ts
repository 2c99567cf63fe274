/**
 * Registers the API table with ipcMain. Every call is checked for where it came from before
 * its argument is even looked at: only the app's own top-level page may use the API.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { apiChannels, apiNames, type Envelope } from '../../common/api-channels.ts';
import { IMPORT_CHANNELS } from '../../common/api-imports.ts';
import type { ErrorInfo } from '../../common/errors.ts';

/** The channel handlers `createChannelHandlers` builds: validate, run, answer with an envelope. */
export type ChannelHandlers = ReadonlyMap<string, (arg: unknown) => Promise<Envelope<unknown>>>;

/**
 * What an untrusted caller gets back instead of an answer. The app's own page never meets it,
 * so it is an 'internal' failure rather than something a reader is told how to fix.
 */
export const UNTRUSTED_SENDER_ERROR: ErrorInfo = {
  code: 'internal',
  message: 'refused: only the Gloss window may call the library',
};

const APP_PREFIX = 'gloss://app/';

/**
 * True when the call comes from the app's page in the top frame. A subframe, a page that has
 * navigated elsewhere, or a frame already gone (senderFrame is null) is refused.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  try {
    const frame = event.senderFrame;
    if (!frame) return false;
    if (frame.parent !== null) return false;
    const url = frame.url;
    if (typeof url !== 'string' || !url.startsWith(APP_PREFIX)) return false;
    // The prefix test alone would accept odd spellings; the parsed URL must agree.
    const parsed = new URL(url);
    return parsed.protocol === 'gloss:' && parsed.host === 'app';
  } catch {
    // Reading a destroyed frame throws: such a caller is not trusted.
    return false;
  }
}

/**
 * One ipcMain handler per channel of the table, and one for the preload's dropped files. Throws
 * at start-up if a channel has no handler, so that a table entry without an implementation
 * cannot ship.
 */
export function registerApi(ipcMain: Pick<IpcMain, 'handle'>, handlers: ChannelHandlers): void {
  const channels: Array<[string, string]> = apiNames.map((name) => [name, apiChannels[name]]);
  channels.push(['importDropped', IMPORT_CHANNELS.dropped]);
  for (const [name, channel] of channels) {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler for ${name} (${channel})`);
    ipcMain.handle(channel, async (event, arg: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event)) return { ok: false, error: UNTRUSTED_SENDER_ERROR };
      return handler(arg);
    });
  }
}
