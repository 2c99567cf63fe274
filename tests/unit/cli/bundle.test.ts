/**
 * The installed `gloss` command: package.json's bin, the launcher, and the bundle it runs. The
 * bundle is built here from the current sources first, so these tests never run a stale one.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEED = path.join(ROOT, 'assets', '000_8366b94cf810edf5.txt');
const BUNDLE = path.join(ROOT, 'dist', 'cli', 'gloss.cjs');
const run = promisify(execFile);

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-bin-'));
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  await run(process.execPath, [path.join(ROOT, 'electron', 'build.mjs'), '--cli-only'], {
    cwd: ROOT,
  });
}, 120_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs the bin as a user's shell does; a failing exit is returned, not thrown. */
async function gloss(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    bin: { gloss: string };
  };
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [path.join(ROOT, pkg.bin.gloss), ...args],
      {
        env: { ...process.env, ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the gloss bin', () => {
  it('runs the built bundle, honouring GLOSS_DATA', async () => {
    const data = tempDir();
    const { stdout, code } = await gloss(['import', SEED, '--json'], { GLOSS_DATA: data });
    expect(code).toBe(0);
    expect(
      (JSON.parse(stdout) as { imported: Array<{ duplicate: boolean }> }).imported[0]!.duplicate,
    ).toBe(false);
    // The library's change logs live under devices/<this device>/ in the data folder.
    expect(readdirSync(data)).toContain('devices');
  }, 60_000);

  it('prints its usage for --help and exits 0', async () => {
    const { stdout, code } = await gloss(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('gloss list [--json]');
  }, 60_000);

  it('exits 1 with one line for a bad --data, as the sources do', async () => {
    const { stderr, code } = await gloss(['list', '--data', '/dev/null']);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'gloss: /dev/null: cannot hold the library: it is not a folder (see --data)\n',
    );
  }, 60_000);
});

describe('commands load what they use', () => {
  /** Runs one command in the bundle and prints whether jsdom was ever loaded. */
  async function loadsJsdom(args: string[]): Promise<boolean> {
    const script = `
      const { main } = require(${JSON.stringify(BUNDLE)});
      main(${JSON.stringify(args)}, { out() {}, err() {} }).then((code) => {
        const loaded = Object.keys(require.cache).some((f) => /[\\\\/]node_modules[\\\\/]jsdom[\\\\/]/.test(f));
        process.stdout.write(JSON.stringify({ code, loaded }));
      });`;
    const { stdout } = await run(process.execPath, ['-e', script], { cwd: ROOT });
    const { code, loaded } = JSON.parse(stdout) as { code: number; loaded: boolean };
    expect(code).toBe(0);
    return loaded;
  }

  it('the command never loads jsdom itself: a web page parses in the import worker', async () => {
    const data = tempDir();
    expect(await loadsJsdom(['import', SEED, '--data', data])).toBe(false);
    expect(await loadsJsdom(['list', '--data', data])).toBe(false);
    expect(await loadsJsdom(['search', 'Idlib', '--data', data])).toBe(false);
    const page = path.join(tempDir(), 'page.html');
    writeFileSync(
      page,
      '<html><head><title>T</title></head><body><article><p>A story told.</p></article></body></html>',
    );
    expect(await loadsJsdom(['import', page, '--data', data])).toBe(false);
    // The page was still read and stored, by the worker.
    const listed = await gloss(['list', '--json', '--data', data]);
    const { articles } = JSON.parse(listed.stdout) as { articles: { title: string }[] };
    expect(articles.map((a) => a.title)).toContain('T');
  }, 120_000);
});
