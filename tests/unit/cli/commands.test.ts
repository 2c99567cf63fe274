import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { main } from '../../../electron/cli/main.ts';
import { openLibrary } from '../../../electron/services/open-library.ts';
import { tempDir as sharedTempDir } from '../../helpers/temp.ts';
import {
  parseJson,
  type AnnotationsImportJson,
  type AttributeJson,
  type ImportJson,
  type ListJson,
  type ShowJson,
} from '../../helpers/cli-json.ts';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEED = path.join(ROOT, 'assets', '000_8366b94cf810edf5.txt');
const SEED_TEXT = readFileSync(SEED, 'utf8');

const tempDir = () => sharedTempDir('cmd');

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
  });
  return { code, out, err };
}

async function seeded(): Promise<{ data: string; id: string }> {
  const data = tempDir();
  const { imported } = parseJson<ImportJson>(
    (await run(['import', SEED, '--json', '--data', data])).out,
  );
  return { data, id: imported[0]!.id };
}

describe('gloss attribute', () => {
  it('prints the contracted JSON for a file, with offsets into the file as read', async () => {
    const { code, out } = await run(['attribute', SEED, '--json']);
    expect(code).toBe(0);
    const result = parseJson<AttributeJson>(out);
    expect(Object.keys(result).sort()).toEqual(['attributions', 'gaps']);
    expect(result.attributions.length).toBeGreaterThan(8);
    for (const a of result.attributions) {
      expect(Object.keys(a).sort()).toEqual(['cue', 'end', 'kind', 'quote', 'source', 'start']);
      expect(Object.keys(a.source).sort()).toEqual(['kind', 'name', 'role']);
      expect(SEED_TEXT.slice(a.start, a.end)).toBe(a.quote);
      expect(['direct', 'indirect']).toContain(a.kind);
    }
    const stein = result.attributions.find((a: { quote: string }) =>
      a.quote.startsWith('have an incentive'),
    );
    expect(stein!.source).toMatchObject({ name: 'Aaron Stein', kind: 'person' });
    for (const g of result.gaps) expect(Object.keys(g)).toEqual(['offset']);
  });

  it('removes a byte order mark before counting offsets', async () => {
    const file = path.join(tempDir(), 'bom.txt');
    writeFileSync(file, `\uFEFF${SEED_TEXT}`);
    const plain = parseJson<AttributeJson>((await run(['attribute', SEED, '--json'])).out);
    const bom = parseJson<AttributeJson>((await run(['attribute', file, '--json'])).out);
    expect(bom).toEqual(plain);
  });

  it('reads a stored article by id, and prints one statement a line for people', async () => {
    const { data, id } = await seeded();
    const byId = parseJson<AttributeJson>(
      (await run(['attribute', id, '--json', '--data', data])).out,
    );
    expect(byId.attributions.length).toBeGreaterThan(8);
    const people = await run(['attribute', SEED]);
    expect(people.out).toMatch(
      /quoted\s+Aaron Stein, the director of the program in American think-tank ‸ \(says\)/,
    );
    expect(people.out).toMatch(/unknown source \(name missing in the text\)/);
  });
});

