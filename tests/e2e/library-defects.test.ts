/**
 * Library defects a reader noticed (issue 14, item 9): "Continue reading" repeating the list,
 * toasts covering text and buttons and following into the reader, the drop overlay's text
 * running into the list behind it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME, openApp, type App } from './harness.ts';

/** Whether anything else is drawn over the centre of `selector` (it is the topmost there). */
async function uncovered(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!top && el.contains(top);
  }, selector);
}

describe.skipIf(!CHROME)('library defects, in Chromium', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows "Continue reading" only when it does not repeat the top of the list', async () => {
    const { page, library } = app;
    const seed = library.list()[0]!;
    await library.setReadingPosition(seed.id, 100, 0.4);
    await page.reload();
    await page.locator('.article-card').first().waitFor();
    // The only article, and in progress: the card would repeat the one row below it.
    expect(await page.locator('.continue-card').count()).toBe(0);
    await library.importText(
      'harbour.txt',
      'Harbour reopens after storm\n\nReuters | Lisbon\n\nThe harbour reopened on Tuesday, officials said.\n',
    );
    await page.reload();
    await page.locator('.article-card', { hasText: 'Harbour reopens' }).waitFor();
    // Now the article in progress is second: the card takes the reader back to it.
    expect(await page.locator('.continue-card').innerText()).toContain(seed.title);
    await app.screenshot('library-continue-reading');
  });

  it('places toasts beside the column, never over text or the Trash’s Close, and clears them on leaving', async () => {
    const { page } = app;
    const row = page.locator('.article-row', { hasText: 'Harbour reopens' });
    await row.getByRole('button', { name: /Move .* to the trash/ }).click();
    const toast = page.locator('.undo-toast', { hasText: 'to the trash' });
    await toast.waitFor();
    await page.getByRole('button', { name: 'Trash', exact: true }).click();
    const close = page.locator('.trash').getByRole('button', { name: 'Close' });
    await close.scrollIntoViewIfNeeded();
    expect(await uncovered(page, '.trash > button:last-child')).toBe(true);
    const column = (await page.locator('main.library').boundingBox())!;
    const box = (await toast.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(column.x);
    await app.screenshot('library-toast-beside-trash');
    // A narrow window has no room beside the column: the toast goes along the bottom, and the
    // library keeps room below it so that the Trash's Close can be scrolled clear of it.
    await page.setViewportSize({ width: 900, height: 700 });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await uncovered(page, '.trash > button:last-child')).toBe(true);
    await app.screenshot('library-toast-narrow');
    await page.setViewportSize({ width: 1360, height: 900 });
    await close.click();
    // Into the reader: the toast stays behind.
    await page.locator('.article-card').first().click();
    await page.locator('h1#article-title').waitFor();
    expect(await page.locator('.undo-toast').count()).toBe(0);
    await page.getByRole('button', { name: '← Library' }).click();
    expect(await page.locator('.undo-toast').count()).toBe(0);
  });

  it('shows the drop overlay’s message on a card of its own, clear of the list', async () => {
    const { page } = app;
    await page.locator('.article-card').first().waitFor();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['x'], 'story.txt', { type: 'text/plain' }));
      document
        .querySelector('.app')!
        .dispatchEvent(
          new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
        );
    });
    const message = page.locator('.drop-overlay p');
    await message.waitFor();
    const alpha = await message.evaluate((el) => {
      const bg = getComputedStyle(el).backgroundColor;
      const parts = bg.match(/[\d.]+/g)!.map(Number);
      return parts.length === 4 ? parts[3] : 1;
    });
    expect(alpha).toBe(1);
    await app.screenshot('library-drop-overlay');
    await page.evaluate(() =>
      document
        .querySelector('.app')!
        .dispatchEvent(new DragEvent('dragleave', { bubbles: true, relatedTarget: null })),
    );
    expect(app.pageErrors).toEqual([]);
  });
});
