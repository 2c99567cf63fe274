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

/** The store's device logs, or null when the library's store keeps none. */
export function deviceLogsOf(library: Library): DeviceLogs | null {
  const store = library.store as unknown as Partial<DeviceLogs>;
  if (typeof store.device === 'string' && typeof store.devices === 'function')
    return store as DeviceLogs;
  return null;
}

/** A highlight whose note was edited on two devices and not yet resolved. */
function hasConflict(h: Highlight): boolean {
  const conflicts = (h as Highlight & { conflicts?: unknown[] }).conflicts;
  return Array.isArray(conflicts) && conflicts.length > 0;
}

/** The library's sync status: this device, every device's log, unresolved note conflicts. */
export async function syncStatus(library: Library, logs: DeviceLogs): Promise<SyncStatus> {
  let conflicts = 0;
  for (const article of library.list())
    for (const h of await library.store.getHighlights(article.id)) if (hasConflict(h)) conflicts++;
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
  const { library } = await openCliLibrary(dataDir);
  const logs = readLogs(library);
  if (!logs) {
    io.err(`gloss sync status: the library in ${dataDir} keeps no per-device change logs`);
    return 1;
  }
  const status = await syncStatus(library, logs);
  io.out(flags.json ? json(status) : describeStatus(status));
  return 0;
}
