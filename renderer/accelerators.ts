/**
 * The application menu's accelerators, handled by the page too: a key pressed in the page
 * runs the same command the menu item would (electron/main/menu.ts holds the menu's side).
 */
import type { MenuCommand } from '../common/api-menu.ts';

export interface Accelerator {
  /** As shown to the reader. */
  keys: string;
  /** The key, lower case, pressed with Ctrl (or Cmd on macOS). */
  key: string;
  shift: boolean;
  command: MenuCommand;
  what: string;
}

export const ACCELERATORS: readonly Accelerator[] = [
  { keys: 'Ctrl/Cmd+O', key: 'o', shift: false, command: 'import', what: 'Import files…' },
  { keys: 'Ctrl/Cmd+L', key: 'l', shift: false, command: 'save-link', what: 'Save a link…' },
  {
    keys: 'Ctrl/Cmd+Shift+E',
    key: 'e',
    shift: true,
    command: 'export-notes',
    what: 'Export the article’s notes…',
  },
];

/** The menu command a key press asks for, or null. */
export function commandOfKey(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): MenuCommand | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  return ACCELERATORS.find((a) => a.key === key && a.shift === e.shiftKey)?.command ?? null;
}
