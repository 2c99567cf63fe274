/**
 * A note edited on two devices before they synced: the reader marks it and lets the user keep
 * one version; the choice is saved and the other version is gone for good.
 */
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/services/open-library.ts';
import { CHROME, openApp, openBundledArticle, ROOT, tempDataDir, type App } from './harness.ts';

const deviceBefore = process.env.GLOSS_DEVICE;

/** A library whose one note was edited on `laptop` and on `desktop` while they were apart. */
async function conflictedLibrary(): Promise<{ dataDir: string; articleId: string; id: string }> {
  const dataDir = tempDataDir();
  const laptop = path.join(dataDir, 'laptop');
  const desktop = path.join(dataDir, 'desktop');
  let { library } = await openLibrary(laptop, {
    seed: true,
    appRoot: ROOT,
    store: { device: 'laptop' },
  });
  const [row] = library.list();
  const articleId = row!.id;
  const { article } = await library.open(articleId);
  const at = article.text.indexOf('the truce has failed');
  const h = await library.createHighlight({
    articleId,
    start: at,
    end: at + 20,
    color: 'yellow',
    note: 'First thoughts.',
  });
  await library.close();
  await cp(laptop, desktop, { recursive: true });
  ({ library } = await openLibrary(laptop, { store: { device: 'laptop' } }));
  await library.updateHighlight({ articleId, id: h.id, note: 'Written on the laptop.' });
  await library.close();
  ({ library } = await openLibrary(desktop, { store: { device: 'desktop' } }));
  await library.updateHighlight({ articleId, id: h.id, note: 'Written on the desktop.' });
  await library.close();
  // The file-sync engine carries the desktop's folder over.
  await cp(path.join(desktop, 'devices', 'desktop'), path.join(laptop, 'devices', 'desktop'), {
    recursive: true,
  });
  return { dataDir: laptop, articleId, id: h.id };
}

describe.skipIf(!CHROME)('a note edited on two devices, in Chromium', () => {
  let app: App;
  let target: { dataDir: string; articleId: string; id: string };

  beforeAll(async () => {
    process.env.GLOSS_DEVICE = 'laptop';
    target = await conflictedLibrary();
    app = await openApp({ dataDir: target.dataDir, width: 1360, height: 900 });
    await openBundledArticle(app.page);
  });
  afterAll(async () => {
    await app?.close();
    if (deviceBefore === undefined) delete process.env.GLOSS_DEVICE;
    else process.env.GLOSS_DEVICE = deviceBefore;
  });

  it('marks the note, offers both versions, and keeps the one picked', async () => {
    const { page } = app;
    const card = page.locator(`.note-card[data-note-id="${target.id}"]`);
    const mark = card.getByRole('button', { name: /Edited on two devices/ });
    await mark.waitFor();
    await mark.click();
    const picker = card.getByRole('group', { name: 'Versions of this note' });
    await expect
      .poll(() => picker.locator('.note-conflict-version').allInnerTexts())
      .toEqual([
        expect.stringContaining('Written on the desktop.'),
        expect.stringContaining('Written on the laptop.'),
      ]);
    await picker.scrollIntoViewIfNeeded();
    await app.screenshot('note-conflict-picker');
    await picker
      .locator('.note-conflict-version', { hasText: 'Written on the laptop.' })
      .getByRole('button', { name: 'Keep this version' })
      .click();
    await expect.poll(() => card.locator('.note-text').innerText()).toBe('Written on the laptop.');
    expect(await mark.count()).toBe(0);
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('note-conflict-picked');
    // Saved: the library has the picked note and no other version left.
    const { highlights } = await app.library.open(target.articleId);
    const saved = highlights.find((h) => h.id === target.id)!;
    expect(saved.note).toBe('Written on the laptop.');
    expect(saved.conflicts).toBeUndefined();
    expect(app.pageErrors).toEqual([]);
  });
});
