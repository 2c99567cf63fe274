import type { GlossApi } from '../common/api.ts';

/** The bridge the preload exposes: the only way the renderer reaches the library. */
export const gloss: GlossApi = (window as unknown as { gloss: GlossApi }).gloss;

/** Menu commands sent by the main process (File → Export notes…), when running in the app. */
export function onMenuCommand(listener: (command: string) => void): () => void {
  const menu = (window as unknown as { glossMenu?: { on(l: (c: string) => void): () => void } })
    .glossMenu;
  return menu ? menu.on(listener) : () => {};
}
