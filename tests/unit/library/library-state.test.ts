import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createChannelHandlers, apiTable } from '../../../common/api.ts';
import { IMPORT_CHANNELS, type ImportProgressEvent } from '../../../common/api-imports.ts';
import { notAnArticleReason } from '../../../common/ingest/extensions.ts';
import { createApiImplementation } from '../../../electron/services/api-implementation.ts';
import { openLibrary } from '../../../electron/services/open-library.ts';
import { clock, filesUnder, FIXTURES, library, removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const FERRY = path.join(FIXTURES, 'harbour-ferry.html');
const BLOG = path.join(FIXTURES, 'blog-post.html');

describe('the trash', () => {
  it('hides an article with its highlights, lists it, and restores it whole', async () => {
    const time = clock();
    const { library: lib } = await library({ now: time.now });
    const ferry = await lib.importFile(FERRY);
    const blog = await lib.importFile(BLOG);
    const h = await lib.createHighlight({
      articleId: ferry.id,
      start: 0,
      end: 12,
      color: 'pink',
      note: 'opening',
    });

    await lib.trash(ferry.id);
    expect(lib.list().map((a) => a.id)).toEqual([blog.id]);
    expect(lib.listTrash()).toEqual([
      expect.objectContaining({
        id: ferry.id,
        highlights: 1,
        notes: 1,
        trashedAt: '2024-06-01T12:00:00.000Z',
      }),
    ]);

    await lib.restore(ferry.id);
    expect(lib.list().map((a) => a.id)).toEqual([ferry.id, blog.id]);
    expect(lib.listTrash()).toEqual([]);
    expect(lib.list()[0]!.trashedAt).toBeUndefined();
    expect((await lib.open(ferry.id)).highlights).toEqual([h]);
  });

  it('is emptied of articles older than 30 days when the library is opened, files and all', async () => {
    const time = clock();
    const { library: lib, dir } = await library({ now: time.now });
    const ferry = await lib.importFile(FERRY);
    const blog = await lib.importFile(BLOG);
    await lib.createHighlight({ articleId: ferry.id, start: 0, end: 12, color: 'pink' });
    await lib.trash(ferry.id);
    time.advanceDays(10);
    await lib.trash(blog.id);

    time.advanceDays(20); // the ferry has been in the trash 30 days, the blog 20
    const { library: sameDay } = await openLibrary(dir, {
      now: () => new Date(time.now().getTime() - 1),
      search: { persist: false },
    });
    expect(sameDay.listTrash().map((a) => a.id)).toEqual([ferry.id, blog.id]);

    time.advanceDays(1);
    const { library: later } = await openLibrary(dir, {
      now: time.now,
      search: { persist: false },
    });
    expect(later.listTrash().map((a) => a.id)).toEqual([blog.id]);
    expect(fs.existsSync(path.join(dir, `media/${ferry.id}`))).toBe(false);
    // Only the blog's text is left; the ferry's, and its saved highlights, are gone.
    const texts = filesUnder(dir, 'content').map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    expect(texts.length).toBe(1);
    expect(texts[0]).toContain(blog.id);
    expect(filesUnder(dir, 'devices').filter((f) => f.includes(ferry.id))).toEqual([]);
    await expect(later.restore(ferry.id)).rejects.toThrow(`No article with id ${ferry.id}`);
  });

  it('gives an article back when its file is imported again while it is in the trash', async () => {
    const { library: lib } = await library();
    const blog = await lib.importFile(BLOG);
    await lib.trash(blog.id);
    expect(await lib.importFile(BLOG)).toMatchObject({
      id: blog.id,
      duplicate: false,
      restored: true,
    });
    expect(lib.list().map((a) => a.id)).toEqual([blog.id]);
  });
});

describe('tags', () => {
  it('are set whole, tidied, kept across a new version of the article, and on the summary', async () => {
    const { library: lib, dir } = await library();
    const blog = await lib.importFile(BLOG);
    const row = await lib.setTags(blog.id, [' field work ', 'Notes', 'notes', 'rain']);
    expect(row).toMatchObject({ id: blog.id, tags: ['field work', 'Notes', 'rain'] });
    expect(lib.list()[0]!.tags).toEqual(['field work', 'Notes', 'rain']);

    const changed = fs.readFileSync(BLOG, 'utf8').replace('Every autumn', 'Every single autumn');
    const file = path.join(tempDir(), 'blog-post.html');
    fs.writeFileSync(file, changed);
    expect(await lib.importFile(file)).toMatchObject({
      id: blog.id,
      updated: expect.any(Object) as object,
    });
    const { library: reopened } = await openLibrary(dir, { search: { persist: false } });
    expect(reopened.list()[0]!.tags).toEqual(['field work', 'Notes', 'rain']);
    await expect(lib.setTags('a-missing', ['x'])).rejects.toThrow('No article with id a-missing');
  });
});

describe('the reading position', () => {
  it('is on the index row, survives reopening, and never rewrites the article file', async () => {
    const time = clock();
    const { library: lib, dir } = await library({ now: time.now });
    const blog = await lib.importFile(BLOG);
    const [content] = filesUnder(dir, 'content');
    const articleFile = path.join(dir, content!);
    const before = fs.statSync(articleFile);

    // Many calls while scrolling, not awaited one by one; each acknowledged call is on disk.
    const calls = Array.from({ length: 25 }, (_, i) =>
      lib.setReadingPosition(blog.id, i * 10, i / 40),
    );
    await Promise.all(calls);
    time.advanceDays(1);
    await lib.setReadingPosition(blog.id, 480, 0.75);

    const { library: reopened } = await openLibrary(dir, { search: { persist: false } });
    expect(reopened.list()[0]).toMatchObject({
      position: 480,
      progress: 0.75,
      lastReadAt: '2024-06-02T12:00:00.000Z',
    });
    const after = fs.statSync(articleFile);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.ino).toBe(before.ino);
  });

  it('keeps the last of many overlapping calls, each costing one small appended record', async () => {
    const { library: lib, dir } = await library();
    const blog = await lib.importFile(BLOG);
    const logBytes = () =>
      filesUnder(dir, 'devices')
        .filter((f) => f.endsWith('.jsonl'))
        .reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
    const before = logBytes();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => lib.setReadingPosition(blog.id, i, 0.5)),
    );
    // One record per call, each a few hundred bytes: nothing else of the library is rewritten.
    expect(logBytes() - before).toBeLessThan(50 * 400);
    const { library: reopened } = await openLibrary(dir, { search: { persist: false } });
    expect(reopened.list()[0]!.position).toBe(49);
  });
});

