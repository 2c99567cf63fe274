import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROME,
  ROOT,
  dropFiles,
  openApp,
  openBundledArticle,
  tempDataDir,
  type App,
} from './harness.ts';

const HTML_FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'html');

describe.skipIf(!CHROME)('the library in Chromium', () => {
  let app: App;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = tempDataDir();
    app = await openApp({ dataDir });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports dropped files with a summary of what happened to each', async () => {
    const dir = tempDataDir();
    const story = path.join(dir, 'harbour.txt');
    writeFileSync(
      story,
      'Harbour reopens after storm\n\nReuters | Lisbon\n\nThe harbour reopened on Tuesday, officials said.\n\n"We worked through the night," said Ana Costa, the harbour master.\n',
    );
    const broken = path.join(dir, 'empty.txt');
    writeFileSync(broken, '');
    const seed = path.join(ROOT, 'assets', '000_8366b94cf810edf5.txt');
    await dropFiles(app.page, [
      { path: story, name: 'harbour.txt', content: readFileSync(story, 'utf8') },
      { path: seed, name: 'seed.txt', content: '' },
      { path: broken, name: 'empty.txt', content: '' },
    ]);
    const status = app.page.locator('.import-status');
    await expect.poll(() => status.innerText()).toContain('1 imported, 1 duplicate, 1 failed');
    expect(await status.innerText()).toContain('empty.txt: the file is empty');
    await app.page.locator('.article-card', { hasText: 'Harbour reopens after storm' }).waitFor();
    await app.screenshot('library-after-import');
    await status.getByRole('button', { name: 'Close' }).click();
  });

  it('counts a short article seen whole as read, though it was never scrolled', async () => {
    const card = app.page.locator('.article-card', { hasText: 'Harbour reopens after storm' });
    expect(await card.innerText()).not.toContain('· read');
    await card.click();
    await app.page.locator('.article-body').waitFor();
    expect(await app.page.evaluate(() => window.scrollY)).toBe(0);
    await app.page.waitForTimeout(2000);
    await app.page.getByRole('button', { name: '← Library' }).click();
    await expect.poll(() => card.innerText()).toContain('· read');
  });

  it('imports the files chosen with Import…, one by one, with a summary', async () => {
    const dir = tempDataDir();
    const files = ['a', 'b', 'c'].map((k) => {
      const file = path.join(dir, `dispatch-${k}.txt`);
      writeFileSync(
        file,
        `Dispatch ${k.toUpperCase()} from the coast\n\nAFP | Porto\n\nFishing boats stayed in port for a third day, the harbour office said.\n`,
      );
      return file;
    });
    app.importChoices.push([...files, path.join(dir, 'chart.pdf')]);
    await app.page.getByRole('button', { name: 'Import…' }).click();
    const status = app.page.locator('.import-status');
    await expect.poll(() => status.innerText()).toContain('3 imported, 1 failed');
    expect(await status.innerText()).toContain('chart.pdf');
    await app.page.locator('.article-card', { hasText: 'Dispatch C from the coast' }).waitFor();
    await status.getByRole('button', { name: 'Close' }).click();
  });

  it('searches text and notes as you type and opens the article at the hit', async () => {
    const { page } = app;
    const id = app.library.list().find((a) => a.title.startsWith('Turkey'))!.id;
    const { article } = await app.library.open(id);
    const at = article.text.indexOf('Kirill Semenov');
    await app.library.createHighlight({
      articleId: id,
      start: at,
      end: at + 14,
      color: 'purple',
      note: 'Check the council he works for',
    });
    await page.reload();
    const search = page.getByRole('searchbox', { name: 'Search articles and notes' });
    await search.fill('Marmara');
    const results = page.getByRole('region', { name: 'Search results' });
    await expect.poll(() => results.locator('.result').count()).toBeGreaterThan(0);
    expect(await results.locator('.result mark').first().innerText()).toMatch(/Marmara/i);
    await search.fill('council he works');
    await expect.poll(() => results.locator('.result-kind').allInnerTexts()).toContain('in a note');
    await search.fill('Marmara');
    await expect
      .poll(() => results.locator('.result-kind').allInnerTexts())
      .toContain('in the text');
    await app.screenshot('library-search');
    await results.locator('.result').first().click();
    const block = page.locator('.article-body [data-block-start]', {
      hasText: 'Marmara University',
    });
    await block.waitFor();
    await expect
      .poll(async () => {
        const box = await block.boundingBox();
        return !!box && box.y > 0 && box.y < 900;
      })
      .toBe(true);
  });

  it('finds and steps through matches inside the article with Ctrl+F', async () => {
    const { page } = app;
    await page.keyboard.press('Control+f');
    const find = page.getByRole('searchbox', { name: 'Find in article' });
    await find.fill('idlib');
    await expect.poll(() => page.locator('.find-count').innerText()).toMatch(/^1 of \d+$/);
    await find.press('Enter');
    expect(await page.locator('.find-count').innerText()).toMatch(/^2 of \d+$/);
    const marked = await page.evaluate(
      () =>
        (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get(
          'gloss-find',
        )?.size ?? 0,
    );
    expect(marked).toBeGreaterThan(3);
    await find.press('Escape');
    expect(await page.locator('.find-bar').count()).toBe(0);
  });

  it('switches the theme and keeps it across a restart', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Aa' }).click();
    await page.getByRole('dialog', { name: 'Reading settings' }).getByText('Sepia').click();
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await bg()).toBe('rgb(244, 236, 216)');
    await page.getByText('Dark', { exact: true }).click();
    const dark = await bg();
    await app.screenshot('reader-dark-setting');
    await page.reload();
    expect(await bg()).toBe(dark);
    await page.evaluate(() => localStorage.removeItem('gloss.reader-settings'));
  });

  it('remembers the reading position across a restart and shows progress in the library', async () => {
    await app.page.reload();
    await openBundledArticle(app.page);
    const target = app.page.locator('.article-body [data-block-start]', {
      hasText: 'Top Russian officials',
    });
    await target.scrollIntoViewIfNeeded();
    await app.page.evaluate(() => window.scrollBy(0, -window.innerHeight / 2 + 100));
    const before = await target.boundingBox();
    await app.page.waitForTimeout(900);
    await app.page.getByRole('button', { name: '← Library' }).click();
    await app.close();

    app = await openApp({ dataDir });
    const card = app.page.locator('.article-card', { hasText: 'Turkey, Russia face conflicts' });
    await card.waitFor();
    expect(await card.locator('.progress').count()).toBe(1);
    expect(await app.page.locator('.continue-card').innerText()).toContain(
      'Turkey, Russia face conflicts',
    );
    await openBundledArticle(app.page);
    await expect.poll(() => app.page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    const after = await app.page
      .locator('.article-body [data-block-start]', { hasText: 'Top Russian officials' })
      .boundingBox();
    expect(Math.abs(after!.y - before!.y)).toBeLessThan(250);
    await app.page.getByRole('button', { name: '← Library' }).click();
  });

  it('deletes an article with undo', async () => {
    const { page } = app;
    const card = page.locator('.article-row', { hasText: 'Harbour reopens after storm' });
    await card.getByRole('button', { name: /Move .* to the trash/ }).click();
    await expect
      .poll(() => page.locator('.article-card', { hasText: 'Harbour reopens' }).count())
      .toBe(0);
    await page.locator('.undo-toast').getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() => page.locator('.article-card', { hasText: 'Harbour reopens' }).count())
      .toBe(1);
  });

  it('imports a hostile saved page as plain text: nothing runs and nothing leaves the app', async () => {
    const hostile = path.join(HTML_FIXTURES, 'hostile.html');
    if (!existsSync(hostile)) throw new Error(`missing fixture ${hostile}`);
    const { page } = app;
    await dropFiles(page, [{ path: hostile, name: 'hostile.html', content: '' }]);
    await expect.poll(() => page.locator('.import-status').innerText()).toContain('1 imported');
    await page.locator('.import-status').getByRole('button', { name: 'Close' }).click();
    const imported = app.library
      .list()
      .find((a) => !a.title.startsWith('Turkey') && !a.title.startsWith('Harbour'))!;
    await page.locator(`.article-card[data-article-id="${imported.id}"]`).click();
    await page.locator('.article-body').waitFor();
    await page.waitForTimeout(500);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    expect(
      await page
        .locator(
          '.article-body script, .article-body iframe, .article-body form, .article-body img[src^="http"]',
        )
        .count(),
    ).toBe(0);
    expect(app.outsideRequests).toEqual([]);
    await app.screenshot('hostile-page');
    expect(app.pageErrors).toEqual([]);
  });
});
