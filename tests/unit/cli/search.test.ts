import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import { searchIndexPath } from '../../../electron/services/search/library-search.ts';

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

/** What `gloss search --json` prints. */
interface SearchJson {
  results: Array<{ id: string; title: string; snippet: string; kind: string }>;
}
const searchJson = (out: string) => JSON.parse(out) as SearchJson;

/** Where this computer (GLOSS_DEVICE in the test environment) keeps its search index. */
const indexFile = (data: string) =>
  searchIndexPath(data, process.env.GLOSS_DEVICE ?? 'test-device');

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
    const ids = (JSON.parse(imported.out) as { imported: Array<{ id: string }> }).imported.map(
      (i) => i.id,
    );

    const { code, out } = await run(['search', 'secondhand', 'boat', '--json', '--data', data]);
    expect(code).toBe(0);
    const result = searchJson(out);
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
    expect(result.results[0]!.snippet).toContain('one secondhand boat');
    // The index is left on disk for the next search, among this computer's own files.
    expect(existsSync(indexFile(data))).toBe(true);
    expect(existsSync(path.join(data, 'search-index.bin'))).toBe(false);

    const none = searchJson((await run(['search', 'zeppelin', '--json', '--data', data])).out);
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

  it('searches a folder where its index cannot be written, and says nothing of it', async () => {
    const data = tempDir();
    await run(['import', path.join(FIXTURES, 'harbour-ferry.html'), '--data', data]);
    // The index's place is taken by a folder that cannot be replaced by a file: every attempt
    // to save the index fails, as on a read-only folder (chmod would not stop root).
    const blocked = indexFile(data);
    mkdirSync(blocked);
    writeFileSync(path.join(blocked, 'keep'), '');
    for (let i = 0; i < 2; i++) {
      const { code, out, err } = await run(['search', 'secondhand', '--json', '--data', data]);
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(searchJson(out).results[0]!.snippet).toContain('secondhand boat');
    }
  });
});
