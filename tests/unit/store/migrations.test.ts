import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeDocument } from '../../../common/store/decode.ts';
import {
  NewerSchemaError,
  upgradeDocument,
  type Migration,
} from '../../../common/store/migrations.ts';
import { openLibraryStore } from '../../../electron/services/store/library-store.ts';
import { freshDir, makeArticle, readJson, removeFreshDirs } from './helpers.ts';

afterAll(removeFreshDirs);

const fixturePath = fileURLToPath(
  new URL('../../fixtures/store/highlights-v0.json', import.meta.url),
);
const legacy = (): unknown => JSON.parse(fs.readFileSync(fixturePath, 'utf8'));

describe('migrations', () => {
  it('turns version 0 flat highlights (the stored fixture) into current highlights', () => {
    const decoded = decodeDocument('highlights', legacy(), 'highlights/a.json');
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.migratedFrom).toBe(0);
    expect(decoded.value.schemaVersion).toBe(2);
    expect(decoded.value.highlights).toHaveLength(3);
    expect(decoded.value.highlights[0]).toEqual({
      id: 'h-legacy-1',
      articleId: 'a1b2c3d4e5f60718',
      position: { type: 'TextPositionSelector', start: 120, end: 168 },
      quote: {
        type: 'TextQuoteSelector',
        exact: 'the ceasefire would hold through the weekend',
        prefix: 'officials said on Friday that ',
        suffix: ', but warned that talks remain',
      },
      color: 'yellow',
      note: 'Check against the Reuters version. #ceasefire #Sources',
      tags: ['ceasefire', 'Sources'],
      created: '2023-11-04T08:15:30.000Z',
      updated: '2023-11-04T08:15:30.000Z',
      orphan: false,
    });
    expect(decoded.value.highlights[1]!.tags).toEqual([]);
    // A heading's "# " and a bare number are not tags.
    expect(decoded.value.highlights[2]!.tags).toEqual(['inflation/core', 'ceasefire']);
  });

  it('treats an explicit schemaVersion 0 like a missing one', () => {
    const doc = { ...(legacy() as object), schemaVersion: 0 };
    const decoded = decodeDocument('highlights', doc, 'h.json');
    expect(decoded.ok && decoded.value.highlights.map((h) => h.id)).toEqual([
      'h-legacy-1',
      'h-legacy-2',
      'h-legacy-3',
    ]);
  });

  it('reports, rather than throws, a legacy file it cannot read', () => {
    const doc = legacy() as { highlights: Record<string, unknown>[] };
    delete doc.highlights[1]!.start;
    const decoded = decodeDocument('highlights', doc, 'h.json');
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toMatch(/from schema 0 to 1.*highlights\.1\.start/);
  });

  it('has no way up from version 0 for kinds that never had one', () => {
    const decoded = decodeDocument('library', { seeded: false, articles: [] }, 'library.json');
    expect(decoded).toEqual({
      ok: false,
      reason: 'there is no way to upgrade library files from schema 0',
    });
  });

  it('refuses a document from a newer Gloss with a clear error', () => {
    expect(() =>
      decodeDocument('library', { schemaVersion: 3, seeded: true, articles: [] }, 'library.json'),
    ).toThrow(new NewerSchemaError('library.json', 3));
    expect(new NewerSchemaError('library.json', 3).message).toMatch(
      /^library\.json was written by a newer version of Gloss \(schema 3\); this version understands up to 2/,
    );
  });

  it('runs numbered steps in order from the document version up', () => {
    const steps: Migration[] = [
      { to: 1, migrate: (d) => ({ ...(d as object), schemaVersion: 1, trail: ['1'] }) },
      {
        to: 2,
        migrate: (d) => ({
          ...(d as { trail: string[] }),
          schemaVersion: 2,
          trail: [...(d as { trail: string[] }).trail, '2'],
        }),
      },
      {
        to: 3,
        migrate: (d) => ({
          ...(d as { trail: string[] }),
          schemaVersion: 3,
          trail: [...(d as { trail: string[] }).trail, '3'],
        }),
      },
    ];
    expect(upgradeDocument('article', {}, 'x', steps, 3)).toEqual({
      ok: true,
      from: 0,
      doc: { schemaVersion: 3, trail: ['1', '2', '3'] },
    });
    expect(upgradeDocument('article', { schemaVersion: 2, trail: ['old'] }, 'x', steps, 3)).toEqual(
      {
        ok: true,
        from: 2,
        doc: { schemaVersion: 3, trail: ['old', '3'] },
      },
    );
    expect(upgradeDocument('article', { schemaVersion: 'two' }, 'x', steps, 3)).toEqual({
      ok: false,
      reason: 'it has no valid schemaVersion',
    });
  });

  it('reads a legacy highlights file in a library, fixes the counts, and upgrades the file on the next save', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    const article = { ...makeArticle(1), id: 'a1b2c3d4e5f60718' };
    await store.addArticle(article);
    const rel = `highlights/${article.id}.json`;
    fs.copyFileSync(fixturePath, path.join(dir, rel));

    const reopened = await openLibraryStore(dir);
    const highlights = await reopened.getHighlights(article.id);
    expect(highlights.map((h) => h.position.start)).toEqual([120, 402, 980]);
    expect(reopened.notices).toEqual([]);
    expect(reopened.listArticles()[0]).toMatchObject({ highlights: 3, notes: 2 });
    // Reading does not rewrite: the legacy file is still byte for byte the fixture.
    expect(fs.readFileSync(path.join(dir, rel), 'utf8')).toBe(fs.readFileSync(fixturePath, 'utf8'));

    await reopened.saveHighlights(article.id, highlights.slice(0, 2));
    expect(readJson(dir, rel)).toEqual({ schemaVersion: 2, highlights: highlights.slice(0, 2) });
    // The legacy version is kept as the backup of what was replaced.
    const backups = fs.readdirSync(path.join(dir, 'backups', rel));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'backups', rel, backups[0]!), 'utf8')).toBe(
      fs.readFileSync(fixturePath, 'utf8'),
    );
  });
});

describe('migration to schema 2 (author and url)', () => {
  const fixture = (name: string): unknown =>
    JSON.parse(
      fs.readFileSync(
        fileURLToPath(new URL(`../../fixtures/store/${name}`, import.meta.url)),
        'utf8',
      ),
    );

  it('gives every library row an author and a url, keeping a saved page’s address', () => {
    const decoded = decodeDocument('library', fixture('library-v1.json'), 'library.json');
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.migratedFrom).toBe(1);
    expect(decoded.value.articles.map((r) => [r.author, r.url, r.tags])).toEqual([
      [null, 'https://coastal-ledger.example/news/2024/night-ferry-returns', ['ferries']],
      [null, null, undefined],
    ]);
  });

  it('moves a saved page’s byline out of source, and leaves a wire source alone', () => {
    const decoded = decodeDocument('article', fixture('article-v1.json'), 'articles/a.json');
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.value.article).toMatchObject({
      source: null,
      author: 'Ines Marlow',
      url: 'https://coastal-ledger.example/news/2024/night-ferry-returns',
      text: 'The overnight ferry is back.\n\nHarbour master Oskar Vell welcomed it.',
    });
    const wire = fixture('article-v1.json') as { article: Record<string, unknown> };
    wire.article = { ...wire.article, format: 'news-text', source: 'AP' };
    delete wire.article.author;
    delete wire.article.url;
    const news = decodeDocument('article', wire, 'articles/b.json');
    expect(news.ok && news.value.article).toMatchObject({ source: 'AP', author: null, url: null });
  });
});
