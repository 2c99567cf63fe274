import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME, openApp, tempDataDir, type App } from './harness.ts';

/**
 * Reading and annotating with the keyboard alone: no mouse event is sent in this file. The
 * library is opened with Tab and Enter, a sentence selected with →, highlighted with h, noted
 * with n, its tooltip reached by focus, and the notes exported with Ctrl+Shift+E.
 */
describe.skipIf(!CHROME)('keyboard-only reading in Chromium', () => {
  let app: App;
  let out: string;

  beforeAll(async () => {
    app = await openApp({ width: 1360, height: 900 });
    out = path.join(tempDataDir(), 'notes.md');
  });
  afterAll(async () => {
    await app?.close();
    rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('opens an article, highlights a sentence, writes a note and exports, by keys only', async () => {
    const { page } = app;
    const card = page.locator('.article-card', { hasText: 'Turkey, Russia face conflicts' });
    await card.waitFor();
    // Tab to the article's card, then Enter.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const onCard = await page.evaluate(() => !!document.activeElement?.closest('.article-card'));
      if (onCard) break;
    }
    await page.keyboard.press('Enter');
    await page.locator('h1#article-title').waitFor();
    await page.evaluate(() => document.fonts.ready);

    // → selects the first sentence in view; h highlights it; focus moves to the new highlight.
    await page.keyboard.press('ArrowRight');
    const selected = await page.evaluate(() => document.getSelection()?.toString() ?? '');
    expect(selected.length).toBeGreaterThan(10);
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.getSelection()?.toString() ?? '');
    expect(second).not.toBe(selected);
    await page.keyboard.press('h');
    const mark = page.locator('.article-body mark.hl');
    await mark.first().waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.matches('mark[data-hstart]')))
      .toBe(true);
    expect(await page.locator('.article-body mark.hl').allTextContents()).toEqual([second]);

    // n edits the focused highlight's note; Esc gives focus back to the highlight.
    await page.keyboard.press('n');
    const editor = page.getByRole('textbox', { name: /Note/ });
    await editor.waitFor();
    await page.keyboard.type('Written without a mouse.');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.matches('mark[data-hstart]')))
      .toBe(true);
    await page.locator('.note-card', { hasText: 'Written without a mouse.' }).waitFor();

    // Editing it again continues at the end of the note, not before it.
    await page.keyboard.press('n');
    await editor.waitFor();
    await page.keyboard.type(' More.');
    expect(await editor.inputValue()).toBe('Written without a mouse. More.');
    await page.keyboard.press('Escape');
    await app.screenshot('keyboard-note');

    // A quoted passage's tooltip opens on focus (Tab reaches the passages in the text).
    await page.evaluate(() => document.querySelector<HTMLElement>('[data-astart]')?.focus());
    await page.getByRole('tooltip').waitFor();
    await app.screenshot('keyboard-tooltip');

    // The export accelerator works from the page.
    app.savePaths.push(out);
    await page.keyboard.press('Control+Shift+E');
    await expect.poll(() => existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('Written without a mouse. More.');
  });

  it('lists the sentence keys and the export accelerator in the ? dialog', async () => {
    const { page } = app;
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    const text = await dialog.textContent();
    expect(text).toContain('Select the next, previous sentence');
    expect(text).toContain('Ctrl/Cmd+Shift+E');
    expect(text).toContain('Ctrl/Cmd+O');
    await app.screenshot('keyboard-shortcuts');
    await page.keyboard.press('Escape');
  });
});
