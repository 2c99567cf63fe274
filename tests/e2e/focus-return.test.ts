import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME, openApp, openBundledArticle, type App } from './harness.ts';

/**
 * Esc closes what is open and gives focus back to where it came from: the Aa menu to its
 * button, the shortcuts dialog and the find bar to what had focus before them, a tooltip's
 * links to the quoted passage, and the passage keeps focus when its tooltip closes.
 */
describe.skipIf(!CHROME)('focus after Esc', () => {
  let app: App;

  const focusedIs = (selector: string) =>
    app.page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);
  const describeFocus = () =>
    app.page.evaluate(() => {
      const el = document.activeElement;
      return el ? `${el.tagName.toLowerCase()} ${el.textContent?.slice(0, 40) ?? ''}` : 'none';
    });

  beforeAll(async () => {
    app = await openApp({ width: 1360, height: 900 });
    await openBundledArticle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('returns focus to the Aa button from inside its menu', async () => {
    const { page } = app;
    const button = page.getByRole('button', { name: 'Aa' });
    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('dialog', { name: 'Reading settings' });
    await menu.waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.settings-panel'))).toBe(
      true,
    );
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await focusedIs('.settings > button'), await describeFocus()).toBe(true);
  });

  it('returns focus to what had it before the shortcuts dialog', async () => {
    const { page } = app;
    const highlights = page.getByRole('button', { name: 'Highlights', exact: true });
    await highlights.focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await highlights.evaluate((el) => el === document.activeElement)).toBe(true);
    // The Close button does the same.
    await page.keyboard.press('?');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await highlights.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('returns focus from a tooltip’s links to the passage, and keeps it there as it closes', async () => {
    const { page } = app;
    // A passage whose source has other statements: its tooltip has links.
    const passage = page.locator('[data-astart]', { hasText: 'Apart from this dialogue' }).first();
    await passage.focus();
    const tip = page.getByRole('tooltip');
    await tip.waitFor();
    await page.keyboard.press('Tab');
    expect(await focusedIs('#reader-tip .tip-link'), await describeFocus()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await passage.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'detached' });
    expect(await passage.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('closes a tooltip opened by the pointer without moving focus', async () => {
    const { page } = app;
    const highlights = page.getByRole('button', { name: 'Highlights', exact: true });
    await highlights.focus();
    await page.locator('.article-body [data-aid]').first().hover();
    const tip = page.getByRole('tooltip');
    await tip.waitFor();
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'detached' });
    expect(await highlights.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('returns focus from the find bar to what had it', async () => {
    const { page } = app;
    const mark = page.locator('.article-body [data-astart]').first();
    await mark.focus();
    await page.keyboard.press('Control+f');
    const input = page.getByRole('searchbox', { name: 'Find in article' });
    await input.waitFor();
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'detached' });
    expect(await mark.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
