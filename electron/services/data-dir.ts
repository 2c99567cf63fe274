import os from 'node:os';
import path from 'node:path';

/** The application's name as Electron uses it for the userData folder. */
export const APP_NAME = 'Gloss';

/**
 * Where Electron keeps userData on each platform, so that the `gloss` command, which runs
 * without Electron, reads and writes the very library the app uses.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32')
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin')
    return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_NAME);
}

/**
 * The data folder in force: `--data DIR` first, then `GLOSS_DATA`, then the default. Returns an
 * absolute path.
 */
export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  fallback?: string,
): string {
  const chosen = flag || env.GLOSS_DATA || fallback || defaultDataDir();
  return path.resolve(chosen);
}

/** Finds `--data DIR` or `--data=DIR` in an argument list (Electron passes its own flags too). */
export function dataFlagFrom(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data') return argv[i + 1];
    if (arg.startsWith('--data=')) return arg.slice('--data='.length);
  }
  return undefined;
}
