/** Saving a link in the app: Ctrl/Cmd+L and its dialog, a pasted link, a dropped link. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME, openApp, type App } from './harness.ts';
import { axeFindings } from './axe-check.ts';
import { articlePage, startWebServer, type WebServer } from './web-server.ts';

describe.skipIf(!CHROME)('saving a link in Chromium', () => {
  let app: App;
  let web: WebServer;

  beforeAll(async () => {
    web = await startWebServer();
    web.routes.set('/ferry', () => ({
      type: 'text/html; charset=utf-8',
      body: articlePage('Night ferry returns to the islands', 'The ferry sailed on Tuesday.'),
      delayMs: 700,
    }));
    web.routes.set('/paper.pdf', () => ({ type: 'application/pdf', body: '%PDF-1.4' }));
    web.routes.set('/pasted', () => ({
      type: 'text/html',
      body: articlePage('Fishing fleet stays in port', 'Boats stayed in for a third day.'),
    }));
    web.routes.set('/dropped', () => ({
      type: 'text/html',
      body: articlePage('Lighthouse keeper retires', 'After forty years, the light passes on.'),
    }));
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
    await web?.close();
  });

  const dialog = () => app.page.getByRole('dialog', { name: 'Save a link' });
  const articleCount = () => app.library.list().length;

  it('opens from Ctrl+L, keeps focus inside, and gives it back on Esc', async () => {
    const { page } = app;
    await page.locator('.article-card').first().waitFor();
    const importButton = page.getByRole('button', { name: 'Import…' });
    await importButton.focus();
    await page.keyboard.press('Control+L');
    await dialog().waitFor();
    const field = dialog().getByRole('textbox', { name: 'Web address' });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await importButton.evaluate((el) => el === document.activeElement)).toBe(true);
    // The shortcuts list names it.
    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(await shortcuts.innerText()).toContain('Ctrl/Cmd+L');
    await page.keyboard.press('Escape');
  });

  it('fetches the page with progress shown, then opens the article', async () => {
    const { page } = app;
    await page.keyboard.press('Control+L');
    await dialog().getByRole('textbox', { name: 'Web address' }).fill(`${web.base}/ferry`);
    await page.keyboard.press('Enter');
    await dialog().getByRole('status').waitFor();
    expect(await dialog().getByRole('status').innerText()).toContain(
      `Fetching the article from ${new URL(web.base).host}`,
    );
    await app.screenshot('save-link-progress');
    await page.locator('h1#article-title', { hasText: 'Night ferry returns' }).waitFor();
    expect(await page.locator('.article-body').innerText()).toContain('The ferry sailed');
    const saved = app.library.list().find((a) => a.title.startsWith('Night ferry'))!;
    expect(saved).toMatchObject({ author: 'Rita Alves', url: `${web.base}/ferry` });
    await app.screenshot('save-link-opened');
    await page.getByRole('button', { name: '← Library' }).click();
    await page.locator('.article-card', { hasText: 'Night ferry returns' }).waitFor();
  });

  it('says "not an article" for a PDF and "you are offline" offline, and saves nothing', async () => {
    const { page } = app;
    const before = articleCount();
    await page.keyboard.press('Control+L');
    const field = dialog().getByRole('textbox', { name: 'Web address' });
    await field.fill(`${web.base}/paper.pdf`);
    await page.keyboard.press('Enter');
    const alert = dialog().getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/is a PDF, not an article.*Nothing was added/);
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await app.screenshot('save-link-not-an-article');
    expect(await axeFindings(page)).toEqual([]);

    await app.context.setOffline(true);
    await field.fill(`${web.base}/ferry`);
    await page.keyboard.press('Enter');
    await expect.poll(() => alert.innerText()).toContain('You are offline');
    await app.screenshot('save-link-offline');
    await app.context.setOffline(false);
    await page.keyboard.press('Escape');
    expect(articleCount()).toBe(before);
    expect(web.hits.get('/ferry')).toBe(1);
  });

  it('saves a link pasted on the library, which joins the list', async () => {
    const { page } = app;
    await page.evaluate((url) => {
      const data = new DataTransfer();
      data.setData('text/plain', url);
      document.body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, `${web.base}/pasted`);
    await page.locator('.article-card', { hasText: 'Fishing fleet stays in port' }).waitFor();
    const toast = page.locator('.undo-toast', { hasText: 'Saved “Fishing fleet stays in port”' });
    await toast.waitFor();
    expect(await page.locator('h1#library-title').count()).toBe(1);
    await toast.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('saves a link dropped on the library, with an overlay while it is held over', async () => {
    const { page } = app;
    await page.evaluate((url) => {
      const data = new DataTransfer();
      data.setData('text/uri-list', `# dragged from a browser\n${url}`);
      window.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    }, `${web.base}/dropped`);
    const overlay = page.locator('.drop-overlay');
    await overlay.waitFor();
    expect(await overlay.innerText()).toContain('Drop to save this link');
    await app.screenshot('save-link-drop-overlay');
    await page.evaluate((url) => {
      const data = new DataTransfer();
      data.setData('text/uri-list', url);
      window.dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    }, `${web.base}/dropped`);
    await page.locator('.article-card', { hasText: 'Lighthouse keeper retires' }).waitFor();
    expect(await overlay.count()).toBe(0);
    await app.screenshot('save-link-dropped');
    expect(app.outsideRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
