import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { digestOf, treeDifferences, treeDigest, type FileSync, type Side } from './file-sync.ts';

/** How a conflict copy is named: Syncthing's `.sync-conflict-…` or Dropbox's "conflicted copy". */
export type ConflictStyle = 'syncthing' | 'dropbox';

export interface FolderCopyOptions {
  /** Copy in the background this often while both sides are online (0: only in waitInSync). */
  intervalMs?: number;
  conflictStyle?: ConflictStyle;
  /** The clock for conflict names (tests fix it). */
  now?: () => Date;
}

/** The short device ids the stand-in puts in Syncthing-style conflict names. */
const DEVICE_TAGS = ['GLOSSAA', 'GLOSSBB'] as const;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The name a file-sync engine gives the losing copy of a file both sides changed:
 * `notes.sync-conflict-20260102-030405-GLOSSBB.json` (Syncthing) or
 * `notes (side 1's conflicted copy 2026-01-02).json` (Dropbox).
 */
export function conflictName(
  relative: string,
  loser: Side,
  when: Date,
  style: ConflictStyle,
): string {
  const ext = path.posix.extname(relative);
  const stem = relative.slice(0, relative.length - ext.length);
  const y = when.getUTCFullYear();
  const date = `${y}${pad(when.getUTCMonth() + 1)}${pad(when.getUTCDate())}`;
  if (style === 'dropbox')
    return `${stem} (side ${loser}'s conflicted copy ${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)})${ext}`;
  const time = `${pad(when.getUTCHours())}${pad(when.getUTCMinutes())}${pad(when.getUTCSeconds())}`;
  return `${stem}.sync-conflict-${date}-${time}-${DEVICE_TAGS[loser]}${ext}`;
}

/**
 * A plain folder-copy file-sync engine: each pass copies what one side changed since the last
 * pass to the other side, propagates deletions, and when both sides changed one file keeps the
 * newer (by modification time) under its name and the other as a conflict copy on both sides —
 * what Syncthing and Dropbox do, without a network. A file changed on one side and deleted on
 * the other comes back, as it does with those engines. Copies land by rename, whole, but a
 * file being appended to while it is read is copied as it was at that moment (as a real engine
 * may do too).
 */
export class FolderCopySync implements FileSync {
  readonly name = 'folder-copy';
  private readonly paused: [boolean, boolean] = [false, false];
  /** Each path's digest as both sides last agreed on it. */
  private base = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private readonly style: ConflictStyle;
  private readonly now: () => Date;

  constructor(
    readonly folders: readonly [string, string],
    options: FolderCopyOptions = {},
  ) {
    this.style = options.conflictStyle ?? 'syncthing';
    this.now = options.now ?? (() => new Date());
    if (options.intervalMs) {
      this.timer = setInterval(() => {
        void this.pass().catch(() => undefined);
      }, options.intervalMs);
    }
  }

  pause(side: Side): Promise<void> {
    this.paused[side] = true;
    return this.running;
  }

  resume(side: Side): Promise<void> {
    this.paused[side] = false;
    return Promise.resolve();
  }

  /** One copy pass, serialized with any other (the background timer's). */
  pass(): Promise<void> {
    const next = this.running.then(() => this.copyOnce());
    this.running = next.catch(() => undefined);
    return next;
  }

  async waitInSync(timeoutMs = 30_000): Promise<void> {
    if (this.paused[0] || this.paused[1])
      throw new Error(`folder-copy: side ${this.paused[0] ? 0 : 1} is paused; resume it first`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.pass();
      const [a, b] = await Promise.all(this.folders.map((f) => treeDigest(f)));
      const differ = treeDifferences(a!, b!);
      if (differ.length === 0) return;
      if (Date.now() > deadline)
        throw new Error(`folder-copy: still different after ${timeoutMs} ms: ${differ.join(', ')}`);
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async copyOnce(): Promise<void> {
    if (this.paused[0] || this.paused[1]) return;
    const trees = await Promise.all(this.folders.map((f) => treeDigest(f)));
    const names = new Set([...trees[0]!.keys(), ...trees[1]!.keys(), ...this.base.keys()]);
    const agreed = new Map<string, string>();
    for (const name of [...names].sort()) {
      const was = this.base.get(name);
      const now = [trees[0]!.get(name), trees[1]!.get(name)] as const;
      let from: Side | null = null;
      if (now[0] === now[1]) {
        if (now[0] !== undefined) agreed.set(name, now[0]);
        continue;
      }
      if (now[1] === was) from = 0;
      else if (now[0] === was) from = 1;
      // Changed on one side, deleted on the other: the change wins.
      else if (now[0] === undefined) from = 1;
      else if (now[1] === undefined) from = 0;
      if (from === null) {
        for (const [n, d] of await this.conflict(name)) agreed.set(n, d);
        continue;
      }
      const to: Side = from === 0 ? 1 : 0;
      const digest = now[from];
      if (digest === undefined) await rm(this.pathOn(to, name), { force: true });
      else if (await this.copyFile(from, to, name, name, now[to])) agreed.set(name, digest);
      else if (was !== undefined) agreed.set(name, was);
    }
    this.base = agreed;
  }

  /** Both sides changed `name`: the newer keeps the name on both, the older becomes a copy. */
  private async conflict(name: string): Promise<Array<[string, string]>> {
    const times = await Promise.all(
      ([0, 1] as const).map(async (s) => (await stat(this.pathOn(s, name))).mtimeMs),
    );
    const winner: Side = times[1]! > times[0]! ? 1 : 0;
    const loser: Side = winner === 0 ? 1 : 0;
    const copy = conflictName(name, loser, this.now(), this.style);
    await this.copyFile(loser, loser, name, copy);
    await this.copyFile(loser, winner, name, copy);
    await this.copyFile(winner, loser, name, name);
    const after = await Promise.all(this.folders.map((f) => treeDigest(f)));
    const result: Array<[string, string]> = [];
    for (const n of [name, copy]) {
      const d = after[0]!.get(n);
      if (d !== undefined && d === after[1]!.get(n)) result.push([n, d]);
    }
    return result;
  }

  private pathOn(side: Side, name: string): string {
    return path.join(this.folders[side], ...name.split('/'));
  }

  /**
   * Copies whole (temp file, then rename) with the source's modification time. When `expected`
   * is given, the copy is dropped (false) if the target no longer has that digest: it was
   * written meanwhile, and the next pass will see it, as Syncthing waits for a rescan.
   */
  private async copyFile(
    from: Side,
    to: Side,
    name: string,
    target: string,
    expected?: string,
  ): Promise<boolean> {
    const source = this.pathOn(from, name);
    const bytes = await readFile(source);
    const { atime, mtime } = await stat(source);
    const dest = this.pathOn(to, target);
    await mkdir(path.dirname(dest), { recursive: true });
    const temp = `${dest}.copy-in-progress-${randomBytes(4).toString('hex')}`;
    await writeFile(temp, bytes);
    await utimes(temp, atime, mtime);
    if (expected !== undefined && (await digestOf(dest)) !== expected) {
      await rm(temp, { force: true });
      return false;
    }
    await rename(temp, dest);
    return true;
  }
}
