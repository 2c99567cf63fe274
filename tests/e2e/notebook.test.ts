import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME, openApp, type App } from './harness.ts';
import { BUNDLED_SEEDS, BUNDLED_TITLE, SECOND_TITLE, seedNotes } from './seed-notes.ts';

const ALL = BUNDLED_SEEDS.length + 1;

describe.skipIf(!CHROME)('the notebook of every highlight', () => {
  let app: App;
  const items = () => app.page.locator('.notebook-item');
  const filter = (name: string) => app.page.getByRole('combobox', { name });

  beforeAll(async () => {
    app = await openApp({ width: 1360, height: 900 });
    await seedNotes(app.library);
    await app.page.reload();
    await app.page.getByRole('button', { name: 'Notebook' }).click();
    await app.page.getByRole('heading', { name: 'Notebook' }).waitFor();
    await items()
      .nth(ALL - 1)
      .waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists every highlight of every article, each edged in its own colour', async () => {
    expect(await items().count()).toBe(ALL);
    const edges = await items().evaluateAll((els) =>
      els.map((el) => getComputedStyle(el).borderLeftColor),
    );
    // Five colours in the seeds: five different edges, none the plain grey rule.
    expect(new Set(edges).size).toBe(5);
    const titles = await app.page.locator('.notebook-article').allInnerTexts();
    expect(new Set(titles)).toEqual(new Set([BUNDLED_TITLE, SECOND_TITLE]));
    await app.screenshot('notebook-light');
  });

  it('shows notes as rendered Markdown, not as the characters typed', async () => {
    const note = app.page.locator('.notebook-note', { hasText: 'is the story' });
    await expect(note.locator('strong').innerText()).resolves.toBe('escalation');
    expect(await note.innerText()).not.toContain('**');
    const list = app.page.locator('.notebook-note', { hasText: 'three million' }).locator('li');
    expect(await list.count()).toBe(3);
  });

  it('filters by colour, tag, article, source and speaker, and searches', async () => {
    await filter('Colour').selectOption('green');
    await expect.poll(() => items().count()).toBe(2);
    await filter('Colour').selectOption('');

    await filter('Tag').selectOption('diplomacy');
    await expect.poll(() => items().count()).toBe(2);
    await filter('Tag').selectOption('');

    await filter('Article').selectOption({ label: SECOND_TITLE });
    await expect.poll(() => items().count()).toBe(1);
    await filter('Article').selectOption('');

    await filter('Source').selectOption('AP');
    await expect.poll(() => items().count()).toBe(BUNDLED_SEEDS.length);
    await filter('Source').selectOption('');

    const speakers = await filter('Speaker').locator('option').allInnerTexts();
    expect(speakers).toContain('Aaron Stein');
    await filter('Speaker').selectOption('Aaron Stein');
    await expect.poll(() => items().count()).toBe(1);
    await expect(items().first().innerText()).resolves.toContain('have an incentive to cooperate');
    await filter('Speaker').selectOption('');

    const search = app.page.getByRole('searchbox', { name: 'Search highlights and notes' });
    await search.fill('winter hours');
    await expect.poll(() => items().count()).toBe(1);
    await search.fill('');
    await expect.poll(() => items().count()).toBe(ALL);
  });

  it('sorts by article: each article together, its highlights in text order', async () => {
    await filter('Sort').selectOption('article');
    const quotes = await app.page.locator('.notebook-quote').allInnerTexts();
    const bundled = BUNDLED_SEEDS.map((s) => s.text);
    // "Notes on a quiet harbour" comes before "Turkey, Russia…".
    expect(quotes[0]).toContain('forty years');
    expect(quotes.slice(1).map((q) => bundled.find((b) => q.includes(b)))).toEqual(bundled);
    await filter('Sort').selectOption('date');
  });

  it('exports the chosen highlights of two articles to Markdown together', async () => {
    const { page } = app;
    await page.getByRole('checkbox', { name: /forty years/ }).check();
    await page.getByRole('checkbox', { name: /the regime must be controlled/ }).check();
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied 2 highlights' }).waitFor();
    const md = await page.evaluate(() => navigator.clipboard.readText());
    expect(md).toMatch(/^# Notebook\n/);
    expect(md).toContain(`## ${SECOND_TITLE}`);
    expect(md).toContain('## Turkey, Russia face conflicts');
    expect(md).toContain('> We have kept the same hours for forty years');
    expect(md).toContain('Ask about the *winter* hours.');
    expect(md).toContain('Strongest wording from Ankara so far.');
    // Only what was chosen.
    expect(md).not.toContain('escalation of violence');
  });

  it('opens the article at the passage and comes back to the notebook', async () => {
    const { page } = app;
    await page.locator('.notebook-quote', { hasText: 'the regime must be controlled' }).click();
    await page.locator('h1#article-title').waitFor();
    const mark = page.locator('mark[data-hstart]', { hasText: 'the regime must be controlled' });
    await mark.first().waitFor();
    await expect
      .poll(async () => {
        const box = await mark.first().boundingBox();
        return box !== null && box.y > 0 && box.y < 900;
      })
      .toBe(true);
    await page
      .getByRole('button', { name: /Library/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Notebook' }).waitFor();
  });

  it('makes no request outside the app and throws no errors', () => {
    expect(app.outsideRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
