import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Highlight } from '../../../common/model/highlight.ts';
import type { Library } from '../../services/library.ts';
import { openCliLibrary } from '../cli-library.ts';
import { humanDate, json, type Output } from '../output.ts';

/** One device whose change log is in the data folder. */
export interface DeviceSummary {
  device: string;
  /** When its newest change was made (ISO 8601), or null when it has made none. */
  lastChange: string | null;
  changes: number;
}

/** What `gloss sync status --json` prints. */
export interface SyncStatus {
  device: string;
  devices: DeviceSummary[];
  conflicts: number;
}

/** What the status reads of the store: who this process writes as, and every device's log. */
export interface DeviceLogs {
  readonly device: string;
  devices(): DeviceSummary[] | Promise<DeviceSummary[]>;
}

/** A version of a note written on another device concurrently with the one kept. */
export interface NoteConflict {
  note: string;
  updated: string;
  device: string;
}

/** The unresolved concurrent versions of a highlight's note (none from a store without them). */
export function noteConflictsOf(h: Highlight): NoteConflict[] {
  return (h as Highlight & { conflicts?: NoteConflict[] }).conflicts ?? [];
}

/** The names in a folder, or none when it is not there. */
async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** A change's clock stamp: `<13-digit ms>.<6-digit counter>.<writer>`. */
const STAMP = /^(\d{13})\.\d{6}\..+$/;

/**
 * Every device with a folder under `devices/` and the changes its logs (`logs/*.jsonl`, one
 * record a line, each with its clock stamp `t`) hold. A line still being written is not
 * counted; a record read twice (a log and a file-sync engine's conflict copy of it) counts
 * once, by its stamp.
 */
export async function readDeviceLogs(dataDir: string): Promise<DeviceSummary[]> {
  const out: DeviceSummary[] = [];
  const devicesDir = path.join(dataDir, 'devices');
  for (const device of await namesIn(devicesDir)) {
    const logs = path.join(devicesDir, device, 'logs');
    const stamps = new Set<string>();
    let last: string | null = null;
    for (const name of await namesIn(logs)) {
      if (!name.endsWith('.jsonl')) continue;
      const text = await readFile(path.join(logs, name), 'utf8');
      for (const line of text.slice(0, text.lastIndexOf('\n') + 1).split('\n')) {
        let stamp: unknown;
        try {
          stamp = (JSON.parse(line) as { t?: unknown }).t;
        } catch {
          continue; // a damaged line: the store reports those
        }
        if (typeof stamp !== 'string' || !STAMP.test(stamp)) continue;
        stamps.add(stamp);
        if (last === null || stamp > last) last = stamp;
      }
    }
    const lastChange = last && new Date(Number(STAMP.exec(last)![1])).toISOString();
    out.push({ device, lastChange, changes: stamps.size });
  }
  return out;
}

/** The library's device logs, or null when its store keeps none (one without device names). */
export function deviceLogsOf(library: Library): DeviceLogs | null {
  const { store } = library;
  const device = (store as { device?: unknown }).device;
  if (typeof device !== 'string') return null;
  return { device, devices: () => readDeviceLogs(store.dataDir) };
}

/** The library's sync status: this device, every device's log, unresolved note conflicts. */
export async function syncStatus(library: Library, logs: DeviceLogs): Promise<SyncStatus> {
  let conflicts = 0;
  for (const article of library.list())
    for (const h of await library.store.getHighlights(article.id))
      if (noteConflictsOf(h).length > 0) conflicts++;
  const devices = [...(await logs.devices())].sort((a, b) => a.device.localeCompare(b.device));
  return { device: logs.device, devices, conflicts };
}

/** The status for people, one device a line. */
export function describeStatus(status: SyncStatus): string {
  const lines = [`This device: ${status.device}`];
  if (status.devices.length === 0) lines.push('No changes recorded yet.');
  const width = Math.max(...status.devices.map((d) => d.device.length), 0);
  for (const d of status.devices) {
    const you = d.device === status.device ? ' (this device)' : '';
    const count = `${d.changes} change${d.changes === 1 ? '' : 's'}`;
    lines.push(`  ${d.device.padEnd(width)}  ${count}, last ${humanDate(d.lastChange)}${you}`);
  }
  lines.push(
    status.conflicts === 0
      ? 'No notes edited on two devices at once.'
      : `${status.conflicts} highlight${status.conflicts === 1 ? ' has a note' : 's have notes'} edited on two devices at once; open ${status.conflicts === 1 ? 'it' : 'them'} in the reader to choose.`,
  );
  return `${lines.join('\n')}\n`;
}

/** `gloss sync status [--json]`. */
export async function syncCommand(
  args: string[],
  flags: { json: boolean },
  dataDir: string,
  io: Output,
  readLogs: (library: Library) => DeviceLogs | null = deviceLogsOf,
): Promise<number> {
  const [verb, ...extra] = args;
  if (verb !== 'status' || extra.length) {
    io.err('gloss sync: the only subcommand is status (see gloss sync --help)');
    return 2;
  }
  const { library } = await openCliLibrary(dataDir, { readOnly: true });
  const logs = readLogs(library);
  if (!logs) {
    io.err(`gloss sync status: the library in ${dataDir} keeps no per-device change logs`);
    return 1;
  }
  const status = await syncStatus(library, logs);
  io.out(flags.json ? json(status) : describeStatus(status));
  return 0;
}