describe('gloss export', () => {
  it('writes an article’s notes as Markdown to stdout-free file, whole, with valid front matter', async () => {
    const { data, id } = await seeded();
    const { library } = await openLibrary(data);
    const { article } = await library.open(id);
    const start = article.text.indexOf('have an incentive');
    await library.createHighlight({
      articleId: id,
      start,
      end: start + 40,
      color: 'yellow',
      note: 'Why: #cooperation',
    });
    const out = path.join(tempDir(), 'notes.md');
    const result = await run(['export', id, '--out', out, '--data', data]);
    expect(result.code).toBe(0);
    const markdown = readFileSync(out, 'utf8');
    const front: unknown = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(markdown)![1]!);
    expect(front).toMatchObject({
      title: article.title,
      source: 'AP',
      highlights: 1,
      tags: ['cooperation'],
      gloss_id: id,
    });
    expect(markdown).toContain('— Aaron Stein');
  });

  it('exports every article into a folder, and refuses one that cannot be created with one line', async () => {
    const { data } = await seeded();
    const plain = path.join(tempDir(), 'other.txt');
    writeFileSync(plain, 'Another story: with a colon\n\nSome body text here.');
    await run(['import', plain, '--data', data]);
    const dir = tempDir();
    expect((await run(['export', '--all', '--out', dir, '--data', data])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(
      [
        'Another story with a colon.md',
        "Turkey, Russia face conflicts over Syria's push into Idlib.md",
      ].sort(),
    );
    // A missing folder is created (tests/unit/cli/user-fixes.test.ts); one under a file cannot be.
    const missing = path.join(plain, 'no', 'such');
    const failed = await run(['export', '--all', '--out', missing, '--data', data]);
    expect(failed.code).toBe(1);
    expect(failed.err.trim().split('\n')).toHaveLength(1);
    expect(failed.err).toContain(missing);
    expect(existsSync(missing)).toBe(false);
  });

  it('renders a user template, and a template error names the line and writes nothing', async () => {
    const { data, id } = await seeded();
    const good = path.join(tempDir(), 'good.mustache');
    writeFileSync(good, '# {{title}}\n{{#highlights}}- {{text}}\n{{/highlights}}');
    const out = path.join(tempDir(), 'templated.md');
    expect((await run(['export', id, '--out', out, '--template', good, '--data', data])).code).toBe(
      0,
    );
    expect(
      readFileSync(out, 'utf8').startsWith(
        "# Turkey, Russia face conflicts over Syria's push into Idlib",
      ),
    ).toBe(true);
    const bad = path.join(tempDir(), 'bad.mustache');
    writeFileSync(bad, '# {{title}}\n\n{{#highlights}}\n- {{text}}\n');
    const target = path.join(tempDir(), 'never.md');
    const failed = await run(['export', id, '--out', target, '--template', bad, '--data', data]);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/line 3/);
    expect(failed.err.startsWith(`gloss: ${bad}: `)).toBe(true);
    expect(existsSync(target)).toBe(false);
  });
});

