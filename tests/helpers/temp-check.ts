/**
 * Global setup for every test project: points the temp folder of the run (the test workers,
 * the processes they start, Chromium) at a folder of this run's own inside the system temp
 * folder, and at the end fails the run, naming each entry, if anything was left in it. The
 * folder is removed either way, so a run leaves nothing in the system temp folder.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEMP_PREFIX } from './temp.ts';

/**
 * Caches that tools keep in the temp folder on purpose, to reuse on their next start: not left
 * by a test. tsx (which runs the TypeScript child processes some tests start) compiles into
 * `tsx-<user>`.
 */
const TOOL_CACHES: RegExp[] = [/^tsx-/];

const TEMP_VARIABLES = ['TMPDIR', 'TMP', 'TEMP'] as const;

export default function setup(): () => void {
  const runDir = mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}run-`));
  const previous = TEMP_VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const name of TEMP_VARIABLES) process.env[name] = runDir;
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    const left = readdirSync(runDir).filter((name) => !TOOL_CACHES.some((re) => re.test(name)));
    rmSync(runDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    if (left.length) {
      // Vitest reports an error thrown here but still exits 0; the exit code must say it too.
      process.exitCode = 1;
      throw new Error(
        `The tests left ${left.length} entries in the temp folder (now removed): ` +
          left.sort().join(', '),
      );
    }
  };
}
