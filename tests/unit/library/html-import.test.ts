import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../../common/model/article.ts';
import { parseHtmlPage, readHtmlPage } from '../../../electron/services/html/read-page.ts';
import {
  allStrings,
  FIXTURES,
  library,
  removeTempDirs,
  storedDocuments,
  tempDir,
} from './helpers.ts';

const NEWS = path.join(FIXTURES, 'harbour-ferry.html');
const BLOG = path.join(FIXTURES, 'blog-post.html');
const HOSTILE = path.join(FIXTURES, 'hostile.html');

/** What a reader sees of each block: its kind, level and text. */
function blocksOf(article: Pick<Article, 'text' | 'blocks'>) {
  return article.blocks.map((b) => ({
    kind: b.kind,
    level: b.level,
    text: article.text.slice(b.start, b.end),
  }));
}

// Nothing an import does may reach the network.
beforeEach(() => {
  vi.stubGlobal('fetch', () => {
    throw new Error('network access during import');
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});
afterAll(removeTempDirs);

describe('a saved news page', () => {
  it('keeps the story with its metadata and drops navigation, ads, related links and comments', async () => {
    const article = await readHtmlPage(NEWS);
    expect(article).toMatchObject({
      title: 'Night ferry returns to Kestrel Bay after two-year pause',
      author: 'Ines Marlow',
      source: null,
      publisher: 'The Coastal Ledger',
      published: '2024-05-02T09:30:00+02:00',
      url: 'https://coastal-ledger.example/news/2024/night-ferry-returns',
      format: 'html',
    });
    const blocks = blocksOf(article);
    expect(blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'figure',
      'paragraph',
      'paragraph',
      'figure',
      'paragraph',
      'paragraph',
    ]);
    expect(blocks[0]!.text).toMatch(/^The overnight ferry between Kestrel Bay/);
    expect(blocks[2]!.text).toBe(
      'The Marigold leaves Kestrel Bay on its first night crossing in two years.',
    );
    expect(blocks[5]!.text).toBe(
      'The route runs forty nautical miles from Kestrel Bay to Tollan Island.',
    );
    for (const gone of [
      'Subscribe today',
      'Advertisement',
      'Sponsored',
      'Related stories',
      'Comments',
      'harbourwatcher',
      'About time',
      'All rights reserved',
      'By Ines Marlow',
    ]) {
      expect(article.text).not.toContain(gone);
    }
    // The canonical-text rule: blocks joined by one blank line, offsets into the text.
    expect(article.text).toBe(blocks.map((b) => b.text).join('\n\n'));
  });

  it('copies the image saved with the page into the library and keeps the remote one as alt text only', async () => {
    const { library: lib, dir } = await library();
    const outcome = await lib.importFile(NEWS);
    const { article } = await lib.open(outcome.id);
    const figures = article.blocks.filter((b) => b.kind === 'figure');
    expect(figures.map((f) => f.image)).toEqual([
      {
        src: expect.stringMatching(/^[0-9a-f]{24}\.png$/) as string,
        alt: 'The ferry Marigold leaving Kestrel Bay at night',
      },
      { src: null, alt: 'Map of the ferry route' },
    ]);
    const stored = path.join(dir, 'media', outcome.id, figures[0]!.image!.src!);
    expect(fs.readFileSync(stored)).toEqual(
      fs.readFileSync(path.join(FIXTURES, 'harbour-ferry_files', 'ferry.png')),
    );
    expect(fs.readdirSync(path.join(dir, 'media', outcome.id))).toHaveLength(1);
  });

  it('is updated, not duplicated, when imported again in a changed version with the same canonical address', async () => {
    const { library: lib } = await library();
    const first = await lib.importFile(NEWS);
    const { article } = await lib.open(first.id);
    const quote = 'Harbour master Oskar Vell';
    const start = article.text.indexOf(quote);
    await lib.createHighlight({
      articleId: first.id,
      start,
      end: start + quote.length,
      color: 'yellow',
      note: 'who runs the harbour',
    });

    expect(await lib.importFile(NEWS)).toMatchObject({ id: first.id, duplicate: true });

    const folder = tempDir();
    fs.cpSync(path.join(FIXTURES, 'harbour-ferry_files'), path.join(folder, 'ferry-v2_files'), {
      recursive: true,
    });
    const changed = fs
      .readFileSync(NEWS, 'utf8')
      .replaceAll('harbour-ferry_files', 'ferry-v2_files')
      .replaceAll(
        'Night ferry returns to Kestrel Bay after two-year pause',
        'Night ferry back in Kestrel Bay',
      )
      .replace('The restored service leaves', 'Correction: the restored service now leaves');
    fs.writeFileSync(path.join(folder, 'ferry-v2.html'), changed);
    const second = await lib.importFile(path.join(folder, 'ferry-v2.html'));
    expect(second).toMatchObject({
      id: first.id,
      title: 'Night ferry back in Kestrel Bay',
      duplicate: false,
      updated: { kept: 0, moved: 1, orphaned: 0 },
    });
    expect(lib.list()).toHaveLength(1);
    const reopened = await lib.open(first.id);
    const h = reopened.highlights[0]!;
    expect(reopened.article.text.slice(h.position.start, h.position.end)).toBe(quote);
  });
});

describe('a saved blog post', () => {
  it('keeps headings, nested lists, the block quote and the code as blocks of their own', async () => {
    const article = await readHtmlPage(BLOG);
    expect(article).toMatchObject({
      title: 'Keeping a field notebook that survives the rain',
      author: 'Tomas Reyne',
      published: '2023-11-14T18:05:00-05:00',
      url: null,
    });
    const blocks = blocksOf(article);
    expect(blocks.map((b) => (b.level ? `${b.kind}:${b.level}` : b.kind))).toEqual([
      'paragraph',
      'heading:2',
      'paragraph',
      'heading:2',
      'list-item:1',
      'list-item:1',
      'list-item:2',
      'list-item:2',
      'list-item:1',
      'heading:3',
      'paragraph',
      'blockquote',
      'paragraph',
      'code',
      'paragraph',
    ]);
    expect(blocks[5]!.text).toBe('Two soft graphite pencils, sharpened at both ends');
    expect(blocks[11]!.text).toBe(
      'Write the date, the place and the weather before anything else; a page without them is only a rumour.',
    );
    expect(blocks[13]!.text).toBe(
      'def header(date, place, weather):\n    return f"{date} | {place} | {weather}"\n\nprint(header("2023-11-02", "Lower weir", "drizzle, 6C"))',
    );
    for (const gone of ['Archive', 'October 2023', 'Share this post', 'Powered by'])
      expect(article.text).not.toContain(gone);
  });
});

describe('a hostile page', () => {
  const LOADABLE =
    /javascript:|data:|vbscript:|https?:|file:|\/\/|<script|onerror|onclick|onload|onmouseover|url\(|evil\.example|@import|srcset/i;

  it('imports as plain readable text, with nothing that could run or load in any stored field', async () => {
    const { library: lib, dir } = await library();
    const outcome = await lib.importFile(HOSTILE);
    expect(outcome.title).toBe('Council approves new library hours after long debate');
    const { article } = await lib.open(outcome.id);
    // The described picture inside a paragraph (a data: image) stays as its alt text only.
    expect(blocksOf(article).map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'figure',
      'paragraph',
      'figure',
      'paragraph',
      'paragraph',
    ]);
    expect(article.blocks.filter((b) => b.kind === 'figure')[1]!.image).toEqual({
      src: null,
      alt: 'tiny',
    });
    expect(article.text).toContain(
      'Supporters said students and shift workers had no quiet place to study',
    );
    expect(article.text).toContain('Read the full motion or download the budget.');
    expect(article.url).toBeNull();
    expect(article.blocks.find((b) => b.kind === 'figure')!.image).toEqual({
      src: null,
      alt: 'Residents queue outside the council chamber',
    });
    // Every stored string: the content file, the change log and the snapshot.
    const stored = storedDocuments(dir);
    expect(stored.length).toBeGreaterThan(1);
    const offending = allStrings(stored).filter((s) => LOADABLE.test(s));
    expect(offending).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'media'))).toBe(false);
    expect((globalThis as { __glossImportRan?: boolean }).__glossImportRan).toBeUndefined();
  });

  it('makes no request at all while importing, to any address', async () => {
    const requests: string[] = [];
    const server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const html = fs.readFileSync(HOSTILE, 'utf8').replaceAll('https://evil.example', origin);
      const folder = tempDir();
      fs.writeFileSync(path.join(folder, 'local-hostile.html'), html);
      const { library: lib } = await library();
      const outcome = await lib.importFile(path.join(folder, 'local-hostile.html'));
      expect(outcome.duplicate).toBe(false);
      // Give anything that might have been started a moment to arrive.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(requests).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('never copies a file from outside the page folder, nor one that is not an image', async () => {
    const folder = tempDir();
    fs.mkdirSync(path.join(folder, 'page'));
    fs.copyFileSync(
      path.join(FIXTURES, 'harbour-ferry_files', 'ferry.png'),
      path.join(folder, 'outside.png'),
    );
    fs.writeFileSync(path.join(folder, 'page', 'fake.png'), 'not really a picture');
    const html = `<html><head><title>Escapes</title></head><body><article>
      <p>${'A paragraph long enough to be read as the story of this small page. '.repeat(6)}</p>
      <figure><img src="../outside.png" alt="outside"><figcaption>From outside the folder.</figcaption></figure>
      <figure><img src="fake.png" alt="fake"><figcaption>Not an image.</figcaption></figure>
      <figure><img src="/etc/passwd.png" alt="absolute"><figcaption>An absolute path.</figcaption></figure>
    </article></body></html>`;
    fs.writeFileSync(path.join(folder, 'page', 'escapes.html'), html);
    const { library: lib, dir } = await library();
    const { id } = await lib.importFile(path.join(folder, 'page', 'escapes.html'));
    const { article } = await lib.open(id);
    expect(article.blocks.filter((b) => b.image).map((b) => b.image!.src)).toEqual([
      null,
      null,
      null,
    ]);
    expect(fs.existsSync(path.join(dir, 'media', id))).toBe(false);
  });
});