describe('the API for the library view', () => {
  it('imports dropped files and files chosen in the dialog, one summary entry per file', async () => {
    const { library: lib } = await library();
    const missing = path.join(tempDir(), 'nowhere.html');
    let chosen: string[] = [BLOG, path.join(FIXTURES, 'chart.pdf')];
    const progress: ImportProgressEvent[] = [];
    const impl = createApiImplementation(lib, {
      chooseSavePath: () => Promise.resolve(null),
      chooseImportFiles: () => Promise.resolve(chosen),
      importProgress: (event) => progress.push(event),
    });
    const handlers = createChannelHandlers(impl);
    const call = (name: keyof typeof apiTable, arg?: unknown) =>
      handlers.get(apiTable[name].channel)!(arg);
    const ferryTitle = 'Night ferry returns to Kestrel Bay after two-year pause';

    // Dropped files arrive from the preload on their own channel; the answer names files only.
    const dropped = handlers.get(IMPORT_CHANNELS.dropped)!;
    expect(await dropped({ paths: [FERRY, FERRY, missing] })).toEqual({
      ok: true,
      value: {
        results: [
          {
            file: 'harbour-ferry.html',
            status: 'imported',
            id: expect.any(String) as string,
            title: ferryTitle,
          },
          {
            file: 'harbour-ferry.html',
            status: 'duplicate',
            id: expect.any(String) as string,
            title: ferryTitle,
          },
          { file: 'nowhere.html', status: 'failed', error: 'no such file' },
        ],
      },
    });
    // One report as the batch starts, then one per file as it ends.
    expect(
      progress.map((e) => (e.kind === 'start' ? e.files : [e.index, e.result.status])),
    ).toEqual([
      ['harbour-ferry.html', 'harbour-ferry.html', 'nowhere.html'],
      [0, 'imported'],
      [1, 'duplicate'],
      [2, 'failed'],
    ]);

    // The dialog's choice is imported by the services themselves; a kind Gloss cannot read
    // fails alone with the usual words.
    expect(await call('importWithDialog')).toEqual({
      ok: true,
      value: {
        results: [
          expect.objectContaining({ file: 'blog-post.html', status: 'imported' }) as unknown,
          { file: 'chart.pdf', status: 'failed', error: notAnArticleReason('chart.pdf') },
        ],
      },
    });
    chosen = [];
    expect(await call('importWithDialog')).toEqual({ ok: true, value: { results: [] } });
    expect(JSON.stringify(progress)).not.toContain(FIXTURES);

    const [ferry] = lib.list();
    expect(await call('setReadingPosition', { id: ferry!.id, offset: 12, progress: 0.1 })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await call('setArticleTags', { id: ferry!.id, tags: ['boats'] })).toMatchObject({
      ok: true,
      value: { tags: ['boats'], position: 12 },
    });
    expect(await call('trashArticle', { id: ferry!.id })).toEqual({ ok: true, value: undefined });
    expect(await call('listTrash')).toMatchObject({ ok: true, value: [{ id: ferry!.id }] });
    expect(await call('search', { query: 'ferry' })).toEqual({ ok: true, value: [] });
    expect(await call('restoreArticle', { id: ferry!.id })).toEqual({ ok: true, value: undefined });
    expect(await call('search', { query: 'marigold', limit: 1 })).toMatchObject({
      ok: true,
      value: [{ id: ferry!.id, kind: 'text' }],
    });
    expect(
      await call('setReadingPosition', { id: ferry!.id, offset: 1, progress: 2 }),
    ).toMatchObject({ ok: false });
  });
});
