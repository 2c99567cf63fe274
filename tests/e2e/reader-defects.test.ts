import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME, openApp, openBundledArticle, selectText, type App } from './harness.ts';

/** Where the first character of an element is on screen. */
async function firstLetter(app: App, selector: string) {
  return app.page.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel)!;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const text = walker.nextNode()!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 1);
    const r = range.getBoundingClientRect();
    return { x: r.left + 1, y: r.top + r.height / 2 };
  }, selector);
}

describe.skipIf(!CHROME)('reader defects, each as a reader met it', () => {
  let app: App;

  beforeAll(async () => {
    app = await openApp({ width: 1360, height: 760 });
    await openBundledArticle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('selects text by a drag that starts on the first letter of a quotation', async () => {
    const { page } = app;
    await page.locator('[data-astart]').first().scrollIntoViewIfNeeded();
    const at = await firstLetter(app, '[data-astart]');
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x + 120, at.y, { steps: 6 });
    await page.mouse.up();
    const selected = await page.evaluate(() => document.getSelection()?.toString() ?? '');
    expect(selected.length).toBeGreaterThan(5);
    await page.getByRole('toolbar', { name: 'Highlight the selection' }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('selects text by a drag that starts on the first letter of a highlight', async () => {
    const { page } = app;
    await selectText(page, 'escalation of violence');
    await page.keyboard.press('h');
    const mark = page.locator('mark[data-hstart]').first();
    await mark.waitFor();
    const hid = await mark.getAttribute('data-hstart');
    const at = await firstLetter(app, `mark[data-hstart="${hid}"]`);
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x + 60, at.y, { steps: 6 });
    await page.mouse.up();
    const selected = await page.evaluate(() => document.getSelection()?.toString() ?? '');
    expect(selected.length).toBeGreaterThan(3);
    await page.keyboard.press('Escape');
  });

  it('offers the toolbar of a highlight just made inside another, so Delete removes it', async () => {
    const { page } = app;
    await selectText(page, 'Nine months later, the truce has failed.');
    await page.keyboard.press('h');
    const outer = page.locator('mark[data-hid]', { hasText: 'Nine months later' }).first();
    await outer.waitFor();
    const outerId = await outer.getAttribute('data-hid');
    await outer.click();
    await selectText(page, 'the truce');
    await page.keyboard.press('h');
    const changeBar = page.getByRole('toolbar', { name: 'Change the highlight' });
    await changeBar.waitFor();
    const innerId = await page.evaluate(() => document.activeElement?.getAttribute('data-hstart'));
    expect(innerId).toBeTruthy();
    expect(innerId).not.toBe(outerId);
    await changeBar.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.locator(`mark[data-hid="${innerId}"]`).count()).toBe(0);
    expect(await page.locator(`mark[data-hid="${outerId}"]`).count()).toBeGreaterThan(0);
  });

  it('puts the caret at the end when an existing note is edited', async () => {
    const { page } = app;
    await selectText(page, 'escalation of violence');
    await page.keyboard.press('Escape');
    await page.locator('mark[data-hid]', { hasText: 'escalation' }).first().focus();
    await page.keyboard.press('n');
    const editor = page.getByRole('textbox', { name: /Note/ });
    await editor.waitFor();
    await page.keyboard.type('First.');
    await page.keyboard.press('Escape');
    await page.locator('.note-card', { hasText: 'First.' }).click();
    await editor.waitFor();
    await page.keyboard.type(' Second.');
    expect(await editor.inputValue()).toBe('First. Second.');
    await page.keyboard.press('Escape');
  });

  it('keeps a note editor opened at the end of the article on screen as it grows', async () => {
    const { page } = app;
    // The article's last words, at the bottom of the window.
    await page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      const blocks = document.querySelectorAll<HTMLElement>('.article-body [data-block-start]');
      const last = blocks[blocks.length - 1]!;
      const walker = document.createTreeWalker(last, NodeFilter.SHOW_TEXT);
      let text: Text | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) text = n as Text;
      const range = document.createRange();
      range.setStart(text!, Math.max(0, text!.length - 20));
      range.setEnd(text!, text!.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    await page.keyboard.press('n');
    const editor = page.getByRole('textbox', { name: /Note/ });
    await editor.waitFor();
    for (let i = 1; i <= 8; i++) await page.keyboard.type(`Line ${i} of a long note.\n`);
    const box = await editor.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(760);
    await app.screenshot('note-editor-at-the-end');
    await page.keyboard.press('Escape');
  });
});
