import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME, openApp, openBundledArticle, type App } from './harness.ts';

describe.skipIf(!CHROME)('reading the bundled article in Chromium', () => {
  let app: App;

  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the bundled article in the library with its source, date and word count', async () => {
    const card = app.page.locator('.article-card', {
      hasText: "Turkey, Russia face conflicts over Syria's push into Idlib",
    });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('AP');
    expect(text).toContain('via Business Standard');
    expect(text).toMatch(/2019/);
    expect(text).toMatch(/\d+ words/);
    await app.screenshot('library');
  });

  it('shows the title once, the provenance line and the paragraphs set for reading', async () => {
    const { page } = app;
    await openBundledArticle(page);
    await expect(page.locator('h1#article-title').innerText()).resolves.toBe(
      "Turkey, Russia face conflicts over Syria's push into Idlib",
    );
    // The feed repeats the title; the reader must not.
    const bodyText = await page.locator('.article-body').innerText();
    expect(bodyText).not.toContain("Turkey, Russia face conflicts over Syria's push into Idlib");
    expect(bodyText).not.toContain('First Published');
    expect(bodyText).not.toContain('auto-generated from a syndicated feed');

    const provenance = await page.locator('.provenance').innerText();
    expect(provenance).toContain('AP');
    expect(provenance).toContain('Istanbul');
    expect(provenance).toContain('via Business Standard');
    expect(provenance).toMatch(/2019/);

    const paragraphs = page.locator('.article-body p.block');
    expect(await paragraphs.count()).toBe(22);
    await expect(paragraphs.first().innerText()).resolves.toMatch(
      /^and are again facing an escalation/,
    );
    // The sentence the feed broke over two paragraphs reads as one.
    await expect(page.locator('.article-body').innerText()).resolves.toContain(
      'members joining Turkish-backed opposition forces',
    );

    await page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('reader-light');
  });

  it('sets the text in the bundled serif face at a 60–75 character measure', async () => {
    const measure = await app.page.evaluate(() => {
      const p = document.querySelector<HTMLElement>('.article-body p.block')!;
      const style = getComputedStyle(p);
      const probe = document.createElement('span');
      probe.textContent = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ, the and of';
      p.appendChild(probe);
      const perChar = probe.getBoundingClientRect().width / probe.textContent.length;
      probe.remove();
      return {
        chars: p.clientWidth / perChar,
        family: style.fontFamily,
        lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
        fontLoaded: document.fonts.check(`16px Literata`),
      };
    });
    expect(measure.family).toMatch(/^"?Literata/);
    expect(measure.fontLoaded).toBe(true);
    expect(measure.chars).toBeGreaterThanOrEqual(60);
    expect(measure.chars).toBeLessThanOrEqual(75);
    expect(measure.lineHeight).toBeGreaterThanOrEqual(1.5);
  });

  it('makes no request outside the app and throws no errors', () => {
    expect(app.outsideRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});

describe.skipIf(!CHROME)('dark theme following the system', () => {
  it('renders light text on a dark page when the system prefers dark', async () => {
    const app = await openApp({ colorScheme: 'dark' });
    try {
      await openBundledArticle(app.page);
      const colors = await app.page.evaluate(() => ({
        bg: getComputedStyle(document.body).backgroundColor,
        fg: getComputedStyle(document.querySelector('.article-body')!).color,
      }));
      const lum = (c: string) => {
        const [r, g, b] = c.match(/\d+/g)!.map(Number) as [number, number, number];
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      expect(lum(colors.bg)).toBeLessThan(60);
      expect(lum(colors.fg)).toBeGreaterThan(180);
      await app.screenshot('reader-dark');
    } finally {
      await app.close();
    }
  });
});