describe('reading page files', () => {
  it('decodes a page in the character set it declares', async () => {
    const folder = tempDir();
    const body = `<p>${'Le caf\xe9 du quai a rouvert ses portes apr\xe8s l\u2019hiver, et les habitu\xe9s sont revenus. '.repeat(4)}</p>`;
    const html = `<html><head><meta charset="windows-1252"><title>Caf\xe9 rouvert</title></head><body><article>${body}</article></body></html>`;
    const bytes = Buffer.from(html.replaceAll('\u2019', '\x92'), 'latin1');
    fs.writeFileSync(path.join(folder, 'cafe.html'), bytes);
    const article = await readHtmlPage(path.join(folder, 'cafe.html'));
    expect(article.title).toBe('Café rouvert');
    expect(article.text).toContain('Le café du quai a rouvert ses portes après l’hiver');
  });

  it('refuses a page that is not UTF-8 and declares no character set, naming the file', async () => {
    const folder = tempDir();
    const file = path.join(folder, 'mystery.html');
    fs.writeFileSync(
      file,
      Buffer.from('<html><body><p>caf\xe9 au lait</p></body></html>', 'latin1'),
    );
    const { library: lib } = await library();
    await expect(lib.importFile(file)).rejects.toThrow(
      `${file}: is not valid UTF-8 and declares no other character set`,
    );
    const summary = await lib.importFiles([file]);
    expect(summary.results).toEqual([
      { file, status: 'failed', error: 'is not valid UTF-8 and declares no other character set' },
    ]);
  });

  it('refuses a page with no readable text', () => {
    expect(() =>
      parseHtmlPage(
        '<html><head><title>Empty</title><script>run()</script></head><body><img src="a.png"></body></html>',
        'empty.html',
      ),
    ).toThrow(/no readable article text/);
  });
});
