import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  asarNodeModules,
  outsideAsar,
} from '../../../electron/services/import-worker/worker-path.ts';

interface Manifest {
  main: string;
  build: { asar?: boolean; asarUnpack?: string[] | string; files?: string[] };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const unpack = [manifest.build.asarUnpack ?? []].flat();
/** Where electron/build.mjs writes the import worker for the app. */
const WORKER = 'dist/main/import-worker.cjs';

describe('the packaged app starts its import worker from outside the asar', () => {
  it('packages the worker beside main and unpacks it', () => {
    expect(readFileSync('electron/build.mjs', 'utf8')).toContain("'import-worker.cjs'");
    expect(path.dirname(manifest.main)).toBe(path.dirname(WORKER));
    expect(manifest.build.files).toContain('dist/main/**');
    // Only the worker and its source map: everything else stays inside the archive that the
    // integrity fuse checks.
    expect([...unpack].sort()).toEqual([WORKER, `${WORKER}.map`]);
  });

  it('loads the unpacked copy, and finds jsdom inside the archive', () => {
    const resources = path.join(path.sep, 'opt', 'Gloss', 'resources');
    const packed = path.join(resources, 'app.asar', WORKER);
    expect(outsideAsar(packed)).toBe(path.join(resources, 'app.asar.unpacked', WORKER));
    expect(asarNodeModules(packed)).toBe(path.join(resources, 'app.asar', 'node_modules'));
    const unpackedBuild = path.join(path.sep, 'src', 'gloss', WORKER);
    expect(outsideAsar(unpackedBuild)).toBe(unpackedBuild);
    expect(asarNodeModules(unpackedBuild)).toBeNull();
  });
});
