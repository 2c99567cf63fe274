/**
 * Commands that only read (`gloss list`, `show`, `search`, `sync status`, `export`) leave the
 * data folder exactly as they found it, so a device that only looks at a synced library never
 * appears in it, and they work on a folder that cannot be written.
 */
import { chmod, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { openLibrary } from '../../electron/services/open-library.ts';
import { tempDir } from '../helpers/temp.ts';

const ROOT = path.resolve(__dirname, '..', '..');
const SEED = path.join(ROOT, 'assets', '000_8366b94cf810edf5.txt');

const work = tempDir('sync-read-only');

/** Root ignores file modes, so a chmod'ed folder would still be written to. */
const asRoot = process.getuid?.() === 0;
if (asRoot)
  console.warn(
    'read-only folder checks skipped: running as root, which chmod cannot stop from writing ' +
      '(the no-new-files checks still run)',
  );

const deviceBefore = process.env.GLOSS_DEVICE;
afterAll(() => {
  if (deviceBefore === undefined) delete process.env.GLOSS_DEVICE;
  else process.env.GLOSS_DEVICE = deviceBefore;
});

/** Every path under `dir` with its size and modification time. */
async function listing(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const info = await stat(file);
    out.push(`${path.relative(dir, file)} ${entry.isFile() ? info.size : 'dir'} ${info.mtimeMs}`);
  }
  return out.sort();
}

async function gloss(data: string, ...args: string[]) {
  let out = '';
  let err = '';
  const code = await main([...args, '--data', data], {
    out: (t) => (out += t),
    err: (t) => (err += t),
  });
  return { code, out, err };
}

let data = '';
let articleId = '';

beforeAll(async () => {
  // Written on one device, with a note; then read on another that has never written.
  process.env.GLOSS_DEVICE = 'writer';
  data = path.join(work, 'library');
  const { library } = await openLibrary(data);
  ({ id: articleId } = await library.importFile(SEED));
  const { article } = await library.open(articleId);
  const at = article.text.indexOf('incentive');
  await library.createHighlight({
    articleId,
    start: at,
    end: at + 9,
    color: 'yellow',
    note: 'why',
  });
  await library.close();
  process.env.GLOSS_DEVICE = 'reader';
});

function readCommands(): string[][] {
  return [
    ['list', '--json'],
    ['show', articleId, '--json'],
    ['sync', 'status', '--json'],
    ['export', articleId, '--out', path.join(work, 'exported.md')],
  ];
}

describe('commands that only read', () => {
  it('create nothing in the data folder, not even the device’s own log folder', async () => {
    const before = await listing(data);
    for (const args of readCommands()) {
      const result = await gloss(data, ...args);
      expect(result.code, `gloss ${args.join(' ')}: ${result.err}`).toBe(0);
    }
    const shown = JSON.parse((await gloss(data, 'show', articleId, '--json')).out) as {
      highlights: Array<{ note: string }>;
    };
    expect(shown.highlights.map((h) => h.note)).toEqual(['why']);
    expect(await listing(data)).toEqual(before);
    await expect(stat(path.join(data, 'devices', 'reader'))).rejects.toThrow();
  });

  it('find words without writing a change log', async () => {
    const result = await gloss(data, 'search', 'incentive', '--json');
    expect(result.code, result.err).toBe(0);
    expect((JSON.parse(result.out) as { results: unknown[] }).results.length).toBeGreaterThan(0);
    await expect(stat(path.join(data, 'devices', 'reader'))).rejects.toThrow();
  });

  it.skipIf(asRoot)('work on a folder that cannot be written', async () => {
    const dirs = [data, ...(await listing(data)).filter((l) => l.includes(' dir '))].map((l) =>
      l === data ? data : path.join(data, l.split(' ')[0]!),
    );
    for (const dir of dirs) await chmod(dir, 0o555);
    try {
      for (const args of [...readCommands(), ['search', 'incentive', '--json']]) {
        const result = await gloss(data, ...args);
        expect(result.code, `gloss ${args.join(' ')}: ${result.err}`).toBe(0);
        expect(result.err).not.toMatch(/EACCES|EROFS|\.tmp/);
      }
    } finally {
      for (const dir of dirs) await chmod(dir, 0o755);
    }
  });
});
