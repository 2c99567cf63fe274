// Builds the three parts of the app: the renderer with Vite, the main process and the preload
// with esbuild (CommonJS: Electron's sandboxed preload must be a single CommonJS file).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.includes('--renderer-only')
  ? 'renderer'
  : process.argv.includes('--cli-only')
    ? 'cli'
    : null;

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
  // import.meta.url in a CommonJS bundle: the bundle's own address, so that the import worker
  // (electron/services/import-worker/runner.ts) finds its bundle beside it.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/** The import worker, built beside each bundle that starts it (the app's main, the command). */
async function buildImportWorker(folder) {
  await esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron/services/import-worker/worker.ts')],
    outfile: path.join(root, folder, 'import-worker.cjs'),
  });
}

if (only === null) {
  await esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron/main/index.ts')],
    outfile: path.join(root, 'dist/main/main.cjs'),
  });
  await buildImportWorker('dist/main');
  await esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron/preload/index.ts')],
    outfile: path.join(root, 'dist/preload/preload.cjs'),
  });
}
if (only !== 'cli')
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });

// --- The `gloss` command ---------------------------------------------------------------------
// One CommonJS file, so the command starts without transpiling anything. Every command is
// reached through a lazy import() in electron/cli/main.ts, which esbuild keeps lazy within the
// bundle. jsdom stays in node_modules (it resolves files of its own at run time); the module
// below stands in for it and requires it on first use, so only an HTML import ever loads it.
if (only === null || only === 'cli') {
  const lazyJsdom = {
    name: 'lazy-jsdom',
    setup(build) {
      build.onResolve({ filter: /^jsdom$/ }, (args) =>
        args.namespace === 'lazy-jsdom'
          ? { path: 'jsdom', external: true }
          : { path: 'jsdom', namespace: 'lazy-jsdom' },
      );
      build.onLoad({ filter: /.*/, namespace: 'lazy-jsdom' }, () => ({
        loader: 'js',
        contents: [
          'let jsdom;',
          "const load = () => (jsdom ??= require('jsdom'));",
          'module.exports = {',
          '  get JSDOM() { return load().JSDOM; },',
          '  get VirtualConsole() { return load().VirtualConsole; },',
          '};',
        ].join('\n'),
      }));
    },
  };
  await esbuild({
    ...common,
    external: [],
    plugins: [lazyJsdom],
    // Half the bytes to parse on every start; `node --enable-source-maps` maps stack traces back.
    minify: true,
    entryPoints: [path.join(root, 'electron/cli/main.ts')],
    outfile: path.join(root, 'dist/cli/gloss.cjs'),
  });
  await buildImportWorker('dist/cli');
}
console.log(`Built ${only ?? 'main, preload, renderer and the gloss command'} into dist/`);
