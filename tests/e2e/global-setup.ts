import { build as esbuild } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';
import { TEMP_PREFIX } from '../helpers/temp.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Builds the renderer and the page-side bridge once for every browser test, into a folder of
 * this run's own (so that two test runs at once never delete each other's build). The folder
 * reaches the test workers through GLOSS_E2E_DIST.
 */
export default async function setup(): Promise<() => void> {
  const given = process.env.GLOSS_E2E_DIST;
  const dist = given ?? mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}e2e-dist-`));
  process.env.GLOSS_E2E_DIST = dist;
  await viteBuild({
    configFile: path.join(root, 'renderer/vite.config.ts'),
    logLevel: 'error',
    build: { outDir: path.join(dist, 'renderer'), emptyOutDir: true },
  });
  await esbuild({
    entryPoints: [path.join(root, 'tests/e2e/bridge-entry.ts')],
    outfile: path.join(dist, 'bridge.js'),
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'warning',
  });
  return () => {
    // A folder named through GLOSS_E2E_DIST is the caller's to keep.
    if (given) return;
    rmSync(dist, { recursive: true, force: true, maxRetries: 5 });
    delete process.env.GLOSS_E2E_DIST;
  };
}
