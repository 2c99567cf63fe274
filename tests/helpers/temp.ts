/**
 * Temp folders for tests. Every folder made here is removed after the test file that made it
 * (see temp-cleanup.ts), so a test never has to remember to, and a failing test leaves nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Every folder a test makes starts with this, so a leftover one names its origin. */
export const TEMP_PREFIX = 'gloss-test-';

const made: string[] = [];

/** A fresh, empty folder under the system temp folder, removed after this test file. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}${label}-`));
  made.push(dir);
  return dir;
}

/**
 * Removes every folder tempDir made so far. Kept when GLOSS_KEEP_TEST_DIRS is set, for a look
 * inside after a failure. Retries, because a child process or a browser being shut down may
 * still hold files in it for a moment.
 */
export function removeTempDirs(): void {
  if (process.env.GLOSS_KEEP_TEST_DIRS) return;
  const failed: string[] = [];
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      failed.push(dir);
    }
  }
  if (failed.length) throw new Error(`could not remove test folders: ${failed.join(', ')}`);
}
