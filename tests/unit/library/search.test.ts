import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../common/api.ts';
import { buildSnippet } from '../../../common/search/snippet.ts';
import { openLibrary } from '../../../electron/services/open-library.ts';
import { SEARCH_INDEX_FILE } from '../../../electron/services/search/library-search.ts';
import { FIXTURES, library, removeTempDirs } from './helpers.ts';

afterAll(removeTempDirs);

const FERRY = path.join(FIXTURES, 'harbour-ferry.html');
const BLOG = path.join(FIXTURES, 'blog-post.html');

/** The marked words of a result, as the renderer would show them. */
const marked = (r: SearchResult) => r.marks.map(([s, e]) => r.snippet.slice(s, e));

describe('buildSnippet', () => {
  const text = `${'Early words fill the opening of this paragraph before anything matters. '.repeat(3)}The harbour master counted the passengers twice. ${'Later words trail off after the point of interest for quite a while. '.repeat(3)}`;

  it('cuts about 160 characters around the first hit at word boundaries, marking every hit inside', () => {
    const { snippet, marks, first } = buildSnippet(
      text,
      (w) => w === 'harbour' || w === 'passengers',
    );
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(162);
    expect(snippet.length).toBeGreaterThan(120);
    expect(snippet.slice(1, -1)).toBe(snippet.slice(1, -1).trim());
    expect(text).toContain(snippet.slice(1, -1));
    // Cut at word boundaries on both sides.
    const inner = snippet.slice(1, -1);
    const at = text.indexOf(inner);
    expect(/\s/.test(text[at - 1]!)).toBe(true);
    expect(/\s/.test(text[at + inner.length]!)).toBe(true);
    expect(marks.map(([s, e]) => snippet.slice(s, e))).toEqual(['harbour', 'passengers']);
    expect(text.slice(first, first + 7)).toBe('harbour');
  });

  it('shows a short text whole, and the opening when nothing matched', () => {
    expect(buildSnippet('Short and sweet.', (w) => w === 'sweet')).toEqual({
      snippet: 'Short and sweet.',
      marks: [[10, 15]],
      first: 10,
    });
    expect(buildSnippet(text, () => false).snippet.startsWith('Early words')).toBe(true);
  });
});

