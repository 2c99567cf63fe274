// Builds the three parts of the app: the renderer with Vite, the main process and the preload
// with esbuild (CommonJS: Electron's sandboxed preload must be a single CommonJS file).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.includes('--renderer-only') ? 'renderer' : null;

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  // jsdom finds files of its own at run time (require.resolve), so it is loaded from
  // node_modules (packaged with the app as a dependency) rather than bundled.
  external: ['electron', 'jsdom'],
  logLevel: 'warning',
};

if (only !== 'renderer') {
  await esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron/main/index.ts')],
    outfile: path.join(root, 'dist/main/main.cjs'),
  });
  await esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron/preload/index.ts')],
    outfile: path.join(root, 'dist/preload/preload.cjs'),
  });
}
await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
console.log(`Built ${only ?? 'main, preload and renderer'} into dist/`);
