import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROME,
  dropFiles,
  openApp,
  openBundledArticle,
  selectText,
  tempDataDir,
  type App,
} from './harness.ts';

/** The import's time limit here: short, so that the test does not wait a minute. */
const LIMIT_S = 6;

describe.skipIf(!CHROME)('imports in Chromium', () => {
  let app: App;

  beforeAll(async () => {
    app = await openApp({ importBudget: { timeMs: LIMIT_S * 1000 } });
    await openBundledArticle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps every character of a note typed while a hostile import runs, then names the file and the reason', async () => {
    const { page } = app;
    // A huge saved page (8 MB of paragraphs): reading it takes far longer than the limit here.
    const hostile = path.join(tempDataDir(), 'huge.html');
    const paragraph = '<div><p>The council met and agreed the budget for the harbour.</p></div>';
    writeFileSync(hostile, `<html><body>${paragraph.repeat(120_000)}</body></html>`);
    await dropFiles(page, [{ path: hostile, name: 'huge.html', content: '' }]);
    await expect.poll(() => app.importProgress.some((e) => e.kind === 'start')).toBe(true);
    await page.locator('.import-status', { hasText: 'Importing huge.html' }).waitFor();

    await selectText(page, 'Nine months later, the truce has failed.');
    await page.keyboard.press('n');
    const editor = page.getByRole('textbox', { name: /Note/ });
    await editor.waitFor();
    const note =
      'Typed during an import: every letter must arrive, in order, none dropped — 0123456789 ' +
      'the quick brown fox jumps over the lazy dog. #during-import';
    await editor.pressSequentially(note);
    expect(await editor.inputValue()).toBe(note);
    const id = app.library.list().find((a) => a.title.startsWith('Turkey'))!.id;
    const saved = async () => (await app.library.open(id)).highlights.some((h) => h.note === note);
    await expect.poll(saved, { timeout: 5_000 }).toBe(true);
    // Saved while the import was still being read: the library answered throughout.
    const ended = app.importProgress.some((e) => e.kind === 'file');
    expect(ended).toBe(false);

    const status = page.locator('.import-status');
    await expect.poll(() => status.innerText(), { timeout: 60_000 }).toContain('1 failed');
    const line = await status.locator('.import-details li').innerText();
    expect(line).toBe(`huge.html: reading it took longer than ${LIMIT_S} s, so it was stopped`);
    expect(await editor.inputValue()).toBe(note);
    // Nothing stored: the bundled article is still the only one.
    expect(app.library.list()).toHaveLength(1);
    await status.getByRole('button', { name: 'Close' }).click();
  }, 120_000);

  it('refuses a file the page makes up, and every path the page names through the bridge', async () => {
    const { page } = app;
    const dir = tempDataDir();
    const secret = path.join(dir, 'id_ed25519.txt');
    writeFileSync(secret, 'Private key\n\nSECRET-KEY-MATERIAL-91bd\n');
    const before = app.library.list().length;
    // A drop of a File the page built itself, named like the secret.
    await page.evaluate((secret) => {
      const data = new DataTransfer();
      data.items.add(new File(['x'], secret.split('/').pop()!));
      document
        .querySelector('.app')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true }));
    }, secret);
    const status = page.locator('.import-status');
    await expect
      .poll(() => status.innerText())
      .toContain('id_ed25519.txt: not a file on this computer');
    await status.getByRole('button', { name: 'Close' }).click();
    // Then every function of every bridge global, with every shape that could carry the path.
    const tried = await page.evaluate(async (secret) => {
      const file = new File(['x'], secret);
      const shapes: unknown[] = [
        secret,
        [secret],
        { paths: [secret] },
        { path: secret },
        { files: [secret] },
        [file],
        [{ name: secret, path: secret }],
      ];
      let count = 0;
      const globals = window as unknown as Record<string, Record<string, unknown>>;
      for (const name of ['gloss', 'glossImports']) {
        for (const fn of Object.values(globals[name]!)) {
          if (typeof fn !== 'function') continue;
          for (const shape of shapes) {
            count++;
            await Promise.resolve()
              .then(() => (fn as (a: unknown) => unknown)(shape))
              .catch(() => undefined);
          }
        }
      }
      return count;
    }, secret);
    expect(tried).toBeGreaterThan(100);
    expect(app.library.list()).toHaveLength(before);
    expect(await app.library.find('SECRET-KEY-MATERIAL-91bd', 10)).toEqual([]);
  });
});