describe('library search', () => {
  it('finds words in article text by prefix and with a typo, with the contracted shape', async () => {
    const { library: lib } = await library();
    const ferry = await lib.importFile(FERRY);
    await lib.importFile(BLOG);
    await lib.search.settled();
    const results = await lib.find('cooperat');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(Object.keys(r).sort()).toEqual(['id', 'kind', 'marks', 'offset', 'snippet', 'title']);
      expect(r).toMatchObject({
        id: ferry.id,
        title: 'Night ferry returns to Kestrel Bay after two-year pause',
        kind: 'text',
      });
      expect(marked(r).every((w) => w.toLowerCase().startsWith('cooperat'))).toBe(true);
    }
    // The offset is where the hit is in the article's text.
    const { article } = await lib.open(ferry.id);
    const first = results[0]!;
    expect(article.text.slice(first.offset, first.offset + 'cooperat'.length).toLowerCase()).toBe(
      'cooperat',
    );

    const typo = await lib.find('pencils graphyte');
    expect(typo[0]).toMatchObject({
      kind: 'text',
      title: 'Keeping a field notebook that survives the rain',
    });
    expect(
      marked(typo[0]!)
        .map((w) => w.toLowerCase())
        .sort(),
    ).toEqual(['graphite', 'pencils']);
  });

  it('finds notes, keeps up with note edits, tags and the trash', async () => {
    const { library: lib } = await library();
    const ferry = await lib.importFile(FERRY);
    await lib.search.settled();
    const { article } = await lib.open(ferry.id);
    const start = article.text.indexOf('Harbour master');
    const h = await lib.createHighlight({
      articleId: ferry.id,
      start,
      end: start + 14,
      color: 'blue',
      note: 'Ask about the lighthouse keeper',
    });

    const notes = (await lib.find('lighthouse')).filter((r) => r.kind === 'note');
    expect(notes).toEqual([
      {
        id: ferry.id,
        title: 'Night ferry returns to Kestrel Bay after two-year pause',
        snippet: 'Ask about the lighthouse keeper',
        marks: [[14, 24]],
        kind: 'note',
        offset: start,
        highlightId: h.id,
      },
    ]);

    await lib.updateHighlight({ articleId: ferry.id, id: h.id, note: 'Ask about the tide tables' });
    expect(await lib.find('lighthouse')).toEqual([]);
    expect((await lib.find('tide tab')).map((r) => r.kind)).toEqual(['note']);

    await lib.setTags(ferry.id, ['islands', 'Seafaring']);
    expect(await lib.find('seafaring')).toEqual([
      expect.objectContaining({
        id: ferry.id,
        kind: 'text',
        offset: 0,
        snippet: 'Night ferry returns to Kestrel Bay after two-year pause',
      }),
    ]);

    await lib.trash(ferry.id);
    expect(await lib.find('ferry')).toEqual([]);
    expect(await lib.find('tide')).toEqual([]);
    await lib.restore(ferry.id);
    expect((await lib.find('tide')).map((r) => r.kind)).toEqual(['note']);

    await lib.deleteHighlight({ articleId: ferry.id, id: h.id });
    expect(await lib.find('tide tables')).toEqual([]);
  });

  it('keeps a snapshot in the data folder and corrects it when the library changed behind it', async () => {
    const { library: lib, dir } = await library({ search: { persist: true, saveDelayMs: 10 } });
    const ferry = await lib.importFile(FERRY);
    expect((await lib.find('marigold')).length).toBeGreaterThan(0);
    await lib.search.flush();
    // Among this device's own files, so a file-sync engine never sees two writers of it.
    expect(lib.search.file).toBe(path.join(dir, 'devices', lib.store.device, SEARCH_INDEX_FILE));
    expect(fs.existsSync(lib.search.file)).toBe(true);
    expect(fs.existsSync(path.join(dir, SEARCH_INDEX_FILE))).toBe(false);

    // Another process (the gloss command) changes the library; the snapshot is now stale.
    const { library: other } = await openLibrary(dir, { search: { persist: false } });
    const { article } = await other.open(ferry.id);
    await other.createHighlight({
      articleId: ferry.id,
      start: 0,
      end: 3,
      color: 'yellow',
      note: 'seagull colony',
    });
    const blog = await other.importFile(BLOG);

    const { library: reopened } = await openLibrary(dir, { search: { persist: true } });
    await reopened.search.settled();
    expect((await reopened.find('seagull')).map((r) => r.kind)).toEqual(['note']);
    expect((await reopened.find('graphite')).map((r) => r.id)).toContain(blog.id);
    expect(article.title).toBe('Night ferry returns to Kestrel Bay after two-year pause');
    reopened.search.close();
  });

  it('finds a note edited by another process while the app was closed', async () => {
    const { library: lib, dir } = await library({ search: { persist: true, saveDelayMs: 10 } });
    const ferry = await lib.importFile(FERRY);
    const h = await lib.createHighlight({
      articleId: ferry.id,
      start: 0,
      end: 5,
      color: 'yellow',
      note: 'lighthouse keeper',
    });
    expect((await lib.find('lighthouse')).length).toBe(1);
    await lib.close();
    expect(fs.existsSync(lib.search.file)).toBe(true);

    // The same number of notes, another text: only the change log tells the index.
    const { library: other } = await openLibrary(dir, { search: { persist: false } });
    await other.updateHighlight({ articleId: ferry.id, id: h.id, note: 'cormorant roost' });
    await other.close();

    const { library: reopened } = await openLibrary(dir, { search: { persist: true } });
    await reopened.search.settled();
    expect((await reopened.find('cormorant')).map((r) => r.highlightId)).toEqual([h.id]);
    expect(await reopened.find('lighthouse keeper')).toEqual([]);
    await reopened.close();
  });

  it('rebuilds from the library when the snapshot is damaged', async () => {
    const { library: lib, dir } = await library({ search: { persist: true } });
    await lib.importFile(BLOG);
    fs.writeFileSync(lib.search.file, 'GLOSSIX1\u0000\u0000\u0001{"records":');
    const { library: reopened } = await openLibrary(dir, { search: { persist: true } });
    await reopened.search.settled();
    expect(reopened.search.state).toBe('ready');
    expect((await reopened.find('freezer bag')).length).toBe(1);
    reopened.search.close();
    lib.search.close();
  });

  it('answers an empty query with nothing and honours the limit', async () => {
    const { library: lib } = await library();
    await lib.importFile(FERRY);
    await lib.search.settled();
    expect(await lib.find('   ')).toEqual([]);
    expect(await lib.find('the', 2)).toHaveLength(2);
  });

  it('answers from a scan of the text while the index is being built, and says so', async () => {
    const { library: lib } = await library();
    const ferry = await lib.importFile(FERRY);
    const early = await lib.find('secondhand boat');
    expect(early.length).toBeGreaterThan(0);
    for (const r of early) expect(r).toMatchObject({ id: ferry.id, scanned: true });
    expect(marked(early[0]!).map((w) => w.toLowerCase())).toEqual(['secondhand', 'boat']);

    await lib.search.settled();
    expect(lib.search.state).toBe('ready');
    const later = await lib.find('secondhand boat');
    // The same passage, found by the index now: no longer marked as scanned.
    expect(later[0]).toEqual({ ...early[0], scanned: undefined });
    expect(Object.keys(later[0]!)).not.toContain('scanned');
  });

  it('replies to a note edit without waiting for the index, then finds the new words', async () => {
    const { library: lib } = await library();
    const ferry = await lib.importFile(FERRY);
    const h = await lib.createHighlight({
      articleId: ferry.id,
      start: 0,
      end: 5,
      color: 'green',
      note: 'first thoughts',
    });
    await lib.search.settled();

    // Hold the index's work on this article until we let it go.
    const store = lib.store;
    const read = store.getHighlights.bind(store);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let indexed = 0;
    store.getHighlights = async (id) => {
      indexed++;
      await held;
      return read(id);
    };

    // Five saves while typing, each acknowledged although the index is held.
    for (const note of ['p', 'pe', 'pel', 'peli', 'pelican nesting ground']) {
      const reply = lib.updateHighlight({ articleId: ferry.id, id: h.id, note });
      const outcome = await Promise.race([
        reply.then(() => 'replied'),
        new Promise((resolve) => setTimeout(() => resolve('waited'), 2000)),
      ]);
      expect(outcome).toBe('replied');
    }
    release();
    const found = await lib.find('pelican');
    expect(found).toEqual([expect.objectContaining({ kind: 'note', highlightId: h.id })]);
    expect(await lib.find('thoughts')).toEqual([]);
    // The five edits were indexed in at most two passes (one may have started before the rest).
    expect(indexed).toBeLessThanOrEqual(2);
  });
});
