import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NewerSchemaError } from '../../../common/store/migrations.ts';
import { openLibraryStore } from '../../../electron/services/store/library-store.ts';
import {
  freshDir,
  listFiles,
  makeArticle,
  makeHighlights,
  readJson,
  removeFreshDirs,
  type StoredHighlights,
  type StoredIndex,
} from './helpers.ts';

afterAll(removeFreshDirs);

function corrupt(
  dir: string,
  rel: string,
  text = '{"schemaVersion": 1, "articles": [ {"id": "art',
): void {
  fs.writeFileSync(path.join(dir, rel), text);
}

function asideFiles(dir: string, rel: string): string[] {
  return listFiles(dir).filter((f) => f.startsWith(`${rel}.corrupt-`));
}

describe('library store: damaged files', () => {
  it('moves a corrupt library.json aside, restores its backup, and loses no article', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    const [a1, a2, a3] = [1, 2, 3].map((n) => makeArticle(n)) as [
      ReturnType<typeof makeArticle>,
      ReturnType<typeof makeArticle>,
      ReturnType<typeof makeArticle>,
    ];
    await store.addArticle(a1);
    await store.addArticle(a2);
    await store.markSeeded();
    await store.saveHighlights(a1.id, makeHighlights(a1.id, 3));
    // The newest backup of the index predates this article; it must come back all the same.
    await store.addArticle(a3);
    const damaged = '{"schemaVersion": 1, "articles": [ {"id": "art';
    corrupt(dir, 'library.json', damaged);

    const again = await openLibraryStore(dir);
    expect(again.notices).toHaveLength(2);
    expect(again.notices[0]!.file).toBe('library.json');
    expect(again.notices[0]!.message).toMatch(
      /^library\.json could not be read \(.+\)\. It was moved aside to library\.json\.corrupt-[\dT-]+Z\. The most recent good backup \(from \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\) was restored in its place\.$/,
    );
    expect(again.notices[1]!.message).toBe(
      '1 article found in articles/ but missing from the index was added back to the library.',
    );
    expect(again.listArticles().map((r) => [r.id, r.highlights, r.notes])).toEqual([
      [a1.id, 3, 1],
      [a2.id, 0, 0],
      [a3.id, 0, 0],
    ]);
    expect(again.seeded).toBe(true);
    expect(await again.getArticle(a3.id)).toEqual(a3);
    expect(await again.getHighlights(a1.id)).toEqual(makeHighlights(a1.id, 3));
    // The damaged file is kept, unchanged, for whoever wants to look at it.
    const aside = asideFiles(dir, 'library.json');
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe(damaged);
    expect(readJson<StoredIndex>(dir, 'library.json').articles).toHaveLength(3);

    // And the repair holds: the next open has nothing to report.
    expect((await openLibraryStore(dir)).notices).toEqual([]);
  });

  it('rebuilds the index from the article files when library.json has no backup', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    const a1 = makeArticle(1);
    await store.addArticle(a1);
    expect(fs.existsSync(path.join(dir, 'backups', 'library.json'))).toBe(false);
    corrupt(dir, 'library.json', '');

    const again = await openLibraryStore(dir);
    expect(again.notices[0]!.message).toMatch(
      /^library\.json could not be read \(the file is empty\)\. It was moved aside to .+\. No usable backup was found, so the library index was rebuilt from the article files\.$/,
    );
    expect(again.listArticles().map((r) => r.id)).toEqual([a1.id]);
    expect(await again.getArticle(a1.id)).toEqual(a1);
  });

  it('does not take a missing library.json beside article files for a new library', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    const [a1, a2] = [makeArticle(1), makeArticle(2)];
    await store.addArticle(a1);
    await store.addArticle(a2);
    await store.saveHighlights(a2.id, makeHighlights(a2.id, 2));
    fs.unlinkSync(path.join(dir, 'library.json'));

    const again = await openLibraryStore(dir);
    expect(again.notices[0]!.message).toMatch(
      /^library\.json is missing\. The most recent good backup \(from .+\) was restored in its place\.$/,
    );
    expect(again.listArticles().map((r) => [r.id, r.highlights])).toEqual([
      [a1.id, 0],
      [a2.id, 2],
    ]);
  });

  it('moves a corrupt article file aside and restores the previous version; nothing else is touched', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    const a1 = makeArticle(1);
    const a2 = makeArticle(2);
    await store.addArticle(a1);
    await store.addArticle(a2);
    await store.updateArticle({ ...a1, title: 'Revised' });
    await store.saveHighlights(a1.id, makeHighlights(a1.id, 2));
    const rel = `articles/${a1.id}.json`;
    const text = fs.readFileSync(path.join(dir, rel), 'utf8');
    corrupt(dir, rel, text.slice(0, text.length / 2));
    const indexBefore = readJson<StoredIndex>(dir, 'library.json');

    const again = await openLibraryStore(dir);
    expect(again.notices).toEqual([]); // articles are checked when first read
    expect(await again.getArticle(a1.id)).toEqual(a1);
    expect(again.notices).toHaveLength(1);
    expect(again.notices[0]!.file).toBe(rel);
    expect(again.notices[0]!.message).toMatch(
      /^articles\/art0001\.json could not be read \(.+\)\. It was moved aside to articles\/art0001\.json\.corrupt-.+\. The most recent good backup .+ was restored in its place\.$/,
    );
    expect(asideFiles(dir, rel)).toHaveLength(1);
    expect(await again.getArticle(a2.id)).toEqual(a2);
    expect(await again.getHighlights(a1.id)).toEqual(makeHighlights(a1.id, 2));
    // The index keeps both rows and the counts; only the restored article's title follows it back.
    expect(readJson(dir, 'library.json')).toEqual({
      ...indexBefore,
      articles: [{ ...indexBefore.articles[0], title: a1.title }, indexBefore.articles[1]],
    });

    const third = await openLibraryStore(dir);
    expect(await third.getArticle(a1.id)).toEqual(a1);
    expect(third.listArticles()).toHaveLength(2);
    expect(third.notices).toEqual([]);
  });

  it('says so when an article file is damaged and has no backup, and keeps everything else', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    const a1 = makeArticle(1);
    await store.addArticle(a1);
    await store.saveHighlights(a1.id, makeHighlights(a1.id, 2));
    corrupt(dir, `articles/${a1.id}.json`, 'garbage');

    const again = await openLibraryStore(dir);
    expect(await again.getArticle(a1.id)).toBeNull();
    expect(again.notices[0]!.message).toMatch(
      /No usable backup was found, so the article cannot be opened \(its highlights, if any, are kept in highlights\/art0001\.json\)\.$/,
    );
    expect(again.listArticles().map((r) => r.id)).toEqual([a1.id]);
    expect(await again.getHighlights(a1.id)).toEqual(makeHighlights(a1.id, 2));
  });

  it('moves a corrupt highlights file aside, restores the previous save, and fixes the counts', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    const a1 = makeArticle(1);
    const a2 = makeArticle(2);
    await store.addArticle(a1);
    await store.addArticle(a2);
    await store.saveHighlights(a2.id, makeHighlights(a2.id, 4, 1));
    await store.saveHighlights(a1.id, makeHighlights(a1.id, 2, 1));
    await store.saveHighlights(a1.id, makeHighlights(a1.id, 5, 2));
    const rel = `highlights/${a1.id}.json`;
    corrupt(dir, rel, '{"schemaVersion":1,"highlights":[{"id":');

    const again = await openLibraryStore(dir);
    expect(again.listArticles()[0]!.highlights).toBe(5);
    expect(await again.getHighlights(a1.id)).toEqual(makeHighlights(a1.id, 2, 1));
    expect(again.listArticles()[0]).toMatchObject({ highlights: 2, notes: 1 });
    expect(again.notices.map((n) => n.file)).toEqual([rel]);
    expect(again.notices[0]!.message).toMatch(
      /^highlights\/art0001\.json could not be read .+ was restored in its place\.$/,
    );
    expect(await again.getHighlights(a2.id)).toEqual(makeHighlights(a2.id, 4, 1));
    expect(await again.getArticle(a1.id)).toEqual(a1);
    // The count fix reached the disk.
    expect(readJson<StoredIndex>(dir, 'library.json').articles[0]!.highlights).toBe(2);
  });

  it('treats a file that parses but breaks the schema as damaged, and passes over a torn backup', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    const a1 = makeArticle(1);
    await store.addArticle(a1);
    for (let n = 1; n <= 3; n++) await store.saveHighlights(a1.id, makeHighlights(a1.id, n, n));
    const rel = `highlights/${a1.id}.json`;
    const wrong = readJson<StoredHighlights>(dir, rel);
    wrong.highlights[0]!.color = 'orange';
    corrupt(dir, rel, JSON.stringify(wrong));
    // Backups hold versions 1 and 2; spoil the newer one (a backup copy torn by a crash, say).
    const backups = fs.readdirSync(path.join(dir, 'backups', rel)).sort();
    expect(backups).toHaveLength(2);
    corrupt(dir, `backups/${rel}/${backups[1]}`, '{"schemaVer');

    const again = await openLibraryStore(dir);
    expect(await again.getHighlights(a1.id)).toEqual(makeHighlights(a1.id, 1, 1));
    expect(again.notices[0]!.message).toMatch(
      /^highlights\/art0001\.json did not have the expected contents \(highlights\.0\.color: .+\)\. It was moved aside/,
    );
  });

  it('starts a damaged highlights file with no backup empty, saying so', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    const a1 = makeArticle(1);
    await store.addArticle(a1);
    await store.saveHighlights(a1.id, makeHighlights(a1.id, 2));
    corrupt(dir, `highlights/${a1.id}.json`, '[1, 2');

    const again = await openLibraryStore(dir);
    expect(await again.getHighlights(a1.id)).toEqual([]);
    expect(again.notices[0]!.message).toMatch(
      /No usable backup was found, so the article now has no highlights\.$/,
    );
    expect(again.listArticles()[0]!.highlights).toBe(0);
    await again.saveHighlights(a1.id, makeHighlights(a1.id, 1));
    expect(readJson<StoredHighlights>(dir, `highlights/${a1.id}.json`).highlights).toHaveLength(1);
  });
});

