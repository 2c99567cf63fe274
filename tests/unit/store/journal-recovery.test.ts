/**
 * Recovery that loses nothing acknowledged: damaged or deleted snapshot files rebuilt from the
 * change logs, a torn last record, the previous format converted, a read-only folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLibraryStore as openLegacyStore } from '../../../electron/services/store/library-store.ts';
import { JournalStore } from '../../../electron/services/store/journal-store.ts';
import { openLibraryStore } from '../../../electron/services/store/open-store.ts';
import { freshDir, listFiles, makeArticle, makeHighlights, removeFreshDirs } from './helpers.ts';

afterAll(removeFreshDirs);

const DEVICE = 'laptop';

async function open(dir: string) {
  return openLibraryStore(dir, { device: DEVICE });
}

/** A library with one article holding 13 highlights with notes, folded into the snapshot. */
async function annotated(dir: string) {
  const store = await open(dir);
  const article = makeArticle(1);
  await store.addArticle(article);
  const highlights = makeHighlights(article.id, 26).filter((h) => h.note !== '');
  expect(highlights.length).toBe(13);
  for (const h of highlights) await store.updateHighlights(article.id, (tx) => tx.put(h));
  await store.fold();
  await store.close();
  return { article, highlights };
}

const snapshotOf = (id: string) => `devices/${DEVICE}/snapshot/highlights/${id}.json`;

describe('a damaged or missing highlights snapshot', () => {
  it('is rebuilt from the change logs with every acknowledged note, naming the article', async () => {
    const dir = freshDir();
    const { article, highlights } = await annotated(dir);
    fs.rmSync(path.join(dir, snapshotOf(article.id)));
    const store = await open(dir);
    expect(await store.getHighlights(article.id)).toEqual(highlights);
    expect(store.notices).toEqual([
      {
        file: article.title,
        message: expect.stringMatching(
          new RegExp(`“${article.title}”.*13 highlights and 13 notes recovered`),
        ) as unknown,
      },
    ]);
    expect(store.listArticles()[0]!.notes).toBe(13);
  });

  it('treats a file that is not UTF-8 as damaged: moved aside, rebuilt, nothing lost', async () => {
    const dir = freshDir();
    const { article, highlights } = await annotated(dir);
    const file = path.join(dir, snapshotOf(article.id));
    const bytes = fs.readFileSync(file);
    bytes[10] = 0xff; // not valid anywhere in UTF-8
    fs.writeFileSync(file, bytes);
    const store = await open(dir);
    expect(await store.getHighlights(article.id)).toEqual(highlights);
    expect(store.notices[0]!.message).toContain(article.title);
    expect(listFiles(dir).some((f) => f.includes(`${article.id}.json.damaged-`))).toBe(true);
    await store.close();
    // Rewritten whole by the fold: the next open is clean.
    expect((await open(dir)).notices).toEqual([]);
  });
});

describe('a damaged index snapshot', () => {
  it('is rebuilt with tags, reading positions and trash state', async () => {
    const dir = freshDir();
    const store = await open(dir);
    const [a, b, c] = [makeArticle(1), makeArticle(2), makeArticle(3)];
    for (const x of [a, b, c]) await store.addArticle(x);
    await store.setTags(a.id, ['ferry', 'council']);
    await store.setReadingPosition(b.id, {
      position: 120,
      progress: 0.4,
      lastReadAt: '2026-01-01T00:00:00.000Z',
    });
    await store.trashArticle(c.id, new Date('2026-01-02T00:00:00.000Z'));
    await store.saveHighlights(a.id, makeHighlights(a.id, 4));
    await store.fold();
    const before = { list: store.listArticles(), trash: store.listTrash() };
    await store.close();

    fs.writeFileSync(path.join(dir, `devices/${DEVICE}/snapshot/index.json`), '{"format": 2, "ro');
    const again = await open(dir);
    expect(again.listArticles()).toEqual(before.list);
    expect(again.listTrash()).toEqual(before.trash);
    expect(again.notices.map((n) => n.message)).toEqual([
      expect.stringContaining('3 articles with their tags, reading positions and trash'),
    ]);
  });
});

describe('a crash', () => {
  it('leaves at most a torn last record, which is ignored, and an unlisted article text', async () => {
    const dir = freshDir();
    const store = await open(dir);
    await store.addArticle(makeArticle(1));
    await store.close();
    // The first import of a new library, cut short after its text was written: the text is
    // there, the record that lists it is torn.
    const second = await open(dir);
    await second.addArticle(makeArticle(2)); // not closed: killed before it could fold
    const log = listFiles(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .at(-1)!;
    const bytes = fs.readFileSync(path.join(dir, log));
    fs.writeFileSync(path.join(dir, log), bytes.subarray(0, bytes.length - 20));
    const reopened = await open(dir);
    expect(reopened.notices).toEqual([]);
    expect(reopened.listArticles().map((r) => r.id)).toEqual([makeArticle(1).id]);
    await reopened.addArticle(makeArticle(2));
    expect(reopened.listArticles()).toHaveLength(2);
  });
});

describe('a library in the previous format', () => {
  it('is converted whole — articles, highlights, tags, positions, trash — and only once', async () => {
    const dir = freshDir();
    const legacy = await openLegacyStore(dir);
    const articles = [makeArticle(1), makeArticle(2), makeArticle(3)];
    for (const a of articles) await legacy.addArticle(a);
    await legacy.saveHighlights(articles[0]!.id, makeHighlights(articles[0]!.id, 5));
    await legacy.setTags(articles[1]!.id, ['kept']);
    await legacy.setReadingPosition(articles[1]!.id, {
      position: 7,
      progress: 0.1,
      lastReadAt: '2025-05-05T00:00:00.000Z',
    });
    await legacy.trashArticle(articles[2]!.id, new Date('2025-06-01T00:00:00.000Z'));
    await legacy.markSeeded();
    const before = { list: legacy.listArticles(), trash: legacy.listTrash() };

    const store = await open(dir);
    expect(store.notices).toEqual([]);
    expect(store.listArticles()).toEqual(before.list);
    expect(store.listTrash()).toEqual(before.trash);
    expect(store.seeded).toBe(true);
    expect(await store.getArticle(articles[0]!.id)).toEqual(articles[0]);
    expect(await store.getHighlights(articles[0]!.id)).toEqual(makeHighlights(articles[0]!.id, 5));
    expect(fs.existsSync(path.join(dir, 'library.json'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'legacy-v1', 'library.json'))).toBe(true);
    await store.close();

    const again = await open(dir);
    expect(again.listArticles()).toEqual(before.list);
  });
});

describe('a read-only folder', () => {
  it('is read, and a change is refused with the reason instead of an errno', async () => {
    const dir = freshDir();
    const writable = await open(dir);
    await writable.addArticle(makeArticle(1));
    await writable.close();
    const store = new JournalStore(dir, { device: DEVICE, readOnly: true });
    await store.load();
    expect(store.listArticles()).toHaveLength(1);
    await expect(store.setTags(makeArticle(1).id, ['x'])).rejects.toThrow(
      /Cannot save the tags of “Article number 1”: the library folder is read-only/,
    );
  });
});
