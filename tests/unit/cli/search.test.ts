import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'html');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-search-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
  });
  return { code, out, err };
}

describe('gloss search', () => {
  it('prints exactly id, title, snippet and kind per result with --json', async () => {
    const data = tempDir();
    const imported = await run([
      'import',
      path.join(FIXTURES, 'harbour-ferry.html'),
      path.join(FIXTURES, 'blog-post.html'),
      '--json',
      '--data',
      data,
    ]);
    expect(imported.code).toBe(0);
    const ids = JSON.parse(imported.out).imported.map((i: { id: string }) => i.id);

    const { code, out } = await run(['search', 'secondhand', 'boat', '--json', '--data', data]);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual(['results']);
    expect(result.results.length).toBeGreaterThan(0);
    for (const r of result.results) {
      expect(Object.keys(r).sort()).toEqual(['id', 'kind', 'snippet', 'title']);
      expect(['text', 'note']).toContain(r.kind);
    }
    expect(result.results[0]).toMatchObject({
      id: ids[0],
      title: 'Night ferry returns to Kestrel Bay after two-year pause',
      kind: 'text',
    });
    expect(result.results[0].snippet).toContain('one secondhand boat');
    // The index is left on disk for the next search.
    expect(existsSync(path.join(data, 'search-index.json'))).toBe(true);

    const none = JSON.parse((await run(['search', 'zeppelin', '--json', '--data', data])).out);
    expect(none).toEqual({ results: [] });
  });

  it('prints a readable list with the hits bracketed, and explains usage', async () => {
    const data = tempDir();
    await run(['import', path.join(FIXTURES, 'blog-post.html'), '--data', data]);
    const { code, out } = await run(['search', 'freezer', '--data', data]);
    expect(code).toBe(0);
    expect(out).toMatch(
      /^a[0-9a-f]+ {2}Keeping a field notebook that survives the rain\n {4}.*\[freezer\] bag/,
    );
    expect((await run(['search', 'nothing-like-it', '--data', data])).out).toBe(
      'No matches for “nothing-like-it”.\n',
    );
    expect((await run(['search', '--data', data])).code).toBe(2);
    const help = await run(['search', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('gloss search QUERY');
    expect((await run(['--help'])).out).toContain('gloss search QUERY [--json]');
  });
});
