/**
 * This computer's name in a library folder. It is kept outside the data folder (in the user's
 * config folder) so that a folder carried to another computer by a file-sync engine does not
 * carry the name with it; `GLOSS_DEVICE=NAME` overrides it for scripts and tests.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeFileDurably } from './durable-file.ts';

/** Device names become folder names: letters, digits, `_`, `-`, `.` (never `~`, the separator). */
const SAFE = /[^A-Za-z0-9_.-]+/g;

/** A device name made safe for a folder name (empty when nothing usable is left). */
export function cleanDeviceName(name: string): string {
  return name
    .replace(SAFE, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 64);
}

/** The folder where per-user settings live (not synced with the library). */
export function defaultConfigDir(): string {
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Gloss');
  if (process.platform === 'darwin')
    return path.join(os.homedir(), 'Library', 'Application Support', 'Gloss');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'gloss');
}

/**
 * This device's name: `GLOSS_DEVICE` if set, else the one remembered in `configDir/device`,
 * else a new one (the host name and a random suffix, so two computers that share a host name
 * still differ), remembered for next time. If it cannot be remembered, it is still used.
 */
export async function deviceName(configDir: string = defaultConfigDir()): Promise<string> {
  const fromEnv = cleanDeviceName(process.env.GLOSS_DEVICE ?? '');
  if (fromEnv) return fromEnv;
  const file = path.join(configDir, 'device');
  try {
    const stored = cleanDeviceName((await readFile(file, 'utf8')).trim());
    if (stored) return stored;
  } catch {
    // none yet, or unreadable: make one
  }
  const host = cleanDeviceName(os.hostname()) || 'device';
  const name = `${host}-${randomBytes(3).toString('hex')}`;
  try {
    await mkdir(configDir, { recursive: true });
    await writeFileDurably(file, name + '\n');
  } catch {
    // A read-only home: the name holds for this run; the library stays readable.
  }
  return name;
}