describe('gloss annotations', () => {
  it('exports W3C JSON that imports into a fresh store as the same highlights', async () => {
    const { data, id } = await seeded();
    const { library } = await openLibrary(data);
    const { article } = await library.open(id);
    const at = (s: string) => article.text.indexOf(s);
    await library.createHighlight({
      articleId: id,
      start: at('escalation'),
      end: at('escalation') + 22,
      color: 'green',
      note: 'first #a',
    });
    await library.createHighlight({
      articleId: id,
      start: at('Nine months'),
      end: at('Nine months') + 40,
      color: 'pink',
      note: '',
    });
    const file = path.join(tempDir(), 'annotations.json');
    expect((await run(['annotations', 'export', id, '--out', file, '--data', data])).code).toBe(0);

    const fresh = tempDir();
    const { imported } = parseJson<ImportJson>(
      (await run(['import', SEED, '--json', '--data', fresh])).out,
    );
    const result = await run([
      'annotations',
      'import',
      file,
      '--article',
      imported[0]!.id,
      '--json',
      '--data',
      fresh,
    ]);
    expect(result.code).toBe(0);
    expect(parseJson<AnnotationsImportJson>(result.out)).toEqual({
      imported: 2,
      orphans: [],
      errors: [],
    });
    const before = parseJson<ShowJson>(
      (await run(['show', id, '--json', '--data', data])).out,
    ).highlights;
    const after = parseJson<ShowJson>(
      (await run(['show', imported[0]!.id, '--json', '--data', fresh])).out,
    ).highlights;
    const strip = (hs: Array<Record<string, unknown>>) => hs.map(({ id: _id, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
    // Importing the same file again adds nothing.
    const again = parseJson<AnnotationsImportJson>(
      (
        await run([
          'annotations',
          'import',
          file,
          '--article',
          imported[0]!.id,
          '--json',
          '--data',
          fresh,
        ])
      ).out,
    );
    expect(again.imported).toBe(0);
  });

  it('anchors Hypothesis JSON by quote and keeps what it cannot place as an orphan', async () => {
    const { data, id } = await seeded();
    const file = path.join(tempDir(), 'hypothesis.json');
    writeFileSync(
      file,
      JSON.stringify({
        rows: [
          {
            id: 'hyp1',
            uri: 'https://example.test/story',
            text: 'Good point #hyp',
            tags: ['syria'],
            created: '2019-06-02T10:00:00Z',
            updated: '2019-06-02T10:00:00Z',
            target: [
              {
                source: 'https://example.test/story',
                selector: [
                  {
                    type: 'TextQuoteSelector',
                    exact: 'the truce has failed',
                    prefix: 'Nine months later, ',
                    suffix: '.',
                  },
                ],
              },
            ],
            document: { title: ["Turkey, Russia face conflicts over Syria's push into Idlib"] },
          },
          {
            id: 'hyp2',
            uri: 'https://example.test/story',
            text: 'Not in this version',
            tags: [],
            target: [
              {
                source: 'https://example.test/story',
                selector: [
                  {
                    type: 'TextQuoteSelector',
                    exact: 'a sentence that was never in the article at all',
                    prefix: '',
                    suffix: '',
                  },
                ],
              },
            ],
            document: { title: ["Turkey, Russia face conflicts over Syria's push into Idlib"] },
          },
        ],
      }),
    );
    const result = await run(['annotations', 'import', file, '--json', '--data', data]);
    expect(result.code).toBe(0);
    const json = parseJson<AnnotationsImportJson>(result.out);
    expect(json.imported).toBe(2);
    expect(json.orphans).toHaveLength(1);
    const { highlights } = parseJson<ShowJson>(
      (await run(['show', id, '--json', '--data', data])).out,
    );
    const placed = highlights.find((h: { exact: string }) => h.exact === 'the truce has failed');
    expect(placed).toMatchObject({ orphan: false, note: 'Good point #hyp' });
    expect(placed!.tags.sort()).toEqual(['hyp', 'syria']);
    expect(highlights.find((h: { orphan: boolean }) => h.orphan)).toBeDefined();
  });

  it('refuses invalid JSON or a wrong shape with the reason, writing nothing', async () => {
    const { data, id } = await seeded();
    const broken = path.join(tempDir(), 'broken.json');
    writeFileSync(broken, '{"rows": [');
    const r1 = await run(['annotations', 'import', broken, '--article', id, '--data', data]);
    expect(r1.code).toBe(1);
    expect(r1.err).toMatch(/not valid JSON/);
    const wrong = path.join(tempDir(), 'wrong.json');
    writeFileSync(wrong, '{"hello": "world"}');
    const r2 = await run(['annotations', 'import', wrong, '--article', id, '--data', data]);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain(wrong);
    const { highlights } = parseJson<ShowJson>(
      (await run(['show', id, '--json', '--data', data])).out,
    );
    expect(highlights).toEqual([]);
  });
});

describe('importing a changed version of an article', () => {
  it('carries highlights over and says how many were kept, moved and lost', async () => {
    const { data, id } = await seeded();
    const { library } = await openLibrary(data);
    const { article } = await library.open(id);
    const at = (s: string) => article.text.indexOf(s);
    await library.createHighlight({
      articleId: id,
      start: at('escalation of violence'),
      end: at('escalation of violence') + 22,
      color: 'yellow',
    });
    await library.createHighlight({
      articleId: id,
      start: at('Nine months later'),
      end: at('Nine months later') + 17,
      color: 'blue',
      note: 'kept note',
    });
    await library.createHighlight({
      articleId: id,
      start: at('demilitarized zone free of insurgents'),
      end: at('demilitarized zone free of insurgents') + 37,
      color: 'green',
      note: 'orphan note',
    });
    const edited = SEED_TEXT.replace(
      'In September, the two leaders',
      'Last September, the two presidents',
    )
      .replace('demilitarized zone free of insurgents and heavy weaponry', 'buffer')
      .replace('and are again facing', 'and are once more facing');
    const file = path.join(tempDir(), 'v2.txt');
    writeFileSync(file, edited);
    const result = await run(['import', file, '--data', data]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/updated/);
    // Both surviving highlights follow an edit, so both moved; the rewritten passage is lost.
    expect(result.out).toContain('0 highlights kept, 2 moved, 1 could not be placed');
    const shown = parseJson<ShowJson>((await run(['show', id, '--json', '--data', data])).out);
    expect(shown.article.text).toContain('Last September');
    const byNote = Object.fromEntries(shown.highlights.map((h) => [h.note, h]));
    expect(byNote['kept note']).toMatchObject({ exact: 'Nine months later', orphan: false });
    expect(shown.article.text.slice(byNote['kept note']!.start, byNote['kept note']!.end)).toBe(
      'Nine months later',
    );
    expect(byNote['orphan note']).toMatchObject({
      orphan: true,
      exact: 'demilitarized zone free of insurgents',
    });
    expect(
      parseJson<ListJson>((await run(['list', '--json', '--data', data])).out).articles,
    ).toHaveLength(1);
  });
});
