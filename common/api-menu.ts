/**
 * The commands the application menu sends to the renderer. Shared by the main process and the
 * preload; it imports nothing so that the preload bundle stays small.
 */

/** The IPC channel on which menu commands reach the renderer (see `window.glossMenu`). */
export const MENU_CHANNEL = 'gloss:menu';

/** Every command the menu can send. */
export const MENU_COMMANDS = [
  'export-notes',
  'export-all',
  'import',
  'save-link',
  'import-opml',
  'export-opml',
] as const;

/** One menu command, as the renderer receives it. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** True for a string that is one of the menu's commands. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
