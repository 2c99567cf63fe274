// The packaged app holds the built bundles plus `dependencies` (electron-builder packs those from
// node_modules). Every module a bundle still loads at run time must therefore be Electron, a
// Node built-in or one of `dependencies`; and the preload, which loads in every window, stays
// small.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

/** Bundles one entry in memory the way electron/build.mjs does, and answers its text. */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron', 'jsdom'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** The package a require() names: `@scope/name` or `name`, without a sub-path. */
function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

describe('built bundles', () => {
  it('the main bundle loads only Electron, Node built-ins and packages in dependencies', async () => {
    const text = await bundle('electron/main/index.ts');
    const required = [...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
    expect(required).toContain('electron');
    const builtins = new Set(builtinModules);
    const stray = required.filter((spec) => {
      if (spec === 'electron' || spec.startsWith('node:')) return false;
      if (builtins.has(spec) || builtins.has(packageOf(spec))) return false;
      return !(packageOf(spec) in pkg.dependencies);
    });
    expect(stray).toEqual([]);
  });

  it('the preload bundle is under 50 KB (channel names only, no schema library)', async () => {
    const text = await bundle('electron/preload/index.ts');
    const bytes = Buffer.byteLength(text);
    console.log(`preload bundle: ${bytes} bytes`);
    expect(bytes).toBeLessThan(50 * 1024);
    expect(text).not.toContain('ZodError');
  });
});
