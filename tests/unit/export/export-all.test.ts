import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../../helpers/temp.ts';
import { exportMarkdown } from '../../../common/export/markdown.ts';
import { exportAllToFolder } from '../../../electron/services/export/export-all.ts';
import { seedArticle } from '../../fixtures/export/seed-article.ts';
import { seedHighlights } from '../../fixtures/export/seed-highlights.ts';
import { makeArticle, makeHighlight } from './article-factory.ts';

let dir = '';
beforeEach(() => {
  dir = tempDir('export');
});
afterEach(removeTempDirs);

const OPTIONS = { exported: '2026-11-24T10:00:00Z' };

function items() {
  const seed = seedArticle();
  const a = makeArticle({ id: 'a', title: 'Idlib: the next step' });
  const b = makeArticle({ id: 'b', title: 'IDLIB: THE NEXT STEP' });
  return [
    { article: seed, highlights: seedHighlights(seed) },
    { article: a, highlights: [makeHighlight(a, 'One sentence.', { note: 'mine' })] },
    { article: b, highlights: [] },
  ];
}

describe('exportAllToFolder', () => {
  it('writes one file per article with distinct names and the rendered content', async () => {
    const list = items();
    const { files } = await exportAllToFolder(dir, list, OPTIONS);
    expect(files).toEqual([
      join(dir, "Turkey, Russia face conflicts over Syria's push into Idlib.md"),
      join(dir, 'Idlib the next step.md'),
      join(dir, 'IDLIB THE NEXT STEP (2).md'),
    ]);
    expect((await readdir(dir)).sort()).toEqual(files.map((f) => f.slice(dir.length + 1)).sort());
    for (const [i, f] of files.entries()) {
      const item = list[i]!;
      expect(await readFile(f, 'utf8')).toBe(
        exportMarkdown(item.article, item.highlights, OPTIONS),
      );
    }
    const golden = await readFile(
      new URL('../../fixtures/export/seed.expected.md', import.meta.url),
      'utf8',
    );
    expect(await readFile(files[0]!, 'utf8')).toBe(golden);
  });

  it('replaces files from an earlier export', async () => {
    const list = items();
    await exportAllToFolder(dir, list, OPTIONS);
    const { files } = await exportAllToFolder(dir, list, { exported: '2027-01-01T00:00:00Z' });
    expect(await readFile(files[1]!, 'utf8')).toContain('exported: 2027-01-01T00:00:00Z');
    expect((await readdir(dir)).length).toBe(3);
  });

  it('never replaces a file that is not an export of the same article', async () => {
    // A note of the user's own, and another article's export, under the names Gloss would pick.
    const mine = '# My thoughts on Idlib\n\nNot an export.\n';
    await writeFile(
      join(dir, "Turkey, Russia face conflicts over Syria's push into Idlib.md"),
      mine,
    );
    const other = '---\ntitle: Elsewhere\ngloss_id: zzz\n---\n\nAnother article.\n';
    await writeFile(join(dir, 'Idlib the next step.md'), other);
    const { files } = await exportAllToFolder(dir, items(), OPTIONS);
    expect(
      await readFile(
        join(dir, "Turkey, Russia face conflicts over Syria's push into Idlib.md"),
        'utf8',
      ),
    ).toBe(mine);
    expect(await readFile(join(dir, 'Idlib the next step.md'), 'utf8')).toBe(other);
    expect(files).toEqual([
      join(dir, "Turkey, Russia face conflicts over Syria's push into Idlib (2).md"),
      join(dir, 'Idlib the next step (2).md'),
      join(dir, 'IDLIB THE NEXT STEP (3).md'),
    ]);
    // Exported again, each article keeps the file it was given, so links to it stay good.
    const again = await exportAllToFolder(dir, items(), { exported: '2027-01-01T00:00:00Z' });
    expect(again.files).toEqual(files);
    expect((await readdir(dir)).length).toBe(5);
  });

  it('fails with one clear line when the folder is missing, and writes nothing', async () => {
    const missing = join(dir, 'does-not-exist');
    const error = await exportAllToFolder(missing, items(), OPTIONS).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toBe(`Cannot export to ${missing}: the folder does not exist`);
    expect(error!.message).not.toContain('\n');
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails clearly when the folder is a file, or lies under a file', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, 'keep');
    await expect(exportAllToFolder(file, items(), OPTIONS)).rejects.toThrow(
      `Cannot export to ${file}: it is a file, not a folder`,
    );
    const under = join(file, 'sub');
    await expect(exportAllToFolder(under, items(), OPTIONS)).rejects.toThrow(
      `Cannot export to ${under}: part of the path is a file, not a folder`,
    );
    expect(await readdir(dir)).toEqual(['a-file']);
    expect(await readFile(file, 'utf8')).toBe('keep');
  });

  it('writes nothing when the template is broken, and names the line', async () => {
    await expect(
      exportAllToFolder(dir, items(), {
        ...OPTIONS,
        template: '# {{title}}\n{{#highlights}}\n{{text}}',
      }),
    ).rejects.toThrow(/^Template error at line 2, column 1: unclosed section "highlights"/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses an article listed twice rather than letting one file overwrite the other', async () => {
    const list = items();
    await expect(exportAllToFolder(dir, [...list, list[1]!], OPTIONS)).rejects.toThrow(
      /listed twice/,
    );
    expect(await readdir(dir)).toEqual([]);
  });
});
