import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import { tempDir as sharedTempDir } from '../../helpers/temp.ts';
import {
  parseJson,
  type ImportJson,
  type ListJson,
  type ShowJson,
} from '../../helpers/cli-json.ts';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEED = path.join(ROOT, 'assets', '000_8366b94cf810edf5.txt');

function tempDir(): string {
  return sharedTempDir('cli');
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
  });
  return { code, out, err };
}

/** Every file in the data folder with its bytes, to prove a failed command changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[path.relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return files;
}

describe('gloss import, list and show', () => {
  it('imports the bundled article and reports it, then a second import is a duplicate', async () => {
    const data = tempDir();
    const first = await run(['import', SEED, '--json', '--data', data]);
    expect(first.code).toBe(0);
    const result = parseJson<ImportJson>(first.out);
    expect(result.errors).toEqual([]);
    expect(result.imported).toHaveLength(1);
    expect(result.imported[0]!).toMatchObject({
      title: "Turkey, Russia face conflicts over Syria's push into Idlib",
      file: SEED,
      duplicate: false,
    });
    expect(Object.keys(result.imported[0]!).sort()).toEqual(['duplicate', 'file', 'id', 'title']);

    const again = parseJson<ImportJson>(
      (await run(['import', SEED, '--json', '--data', data])).out,
    );
    expect(again.imported[0]!).toMatchObject({ id: result.imported[0]!.id, duplicate: true });
    const list = parseJson<ListJson>((await run(['list', '--json', '--data', data])).out);
    expect(list.articles).toHaveLength(1);
  });

  it('lists articles with the contracted fields and nulls where unknown', async () => {
    const data = tempDir();
    const plain = path.join(tempDir(), 'plain.txt');
    writeFileSync(plain, 'A plain note\n\nJust some words here.\n');
    await run(['import', SEED, plain, '--data', data]);
    const { articles } = parseJson<ListJson>((await run(['list', '--json', '--data', data])).out);
    expect(articles).toHaveLength(2);
    for (const a of articles) {
      expect(Object.keys(a).sort()).toEqual(
        [
          'author',
          'url',
          'dateline',
          'highlights',
          'id',
          'notes',
          'published',
          'publisher',
          'source',
          'title',
          'words',
        ].sort(),
      );
    }
    const seed = articles.find((a) => a.source === 'AP')!;
    expect(seed).toMatchObject({
      dateline: 'Istanbul',
      publisher: 'Business Standard',
      published: '2019-06-01T13:35:00+05:30',
      highlights: 0,
      notes: 0,
    });
    expect(seed.words).toBeGreaterThan(700);
    const other = articles.find((a: { title: string }) => a.title === 'A plain note');
    expect(other).toMatchObject({ source: null, dateline: null, publisher: null, published: null });
  });

  it('shows an article with its canonical text and block offsets', async () => {
    const data = tempDir();
    const { imported } = parseJson<ImportJson>(
      (await run(['import', SEED, '--json', '--data', data])).out,
    );
    const shown = await run(['show', imported[0]!.id, '--json', '--data', data]);
    expect(shown.code).toBe(0);
    const { article, highlights } = parseJson<ShowJson>(shown.out);
    expect(highlights).toEqual([]);
    expect(article).toMatchObject({ id: imported[0]!.id, source: 'AP', syndicated: true });
    expect(article.blocks.length).toBe(22);
    for (const b of article.blocks) {
      expect(Object.keys(b).sort()).toEqual(['end', 'kind', 'start']);
      expect(article.text.slice(b.start, b.end)).not.toMatch(/^\s|\s$|\n\n/);
    }
    expect(article.text.slice(article.blocks[0]!.start, article.blocks[0]!.end)).toMatch(
      /^and are again facing/,
    );
  });

  it('prints for people without --json', async () => {
    const data = tempDir();
    await run(['import', SEED, '--data', data]);
    const list = await run(['list', '--data', data]);
    expect(list.out).toContain("Turkey, Russia face conflicts over Syria's push into Idlib");
    expect(list.out).toContain('AP via Business Standard');
    expect(() => JSON.parse(list.out) as unknown).toThrow();
  });

  it('has --help for every command', async () => {
    for (const command of ['import', 'list', 'show']) {
      const help = await run([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.out).toContain(`gloss ${command}`);
      expect(help.out).toContain('--data');
    }
  });
});

describe('gloss import refuses bad files with one clear line and leaves the store as it was', () => {
  const cases: Array<[string, (dir: string) => string, RegExp]> = [
    ['a missing file', (d) => path.join(d, 'nope.txt'), /no such file/],
    [
      'a folder',
      (d) => {
        const p = path.join(d, 'folder');
        mkdirSync(p);
        return p;
      },
      /folder/,
    ],
    [
      'an empty file',
      (d) => {
        const p = path.join(d, 'empty.txt');
        writeFileSync(p, '');
        return p;
      },
      /empty/,
    ],
    [
      'a binary file',
      (d) => {
        const p = path.join(d, 'img.txt');
        writeFileSync(p, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
        return p;
      },
      /binary/,
    ],
    [
      'a non-UTF-8 file',
      (d) => {
        const p = path.join(d, 'latin1.txt');
        writeFileSync(p, Buffer.from('Caf\xe9 au lait\n\nUn texte.', 'latin1'));
        return p;
      },
      /UTF-8/,
    ],
    [
      'a file over 50 MB',
      (d) => {
        const p = path.join(d, 'huge.txt');
        writeFileSync(p, Buffer.alloc(50 * 1024 * 1024 + 1, 'a'));
        return p;
      },
      /50 MB/,
    ],
  ];
  for (const [what, make, reason] of cases) {
    it(`${what}`, async () => {
      const data = tempDir();
      await run(['import', SEED, '--data', data]);
      const before = snapshot(data);
      const bad = make(tempDir());
      const result = await run(['import', bad, '--data', data]);
      expect(result.code).toBe(1);
      const lines = result.err.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(bad);
      expect(lines[0]).toMatch(reason);
      expect(snapshot(data)).toEqual(before);
    });
  }

  it('still imports the good files named with a bad one, and exits 1', async () => {
    const data = tempDir();
    const result = await run([
      'import',
      SEED,
      path.join(data, 'missing.txt'),
      '--json',
      '--data',
      data,
    ]);
    expect(result.code).toBe(1);
    const json = parseJson<ImportJson>(result.out);
    expect(json.imported).toHaveLength(1);
    expect(json.errors).toEqual([{ file: path.join(data, 'missing.txt'), error: 'no such file' }]);
    // The failure is also one line on stderr, naming the file and the reason.
    expect(result.err.trim().split('\n')).toEqual([
      `gloss: ${path.join(data, 'missing.txt')}: no such file`,
    ]);
  });

  it('says on stderr which damaged file it moved aside and restored, and still answers', async () => {
    const data = tempDir();
    await run(['import', SEED, '--data', data]);
    writeFileSync(path.join(data, 'library.json'), '{ "schemaVersion": 1, "articles": [ broken');
    const result = await run(['list', '--json', '--data', data]);
    expect(result.code).toBe(0);
    expect(parseJson<ListJson>(result.out).articles).toHaveLength(1);
    const lines = result.err.trim().split('\n');
    expect(lines.every((l) => l.startsWith(`gloss: ${path.join(data, 'library.json')}: `))).toBe(
      true,
    );
    expect(lines[0]).toMatch(/moved aside to library\.json\.corrupt-/);
  });
});
