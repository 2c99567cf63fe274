/** The library's Feeds section against a feed server this test starts on 127.0.0.1. */
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME, openApp, tempDataDir, type App } from './harness.ts';
import { axeFindings } from './axe-check.ts';
import { rssFeed, startWebServer, type WebServer } from './web-server.ts';

describe.skipIf(!CHROME)('feeds in the library, in Chromium', () => {
  let app: App;
  let web: WebServer;
  const items = [
    { id: 'ledger-1', title: 'Tide tables revised for winter' },
    { id: 'ledger-2', title: 'New pontoon opens at the marina' },
  ];
  const feedUrl = () => `${web.base}/ledger.xml`;

  beforeAll(async () => {
    web = await startWebServer();
    web.routes.set('/ledger.xml', () => ({
      type: 'application/rss+xml',
      body: rssFeed(
        'Harbour Ledger',
        items.map((i) => ({ ...i, link: `${web.base}/items/${i.id}` })),
      ),
      delayMs: 300,
    }));
    app = await openApp();
    // Menu commands reach the page through window.glossMenu in the app; here a stand-in
    // keeps its listeners so that the test can choose File → Import feeds.
    await app.context.addInitScript({
      content: `globalThis.glossMenu = { on(l) { (globalThis.__menu ||= []).push(l); return () => {}; } };`,
    });
    await app.page.reload();
  });
  afterAll(async () => {
    await app?.close();
    await web?.close();
  });

  const menu = (command: string) =>
    app.page.evaluate((c) => {
      for (const l of (globalThis as unknown as { __menu: Array<(c: string) => void> }).__menu)
        l(c);
    }, command);
  const feedsSection = () => app.page.getByRole('region', { name: 'Feeds' });

  it('subscribes by URL, saves the items and shows how many are unread', async () => {
    const { page } = app;
    await feedsSection().getByRole('button', { name: 'Add feed…' }).click();
    await feedsSection().getByRole('textbox', { name: 'Feed address' }).fill(feedUrl());
    await page.keyboard.press('Enter');
    const feed = feedsSection().locator('.feed', { hasText: 'Harbour Ledger' });
    await expect.poll(() => feed.innerText(), { timeout: 20_000 }).toContain('2 unread');
    await page.locator('.article-card', { hasText: 'New pontoon opens at the marina' }).waitFor();
    const saved = app.library.list().find((a) => a.title.startsWith('Tide tables'))!;
    expect(saved).toMatchObject({ author: 'Lena Ortiz', publisher: 'Harbour Ledger' });
    // Choosing the feed lists its articles only.
    await feed.click();
    expect(await feed.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('.article-card').count()).toBe(2);
    await app.screenshot('feeds-subscribed');
    // Reading one lowers the count.
    await page.locator('.article-card', { hasText: 'Tide tables' }).click();
    await page.locator('h1#article-title').waitFor();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(900);
    await page.getByRole('button', { name: '← Library' }).click();
    await expect.poll(() => feed.innerText()).toContain('1 unread');
    await feed.click();
  });

  it('refreshes on demand, one refresh at a time, and says what came', async () => {
    const { page } = app;
    items.push({ id: 'ledger-3', title: 'Harbour dues to rise in spring' });
    const before = web.hits.get('/ledger.xml') ?? 0;
    const refresh = feedsSection().getByRole('button', { name: 'Refresh' });
    await refresh.click();
    // Asked again while it runs (the schedule or a second click), it joins the running one.
    await page.evaluate(() =>
      (window as unknown as { gloss: { refreshFeeds(): unknown } }).gloss.refreshFeeds(),
    );
    const status = feedsSection().getByRole('status');
    await expect.poll(() => status.innerText(), { timeout: 20_000 }).toContain('1 new article');
    expect(await status.innerText()).toContain('every 30 minutes');
    expect(web.hits.get('/ledger.xml')).toBe(before + 1);
    expect(web.mostAtOnce.get('/ledger.xml')).toBe(1);
    await page.locator('.article-card', { hasText: 'Harbour dues to rise' }).waitFor();
    await expect
      .poll(() => feedsSection().locator('.feed', { hasText: 'Harbour Ledger' }).innerText())
      .toContain('2 unread');
    await app.screenshot('feeds-refreshed');
  });

  it('refreshes by itself on its schedule while the app is open', async () => {
    const { page } = app;
    await page.clock.install();
    await page.reload();
    await feedsSection().locator('.feed', { hasText: 'Harbour Ledger' }).waitFor();
    items.push({ id: 'ledger-4', title: 'Ferry timetable changes on Sunday' });
    const before = web.hits.get('/ledger.xml') ?? 0;
    await page.clock.runFor(29 * 60_000);
    await page.waitForTimeout(500);
    expect(web.hits.get('/ledger.xml') ?? 0).toBe(before);
    await page.clock.runFor(2 * 60_000);
    await page.locator('.article-card', { hasText: 'Ferry timetable changes' }).waitFor({
      timeout: 20_000,
    });
    expect(web.hits.get('/ledger.xml')).toBe(before + 1);
  });

  it('exports and imports subscriptions as OPML from the menu', async () => {
    const dir = tempDataDir();
    const out = path.join(dir, 'feeds.opml');
    app.savePaths.push(out);
    await menu('export-opml');
    await app.page.locator('.undo-toast', { hasText: 'Feeds saved to' }).waitFor();
    expect(readFileSync(out, 'utf8')).toContain(`xmlUrl="${feedUrl()}"`);

    const list = path.join(dir, 'more.opml');
    writeFileSync(
      list,
      `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>` +
        `<outline text="Ledger" xmlUrl="${feedUrl()}"/>` +
        `<outline text="Port news"><outline text="Quay Post" title="Quay Post" xmlUrl="${web.base}/quay.xml"/></outline>` +
        `</body></opml>`,
    );
    app.opmlChoices.push(list);
    await menu('import-opml');
    await app.page.locator('.undo-toast', { hasText: '1 new feed from more.opml' }).waitFor();
    await feedsSection().locator('.feed', { hasText: 'Quay Post' }).waitFor();
    // Quay Post does not answer: the refresh says so beside it, and the other feed is fine.
    await feedsSection().locator('.feed-error').waitFor({ timeout: 20_000 });
    expect(await feedsSection().locator('.feed-error').innerText()).toContain('does not exist');
    await app.screenshot('feeds-opml-imported');
    expect(await axeFindings(app.page)).toEqual([]);
    await feedsSection().getByRole('button', { name: 'Unsubscribe from Quay Post' }).click();
    await expect.poll(() => feedsSection().locator('.feed').count()).toBe(1);
    expect(app.outsideRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
