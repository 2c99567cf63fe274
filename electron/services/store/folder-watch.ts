/**
 * Notices when other writers change the library folder: fs.watch for promptness where the
 * platform reports changes in subfolders, and a poll once a second for where it does not (some
 * network and synced folders report nothing). Both only say "look again"; the store then reads
 * what the logs gained, so a missed or doubled event costs nothing.
 */
import { watch, type FSWatcher } from 'node:fs';

/** How often the folder is looked at even when no event came. */
export const POLL_MS = 1000;

export class FolderWatch {
  #watcher: FSWatcher | null = null;
  readonly #timer: NodeJS.Timeout;
  #pending: NodeJS.Timeout | null = null;

  constructor(
    readonly folder: string,
    private readonly onChange: () => void,
  ) {
    try {
      this.#watcher = watch(folder, { recursive: true, persistent: false }, () => this.#soon());
      this.#watcher.on('error', () => this.#stopWatcher());
    } catch {
      this.#watcher = null; // no such folder yet, or no recursive watch here: the poll covers it
    }
    this.#timer = setInterval(() => this.onChange(), POLL_MS);
    this.#timer.unref();
  }

  /** Several events for one append come together: look once, shortly after the first. */
  #soon(): void {
    this.#pending ??= setTimeout(() => {
      this.#pending = null;
      this.onChange();
    }, 50);
  }

  #stopWatcher(): void {
    this.#watcher?.close();
    this.#watcher = null;
  }

  close(): void {
    this.#stopWatcher();
    clearInterval(this.#timer);
    if (this.#pending) clearTimeout(this.#pending);
    this.#pending = null;
  }
}