describe('library store: files from a newer Gloss', () => {
  it('refuses to open a library.json with a newer schema and leaves it untouched', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    await store.addArticle(makeArticle(1));
    await store.markSeeded();
    const file = path.join(dir, 'library.json');
    const future = {
      ...readJson<StoredIndex>(dir, 'library.json'),
      schemaVersion: 3,
      shelves: ['kept by the newer version'],
    };
    fs.writeFileSync(file, JSON.stringify(future));
    const before = { text: fs.readFileSync(file, 'utf8'), stat: fs.statSync(file) };
    const filesBefore = listFiles(dir);

    const opening = openLibraryStore(dir);
    await expect(opening).rejects.toBeInstanceOf(NewerSchemaError);
    await expect(opening).rejects.toThrow(
      'library.json was written by a newer version of Gloss (schema 3); this version understands up to 2',
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(before.text);
    expect(fs.statSync(file).mtimeMs).toBe(before.stat.mtimeMs);
    expect(fs.statSync(file).ino).toBe(before.stat.ino);
    expect(listFiles(dir)).toEqual(filesBefore);
  });

  it('refuses to read or overwrite a newer highlights file, and carries on with the rest', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    const a1 = makeArticle(1);
    const a2 = makeArticle(2);
    await store.addArticle(a1);
    await store.addArticle(a2);
    const rel = `highlights/${a1.id}.json`;
    const text = JSON.stringify({ schemaVersion: 3, highlights: [], layers: [] });
    fs.writeFileSync(path.join(dir, rel), text);

    const again = await openLibraryStore(dir);
    await expect(again.getHighlights(a1.id)).rejects.toThrow(
      `${rel} was written by a newer version of Gloss (schema 3); this version understands up to 2`,
    );
    await expect(again.saveHighlights(a1.id, makeHighlights(a1.id, 1))).rejects.toBeInstanceOf(
      NewerSchemaError,
    );
    expect(fs.readFileSync(path.join(dir, rel), 'utf8')).toBe(text);
    expect(asideFiles(dir, rel)).toEqual([]);
    await again.saveHighlights(a2.id, makeHighlights(a2.id, 1));
    expect(await again.getHighlights(a2.id)).toHaveLength(1);
    expect(again.notices).toEqual([]);
  });
});
