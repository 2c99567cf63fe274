/** Saving links and refreshing feeds against an HTTP server this test starts on 127.0.0.1. */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshFeeds } from '../../../electron/services/feeds/refresh.ts';
import { addFeed } from '../../../electron/services/feeds/subscribe.ts';
import { PNG_1X1 } from '../epub/build-epub.ts';
import { library, removeTempDirs } from '../library/helpers.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

const page = (title: string, body: string, canonical?: string) =>
  `<!doctype html><html><head><title>${title}</title>` +
  (canonical ? `<link rel="canonical" href="${canonical}">` : '') +
  `<meta name="author" content="Jane Doe"></head><body><article><h1>${title}</h1>` +
  `<p>${body}</p><figure><img src="/pic.png" alt="The quay"><figcaption>The quay.</figcaption>` +
  `</figure><p>${words(80)}.</p></article></body></html>`;

let base = '';
let server: http.Server;
let articleVersion = 1;

const routes: Record<string, (res: http.ServerResponse) => void> = {
  '/story': (res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      page(
        'Night ferry returns',
        `The ferry sailed again on Tuesday, version ${articleVersion}, the master said.`,
        `${base}/canonical/story`,
      ),
    );
  },
  '/pic.png': (res) => {
    res.setHeader('content-type', 'image/png');
    res.end(PNG_1X1);
  },
  '/hop1': (res) => redirect(res, '/hop2'),
  '/hop2': (res) => redirect(res, '/story'),
  '/loop': (res) => redirect(res, '/loop'),
  '/missing': (res) => {
    res.statusCode = 404;
    res.end('no');
  },
  '/paper.pdf': (res) => {
    res.setHeader('content-type', 'application/pdf');
    res.end('%PDF-1.4');
  },
  '/huge': (res) => {
    res.setHeader('content-type', 'text/html');
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const push = () => {
      while (sent < 40 && res.write(chunk)) sent++;
      if (sent < 40) res.once('drain', push);
      else res.end();
    };
    push();
  },
  '/slow': (res) => {
    setTimeout(() => {
      res.setHeader('content-type', 'text/html');
      res.end(page('Slow', 'Too late.'));
    }, 3000);
  },
  '/summary.xml': (res) => {
    res.setHeader('content-type', 'application/rss+xml');
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Ledger</title>
<item><title>Summary item</title><link>${base}/story</link><guid>s-1</guid>
<description>A short summary.</description><author>ed@ledger.example (Ann Lee)</author>
<pubDate>Tue, 02 Dec 2025 09:00:00 GMT</pubDate><category>Ports</category></item>
</channel></rss>`);
  },
  '/full.xml': (res) => {
    res.setHeader('content-type', 'application/atom+xml');
    res.end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Full Feed</title>
<entry><title>Full item</title><id>urn:full:1</id><link href="${base}/full-item"/>
<author><name>Bo Chan</name></author><updated>2025-12-01T08:00:00Z</updated>
<content type="html">&lt;p&gt;The whole story is here. ${words(200)}.&lt;/p&gt;</content></entry></feed>`);
  },
};

function redirect(res: http.ServerResponse, to: string) {
  res.statusCode = 302;
  res.setHeader('location', to);
  res.end();
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (route) route(res);
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  removeTempDirs();
});

describe('saving a link', () => {
  it('fetches the page once through redirects, keeps the canonical URL, author and picture', async () => {
    const { library: lib, dir } = await library();
    const outcome = await lib.importUrl(`${base}/hop1`);
    const { article } = await lib.open(outcome.id);
    expect(article).toMatchObject({
      title: 'Night ferry returns',
      author: 'Jane Doe',
      source: null,
      url: `${base}/canonical/story`,
      format: 'html',
    });
    const figure = article.blocks.find((b) => b.image);
    expect(figure?.image?.src).toMatch(/^[0-9a-f]{24}\.png$/);
    expect(fs.readFileSync(path.join(dir, 'media', outcome.id, figure!.image!.src!))).toEqual(
      Buffer.from(PNG_1X1),
    );
    expect(lib.list()[0]).toMatchObject({ author: 'Jane Doe', url: `${base}/canonical/story` });
  });

  it('updates the same article, highlights re-anchored, when the link is saved again', async () => {
    const { library: lib } = await library();
    const first = await lib.importUrl(`${base}/story`);
    const { article } = await lib.open(first.id);
    const quote = 'the master said';
    const start = article.text.indexOf(quote);
    await lib.createHighlight({
      articleId: first.id,
      start,
      end: start + quote.length,
      color: 'yellow',
    });
    articleVersion = 2;
    const again = await lib.importUrl(`${base}/story`);
    articleVersion = 1;
    expect(again).toMatchObject({ id: first.id, updated: { kept: 1, orphaned: 0 } });
    expect(lib.list()).toHaveLength(1);
  });

  it('refuses what is not an article, missing pages, loops, huge and slow answers, storing nothing', async () => {
    const { library: lib } = await library();
    const reason = (url: string, limits = {}) =>
      lib.importUrl(url, limits).then(
        () => 'saved',
        (e: Error) => e.message,
      );
    expect(await reason(`${base}/paper.pdf`)).toBe(
      `${base}/paper.pdf is a PDF, not an article (a web page)`,
    );
    expect(await reason(`${base}/missing`)).toMatch(/says the page does not exist \(HTTP 404\)/);
    expect(await reason(`${base}/loop`)).toMatch(/redirected more than 5 times/);
    expect(await reason(`${base}/huge`)).toMatch(/sent more than 10 MB; Gloss stopped reading/);
    expect(await reason(`${base}/slow`, { timeoutMs: 500 })).toMatch(
      /took longer than 1 s to answer/,
    );
    expect(await reason('ftp://127.0.0.1/x')).toMatch(/only http and https/);
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await reason(`http://127.0.0.1:${port}/closed`)).toMatch(/refused the connection/);
    expect(lib.list()).toEqual([]);
  });
});

describe('feeds', () => {
  it('saves a summary-only item by fetching its link, a full-content item from the feed, each once', async () => {
    const { library: lib, dir } = await library();
    await addFeed(dir, `${base}/summary.xml`);
    await addFeed(dir, `${base}/full.xml`);
    const first = await refreshFeeds(lib, dir);
    expect(first).toEqual([
      { url: `${base}/summary.xml`, title: 'Harbour Ledger', new: 1, errors: [] },
      { url: `${base}/full.xml`, title: 'Full Feed', new: 1, errors: [] },
    ]);
    const rows = lib.list();
    const summary = rows.find((r) => r.title === 'Summary item')!;
    const full = rows.find((r) => r.title === 'Full item')!;
    expect(summary).toMatchObject({
      author: 'Ann Lee',
      publisher: 'Harbour Ledger',
      published: '2025-12-02T09:00:00Z',
      url: `${base}/canonical/story`,
      tags: ['Ports'],
    });
    expect((await lib.open(summary.id)).article.text).toContain('The ferry sailed again');
    expect(full).toMatchObject({
      author: 'Bo Chan',
      publisher: 'Full Feed',
      url: `${base}/full-item`,
    });
    expect((await lib.open(full.id)).article.text).toContain('The whole story is here.');

    const second = await refreshFeeds(lib, dir);
    expect(second.map((r) => r.new)).toEqual([0, 0]);
    expect(lib.list()).toHaveLength(2);
  });
});
