import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Lexer } from 'marked';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROME,
  openApp,
  openBundledArticle,
  selectText,
  tempDataDir,
  type App,
} from './harness.ts';

describe.skipIf(!CHROME)('exporting notes from the app', () => {
  let app: App;

  beforeAll(async () => {
    app = await openApp();
    await openBundledArticle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('writes the article’s notes as Markdown through the save dialog, and the file reads back', async () => {
    const { page } = app;
    await selectText(page, 'have an incentive to cooperate');
    await page.keyboard.press('n');
    const editor = page.getByRole('textbox', { name: /Note/ });
    await editor.pressSequentially('Stein on why they cooperate. #cooperation');
    await editor.press('Escape');
    await selectText(page, 'Syrian ground forces', 'under the cover of');
    await page.keyboard.press('2');
    await expect.poll(() => page.locator('mark[data-hstart]').count()).toBe(2);

    const target = path.join(tempDataDir(), 'notes.md');
    app.savePaths.push(target);
    await page.getByRole('button', { name: 'Export notes…' }).click();
    await expect.poll(() => page.locator('.status').innerText()).toContain(target);

    const markdown = readFileSync(target, 'utf8');
    const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
    expect(match).not.toBeNull();
    const front = parseYaml(match![1]!) as unknown;
    expect(front).toMatchObject({
      title: "Turkey, Russia face conflicts over Syria's push into Idlib",
      source: 'AP',
      dateline: 'Istanbul',
      publisher: 'Business Standard',
      highlights: 2,
      tags: ['cooperation'],
    });
    expect(markdown).toContain('> have an incentive to cooperate');
    expect(markdown).toMatch(
      /— Aaron Stein, the director of the program in American think-tank ‸ \^h-[0-9a-f]{8}/,
    );
    expect(markdown).toContain('Stein on why they cooperate. #cooperation');
    const quotes = new Lexer()
      .lex(markdown.slice(match![0].length))
      .filter((t) => t.type === 'blockquote');
    expect(quotes).toHaveLength(2);
  });

  it('copies the same Markdown to the clipboard', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Copy notes as Markdown' }).click();
    await expect.poll(() => page.locator('.status').innerText()).toContain('copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('> have an incentive to cooperate');
    expect(copied.startsWith('---\n')).toBe(true);
  });

  it('exports every article into a chosen folder, one file each', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '← Library' }).click();
    const folder = tempDataDir();
    app.exportFolders.push(folder);
    await page.getByRole('button', { name: 'Export all…' }).click();
    await expect
      .poll(() => page.locator('.undo-toast').innerText())
      .toContain(`Exported 1 article to ${folder}`);
    const files = readdirSync(folder);
    expect(files).toEqual(["Turkey, Russia face conflicts over Syria's push into Idlib.md"]);
    expect(readFileSync(path.join(folder, files[0]!), 'utf8')).toContain(
      '> have an incentive to cooperate',
    );
    await openBundledArticle(page);
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Export notes…' }).click();
    await page.waitForTimeout(300);
    expect(await page.locator('.status').innerText()).not.toMatch(/failed/i);
    expect(app.pageErrors).toEqual([]);
  });
});
