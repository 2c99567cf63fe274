import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deviceLogsOf } from '../../electron/cli/commands/sync.ts';
import { main } from '../../electron/cli/main.ts';
import { openLibrary } from '../../electron/services/open-library.ts';
import type { Side } from './file-sync.ts';

const ROOT = path.resolve(__dirname, '..', '..');
const WRITER = path.join(ROOT, 'tests', 'sync', 'writer.ts');

/** One simulated computer: its device name and its copy of the data folder. */
export interface Device {
  name: string;
  side: Side;
  folder: string;
}

/** What one `gloss` command did: exit 0 means the write was acknowledged. */
export interface CommandResult {
  args: string[];
  code: number;
  out: string;
  err: string;
}

/**
 * Runs `gloss` in this process as `device` (GLOSS_DEVICE), for reads between the writers'
 * runs; never call two at once, the device is the process's environment.
 */
export async function glossAs(device: Device, args: string[]): Promise<CommandResult> {
  const before = process.env.GLOSS_DEVICE;
  process.env.GLOSS_DEVICE = device.name;
  let out = '';
  let err = '';
  try {
    const code = await main([...args, '--data', device.folder], {
      out: (t) => (out += t),
      err: (t) => (err += t),
    });
    return { args, code, out, err };
  } finally {
    if (before === undefined) delete process.env.GLOSS_DEVICE;
    else process.env.GLOSS_DEVICE = before;
  }
}

/**
 * Runs `gloss` commands one after another in a process of their own as `device`, so that two
 * devices write truly at once; resolves to each command's result, in order.
 */
export async function writeAs(
  device: Device,
  commands: string[][],
  work: string,
): Promise<CommandResult[]> {
  const file = path.join(work, `commands-${device.name}-${randomBytes(4).toString('hex')}.json`);
  await writeFile(file, JSON.stringify(commands.map((c) => [...c, '--data', device.folder])));
  const env: NodeJS.ProcessEnv = { ...process.env, GLOSS_DEVICE: device.name };
  delete env.GLOSS_DATA;
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  await rm(file, { force: true });
  const results = stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CommandResult);
  if (code !== 0 || results.length !== commands.length)
    throw new Error(
      `${device.name}: the writer stopped (exit ${code}) after ${results.length} of ${commands.length} commands:\n${stderr}`,
    );
  return results;
}

/**
 * Whether the store in this tree keeps a change log per device (issue 11's store), which the
 * scenarios need; a reason to print when it does not.
 */
export async function deviceLogsMissing(): Promise<string | null> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-sync-probe-'));
  const before = process.env.GLOSS_DEVICE;
  process.env.GLOSS_DEVICE = 'probe';
  try {
    const { library } = await openLibrary(dir);
    await library.store.flush?.();
    return deviceLogsOf(library)
      ? null
      : "this tree's store keeps no per-device change logs yet (the store of issue 11), so two devices' writes cannot merge";
  } finally {
    if (before === undefined) delete process.env.GLOSS_DEVICE;
    else process.env.GLOSS_DEVICE = before;
    await rm(dir, { recursive: true, force: true });
  }
}
