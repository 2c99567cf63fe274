/**
 * What a user met at the command line: each case runs `gloss` with the arguments a person
 * types, in a library folder of its own, and checks what they would see and the exit status.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEED = path.join(ROOT, 'assets', '000_8366b94cf810edf5.txt');

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-cli-fixes-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function gloss(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
  });
  return { code, out, err };
}

/** A library holding the bundled AP story. */
async function seeded(): Promise<{ data: string; id: string }> {
  const data = tempDir();
  const { out } = await gloss('import', SEED, '--json', '--data', data);
  return { data, id: (JSON.parse(out) as { imported: Array<{ id: string }> }).imported[0]!.id };
}

/** A small JPEG-looking file: a photo someone offers by mistake. */
function photo(): string {
  const file = path.join(tempDir(), 'photo.jpg');
  writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]));
  return file;
}

describe('gloss export --all --out DIR', () => {
  it('creates a folder that does not exist yet and writes the notes into it', async () => {
    const { data } = await seeded();
    const vault = path.join(tempDir(), 'vault', 'reading');
    const result = await gloss('export', '--all', '--out', vault, '--data', data);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toBe(`Exported 1 article to ${vault}\n`);
    expect(readdirSync(vault).filter((f) => f.endsWith('.md'))).toHaveLength(1);
  });

  it('still refuses, in one line naming the folder, a path that is a file', async () => {
    const { data } = await seeded();
    const file = path.join(tempDir(), 'notes.md');
    writeFileSync(file, 'mine');
    const result = await gloss('export', '--all', '--out', file, '--data', data);
    expect(result.code).toBe(1);
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toContain(file);
  });
});

describe('gloss search folds hyphenated compounds', () => {
  it('"ceasefire" finds the four "cease-fire" passages, and "cease-fire" finds them too', async () => {
    const { data } = await seeded();
    const joined = await gloss('search', 'ceasefire', '--data', data);
    expect(joined.code).toBe(0);
    expect(joined.out.match(/\[cease-fire\]/g)).toHaveLength(4);
    const hyphenated = await gloss('search', 'cease-fire', '--json', '--data', data);
    const { results } = JSON.parse(hyphenated.out) as { results: unknown[] };
    expect(results).toHaveLength(4);
  });

  it('"cease-fire" finds an article that writes "ceasefire"', async () => {
    const data = tempDir();
    const story = path.join(tempDir(), 'story.md');
    writeFileSync(story, '# Talks\n\nThe ceasefire held overnight, officials said.\n');
    await gloss('import', story, '--data', data);
    const result = await gloss('search', 'cease-fire', '--data', data);
    expect(result.out).toContain('The [ceasefire] held overnight');
  });
});

describe('a file that is not an article', () => {
  it('gloss attribute photo.jpg exits 1 with the reason', async () => {
    const file = photo();
    const result = await gloss('attribute', file);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toBe(
      `gloss: ${file}: not an article Gloss can read: a .jpg file; Gloss reads .txt, .md, .html and .epub\n`,
    );
  });

  it('gloss import photo.jpg says the same, exits 1 and adds nothing', async () => {
    const data = tempDir();
    const file = photo();
    const imported = await gloss('import', file, '--data', data);
    const attributed = await gloss('attribute', file);
    expect(imported.code).toBe(1);
    expect(imported.err).toBe(attributed.err);
    expect((await gloss('list', '--json', '--data', data)).out).toContain('"articles": []');
  });
});

describe('--data that is not a folder', () => {
  for (const [what, data, reason] of [
    ['a device', '/dev/null', 'it is not a folder'],
    [
      'a path under a file',
      '/dev/null/gloss',
      'cannot be created because /dev/null is not a folder',
    ],
  ] as const) {
    it(`${what}: one line naming the folder and the reason, exit 1, no errno`, async () => {
      const result = await gloss('list', '--data', data);
      expect(result.code).toBe(1);
      expect(result.out).toBe('');
      const lines = result.err.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(data);
      expect(lines[0]).toContain(reason);
      expect(lines[0]).not.toMatch(/ENOTDIR|EEXIST|errno/);
    });
  }
});

describe('counts agree with their nouns', () => {
  it('gloss list says "1 highlight, 1 note" after one noted highlight', async () => {
    const { data, id } = await seeded();
    const annotations = path.join(tempDir(), 'h.json');
    writeFileSync(
      annotations,
      JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        body: { type: 'TextualBody', value: 'Who brokered it?', purpose: 'commenting' },
        target: {
          selector: { type: 'TextQuoteSelector', exact: 'the two leaders brokered a cease-fire' },
        },
      }),
    );
    const imported = await gloss(
      'annotations',
      'import',
      annotations,
      '--article',
      id,
      '--data',
      data,
    );
    expect(imported.out).toBe(`Imported 1 annotation into ${id}\n`);
    const listed = await gloss('list', '--data', data);
    expect(listed.out).toContain('· 1 highlight, 1 note');
    expect(listed.out).not.toMatch(/\b1 (highlights|notes)\b/);
  });
});

describe('gloss attribute lists gaps with a line of context', () => {
  it('shows the words around each place where words are missing, the place marked ‸', async () => {
    const result = await gloss('attribute', SEED);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/\n\d+ places where words appear to be missing:\n/);
    expect(result.out).toContain(
      '  at 2056: Turkey has accused the ‸ of violating the cease-fire and Turkish…',
    );
    expect(result.out).not.toContain('at offsets');
  });

  it('keeps the --json shape: gaps as offsets', async () => {
    const { gaps } = JSON.parse((await gloss('attribute', SEED, '--json')).out) as {
      gaps: unknown[];
    };
    expect(gaps).toContainEqual({ offset: 2056 });
    expect(gaps.every((g) => Object.keys(g as object).join() === 'offset')).toBe(true);
  });
});
