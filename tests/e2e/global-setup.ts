import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Builds the renderer and the page-side bridge once for every browser test. */
export default async function setup(): Promise<void> {
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'error' });
  await esbuild({
    entryPoints: [path.join(root, 'tests/e2e/bridge-entry.ts')],
    outfile: path.join(root, 'dist/e2e/bridge.js'),
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'warning',
  });
}
