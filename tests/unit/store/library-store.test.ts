import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

describe('library store: adding, reading, reopening', () => {
  it('creates its folder and starts empty', async () => {
    const dir = path.join(freshDir(), 'nested', 'data');
    const store = await openLibraryStore(dir);
    expect(store.dataDir).toBe(path.resolve(dir));
    expect(store.listArticles()).toEqual([]);
    expect(store.seeded).toBe(false);
    expect(store.notices).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'articles'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'highlights'))).toBe(true);
  });

  it('keeps articles, highlights and the seeded flag across a reopen, and on disk as JSON', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    const a1 = makeArticle(1);
    const a2 = makeArticle(2);
    await store.addArticle(a1);
    await store.addArticle(a2);
    const hs = makeHighlights(a2.id, 4);
    await store.saveHighlights(a2.id, hs);
    await store.markSeeded();

    // The raw files, as another program (or a later Gloss) would see them.
    const index = readJson<StoredIndex>(dir, 'library.json');
    expect(index.schemaVersion).toBe(2);
    expect(index.seeded).toBe(true);
    expect(index.articles.map((r: { id: string }) => r.id)).toEqual([a1.id, a2.id]);
    expect(index.articles[1]).toMatchObject({
      highlights: 4,
      notes: 2,
      contentHash: a2.contentHash,
      title: a2.title,
    });
    expect(index.articles[1]!.text).toBeUndefined();
    expect(readJson(dir, `articles/${a1.id}.json`)).toEqual({ schemaVersion: 2, article: a1 });
    expect(readJson(dir, `highlights/${a2.id}.json`)).toEqual({ schemaVersion: 2, highlights: hs });
    expect(fs.existsSync(path.join(dir, `highlights/${a1.id}.json`))).toBe(false);

    const again = await openLibraryStore(dir);
    expect(again.notices).toEqual([]);
    expect(again.seeded).toBe(true);
    expect(again.listArticles()).toEqual(store.listArticles());
    expect(again.listArticles()[0]).not.toHaveProperty('contentHash');
    expect(again.listArticles()[1]).toMatchObject({
      id: a2.id,
      highlights: 4,
      notes: 2,
      words: a2.words,
    });
    expect(await again.getArticle(a1.id)).toEqual(a1);
    expect(await again.getArticle(a2.id)).toEqual(a2);
    expect(await again.getHighlights(a2.id)).toEqual(hs);
    expect(await again.getHighlights(a1.id)).toEqual([]);
    expect(again.findByContentHash(a2.contentHash)?.id).toBe(a2.id);
    expect(again.findByContentHash('nope')).toBeNull();
    expect(await again.getArticle('missing')).toBeNull();
  });

  it('updates an article and its row, keeping the counts', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    const a = makeArticle(1);
    await store.addArticle(a);
    await store.saveHighlights(a.id, makeHighlights(a.id, 3));
    const changed = { ...a, title: 'A better title', text: a.text + ' More.', analysisVersion: 2 };
    await store.updateArticle(changed);
    const again = await openLibraryStore(dir);
    expect(await again.getArticle(a.id)).toEqual(changed);
    expect(again.listArticles()[0]).toMatchObject({
      title: 'A better title',
      highlights: 3,
      notes: 1,
    });
  });

  it('hands out copies, so callers cannot change the cache by accident', async () => {
    const store = await openLibraryStore(freshDir());
    const a = makeArticle(1);
    await store.addArticle(a);
    await store.saveHighlights(a.id, makeHighlights(a.id, 2));
    (await store.getArticle(a.id))!.title = 'scribbled';
    (await store.getHighlights(a.id)).pop();
    store.listArticles()[0]!.title = 'scribbled';
    expect((await store.getArticle(a.id))!.title).toBe(a.title);
    expect(await store.getHighlights(a.id)).toHaveLength(2);
    expect(store.listArticles()[0]!.title).toBe(a.title);
  });

  it('refuses what it cannot store, without changing anything', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    const a = makeArticle(1);
    await store.addArticle(a);
    await expect(store.addArticle(a)).rejects.toThrow(/already in the library/);
    await expect(store.addArticle({ ...a, id: a.id.toUpperCase() })).rejects.toThrow(
      /already in the library/,
    );
    await expect(store.addArticle({ ...a, id: '../evil' })).rejects.toThrow(/Cannot add/);
    await expect(store.updateArticle(makeArticle(9))).rejects.toThrow(/no article/);
    await expect(store.saveHighlights('nope', [])).rejects.toThrow(/no article/);
    const bad = [{ ...makeHighlights(a.id, 1)[0]!, color: 'orange' }] as never;
    await expect(store.saveHighlights(a.id, bad)).rejects.toThrow(/highlights\.0\.color/);
    expect(store.listArticles()).toHaveLength(1);
    expect(await store.getHighlights(a.id)).toEqual([]);
    expect(listFiles(dir).filter((f) => !f.startsWith('backups/'))).toEqual([
      'articles/art0001.json',
      'library.json',
    ]);
    // The queue carries on after failures.
    await store.saveHighlights(a.id, makeHighlights(a.id, 1));
    expect(store.listArticles()[0]!.highlights).toBe(1);
  });

  it('serialises concurrent calls in the order they were made', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    const articles = [1, 2, 3].map((n) => makeArticle(n));
    const pending: Promise<void>[] = [];
    for (const a of articles) pending.push(store.addArticle(a));
    for (let n = 1; n <= 10; n++)
      pending.push(
        store.saveHighlights(articles[n % 3]!.id, makeHighlights(articles[n % 3]!.id, n, n)),
      );
    const read = store.getArticle(articles[2]!.id);
    await Promise.all(pending);
    expect(await read).toEqual(articles[2]);
    const again = await openLibraryStore(dir);
    expect(again.listArticles().map((r) => [r.id, r.highlights])).toEqual([
      [articles[0]!.id, 9],
      [articles[1]!.id, 10],
      [articles[2]!.id, 8],
    ]);
    expect(await again.getHighlights(articles[1]!.id)).toEqual(
      makeHighlights(articles[1]!.id, 10, 10),
    );
  });

  it('rewrites only the highlights file and the index when highlights are saved', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    const articles = [1, 2, 3].map((n) => makeArticle(n));
    for (const a of articles) await store.addArticle(a);
    for (const a of articles) await store.saveHighlights(a.id, makeHighlights(a.id, 1));
    await store.markSeeded();
    const target = articles[1]!.id;

    const snapshot = (): Map<string, { ino: number; mtimeMs: number; text: string }> =>
      new Map(
        listFiles(dir)
          .filter((f) => !f.startsWith('backups/'))
          .map((f) => {
            const st = fs.statSync(path.join(dir, f));
            return [
              f,
              {
                ino: st.ino,
                mtimeMs: st.mtimeMs,
                text: fs.readFileSync(path.join(dir, f), 'utf8'),
              },
            ];
          }),
      );
    const before = snapshot();
    await store.saveHighlights(target, makeHighlights(target, 2, 7));
    const after = snapshot();

    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...after.keys()].filter((f) => {
      const a = after.get(f)!;
      const b = before.get(f)!;
      return a.ino !== b.ino || a.mtimeMs !== b.mtimeMs || a.text !== b.text;
    });
    expect(changed.sort()).toEqual([`highlights/${target}.json`, 'library.json']);

    // A change that leaves the counts alone (a recoloured highlight) does not touch the index.
    const recoloured = makeHighlights(target, 2, 7).map((h) => ({ ...h, color: 'blue' as const }));
    const before2 = snapshot();
    await store.saveHighlights(target, recoloured);
    const after2 = snapshot();
    const changed2 = [...after2.keys()].filter((f) => after2.get(f)!.ino !== before2.get(f)!.ino);
    expect(changed2).toEqual([`highlights/${target}.json`]);
  });

  it('keeps the last five versions of a file as backups', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    const a = makeArticle(1);
    await store.addArticle(a);
    for (let n = 1; n <= 8; n++) await store.saveHighlights(a.id, makeHighlights(a.id, n, n));
    const folder = path.join(dir, 'backups', 'highlights', `${a.id}.json`);
    const backups = fs.readdirSync(folder).sort();
    expect(backups).toHaveLength(5);
    // Newest backup = the version before the current one (7 highlights); oldest kept = 3.
    const counts = backups.map((b) => readJson<StoredHighlights>(folder, b).highlights.length);
    expect(counts).toEqual([3, 4, 5, 6, 7]);
  });
});

