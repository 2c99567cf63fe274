/**
 * The channel half of the API table: one IPC channel per call the renderer may make. The preload
 * builds `window.gloss` from this file alone, so it carries no schema library (the argument
 * schemas live in api.ts, where the main process validates). api.ts checks at compile time that
 * both halves name the same calls.
 */
import { GlossError, isErrorCode, type ErrorInfo } from './errors.ts';
import type { GlossApi } from './api.ts';

export const apiChannels = {
  listArticles: 'gloss:articles:list',
  getArticle: 'gloss:articles:get',
  notices: 'gloss:app:notices',
  createHighlight: 'gloss:highlights:create',
  updateHighlight: 'gloss:highlights:update',
  deleteHighlight: 'gloss:highlights:delete',
  restoreHighlight: 'gloss:highlights:restore',
  exportMarkdown: 'gloss:export:markdown',
  exportToFile: 'gloss:export:file',
  exportAllWithDialog: 'gloss:export:all',
  search: 'gloss:library:search',
  importWithDialog: 'gloss:library:import-with-dialog',
  setArticleTags: 'gloss:articles:tags',
  setReadingPosition: 'gloss:articles:position',
  trashArticle: 'gloss:articles:trash',
  restoreArticle: 'gloss:articles:restore',
  listTrash: 'gloss:articles:trash-list',
  listAllHighlights: 'gloss:notebook:list',
  exportNotebook: 'gloss:notebook:export',
  resolveNoteConflict: 'gloss:highlights:resolve-conflict',
  saveLink: 'gloss:library:save-link',
  listFeeds: 'gloss:feeds:list',
  addFeed: 'gloss:feeds:add',
  removeFeed: 'gloss:feeds:remove',
  refreshFeeds: 'gloss:feeds:refresh',
  importOpml: 'gloss:feeds:import-opml',
  exportOpml: 'gloss:feeds:export-opml',
} as const;

/** The name of one call (`window.gloss.<name>`). */
export type ApiName = keyof typeof apiChannels;

export const apiNames = Object.keys(apiChannels) as ApiName[];

/**
 * How results cross IPC. Electron keeps only an Error's message, so a failure travels as data:
 * a code from the closed set in errors.ts and a readable message.
 */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** The error a failed envelope becomes on the page's side: the same code and message. */
export function errorFromEnvelope(error: unknown): GlossError {
  const info = error as Partial<ErrorInfo> | null;
  const code = isErrorCode(info?.code) ? info.code : 'internal';
  const message =
    typeof info?.message === 'string' && info.message !== ''
      ? info.message
      : 'an unexpected error occurred';
  return new GlossError(code, message);
}

/**
 * Builds `window.gloss` from the channels over any transport that carries a channel and an
 * argument and answers with an envelope (Electron's ipcRenderer.invoke, or a test binding).
 * A failed call rejects with a GlossError carrying the envelope's code and message.
 */
export function createBridge(
  invoke: (channel: string, arg: unknown) => Promise<Envelope<unknown>>,
): GlossApi {
  const bridge: Record<string, (arg?: unknown) => Promise<unknown>> = {};
  for (const name of apiNames) {
    const channel = apiChannels[name];
    bridge[name] = async (arg?: unknown) => {
      const result = await invoke(channel, arg);
      if (!result.ok) throw errorFromEnvelope(result.error);
      return result.value;
    };
  }
  return Object.freeze(bridge) as unknown as GlossApi;
}