describe('library store: an index row left behind by a cut-short write', () => {
  it('is brought in line with the article and highlights files when they are first read', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    const a = makeArticle(1);
    await store.addArticle(a);
    await store.saveHighlights(a.id, makeHighlights(a.id, 1));
    // As if the process died after writing these files and before writing the index.
    const revised = { ...a, title: 'Revised title' };
    fs.writeFileSync(
      path.join(dir, `articles/${a.id}.json`),
      JSON.stringify({ schemaVersion: 1, article: revised }),
    );
    fs.writeFileSync(
      path.join(dir, `highlights/${a.id}.json`),
      JSON.stringify({ schemaVersion: 1, highlights: makeHighlights(a.id, 4) }),
    );

    const again = await openLibraryStore(dir);
    expect(again.listArticles()[0]).toMatchObject({ title: a.title, highlights: 1 });
    expect(await again.getArticle(a.id)).toEqual(revised);
    expect(await again.getHighlights(a.id)).toHaveLength(4);
    expect(again.listArticles()[0]).toMatchObject({
      title: 'Revised title',
      highlights: 4,
      notes: 2,
    });
    expect(again.notices).toEqual([]);
    expect(readJson<StoredIndex>(dir, 'library.json').articles[0]).toMatchObject({
      title: 'Revised title',
      highlights: 4,
      notes: 2,
    });
  });
});
