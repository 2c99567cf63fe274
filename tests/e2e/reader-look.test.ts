import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME, openApp, openBundledArticle, selectText, type App } from './harness.ts';
import { backgroundOf, colourDistance, stripColours, type Rgb } from './pixels.ts';

/**
 * What a reader sees, checked on the screen's pixels: find matches that cannot be mistaken for
 * highlights, a highlight inside another that keeps its own colour, a styled button in the
 * shortcuts dialog, and room between a plain-text article's title and its first paragraph.
 */

type Box = { x: number; y: number; width: number; height: number };

const boxOf = (r: { left: number; top: number; width: number; height: number }): Box => ({
  x: r.left,
  y: r.top,
  width: r.width,
  height: r.height,
});

/** The first box of an element's first line on screen. */
async function markBox(app: App, selector: string): Promise<Box> {
  const r = await app.page.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel)!;
    const rect = el.getClientRects()[0]!;
    return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
  }, selector);
  return boxOf(r);
}

/** The page's paper colour as painted: a strip of the empty page left of the text. */
async function paperOf(app: App): Promise<Rgb> {
  return backgroundOf(app.page, { x: 2, y: 300, width: 10, height: 10 });
}

describe.skipIf(!CHROME)('the reader, looked at', () => {
  let app: App;

  beforeAll(async () => {
    app = await openApp({ width: 1360, height: 900 });
    await openBundledArticle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps a highlight inside another in its own colour, with the outer one beside it', async () => {
    const { page } = app;
    // A lone blue highlight, for the colour blue is.
    await selectText(page, 'a development that puts their');
    await page.keyboard.press('3');
    await page.locator('mark.hl-blue[data-hstart]').waitFor();
    // A pink one, and a blue one inside it.
    await selectText(page, 'facing an escalation of violence');
    await page.keyboard.press('4');
    await page.locator('mark.hl-pink[data-hstart]').waitFor();
    await selectText(page, 'escalation');
    await page.keyboard.press('3');
    await page.locator('mark.hl-pink mark.hl-blue').waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.move(1300, 880);
    await page.waitForTimeout(200);

    const lone = await markBox(app, 'mark.hl-blue:not(mark.hl mark)');
    const inner = await markBox(app, 'mark.hl-pink mark.hl-blue');
    const outer = await markBox(app, 'mark.hl-pink');
    // The upper half of each line box: the highlight's fill, above the underline of nesting.
    const fill = (b: Box) => ({ x: b.x + 2, y: b.y + 2, width: b.width - 4, height: b.height / 2 });
    const blue = await backgroundOf(page, fill(lone));
    const nested = await backgroundOf(page, fill(inner));
    const pink = await backgroundOf(page, fill({ ...outer, width: inner.x - outer.x }));
    console.log('nested highlight colours', { blue, nested, pink });
    // Blue inside pink is blue, not the purple the two layers would mix to.
    expect(colourDistance(nested, blue)).toBeLessThanOrEqual(6);
    expect(colourDistance(pink, blue)).toBeGreaterThan(30);
    // The outer highlight shows under the inner one: a line in the outer's colour family.
    const edge = await stripColours(page, {
      x: inner.x + 2,
      y: inner.y + inner.height - 4,
      width: inner.width - 4,
      height: 4,
    });
    const pinkish = edge.some((c) => c[0] - c[1] > 60 && c[0] > 180);
    expect(pinkish).toBe(true);
    await app.screenshot('nested-highlight');
  });

  it('marks find matches with an outline of their own, never a highlight’s fill', async () => {
    const { page } = app;
    const paper = await paperOf(app);
    await page.keyboard.press('Control+f');
    const input = page.getByRole('searchbox', { name: 'Find in article' });
    await input.fill('Idlib');
    await expect.poll(() => page.locator('.find-count').textContent()).toMatch(/of/);
    await page.waitForTimeout(200);
    const boxes = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const rect = (r: Range) => {
        const b = r.getClientRects()[0]!;
        return { left: b.left, top: b.top, width: b.width, height: b.height };
      };
      const current = [...registry.get('gloss-find-current')!][0]!;
      const other = [...registry.get('gloss-find')!].find((r) => {
        const b = r.getBoundingClientRect();
        return (
          r.compareBoundaryPoints(Range.START_TO_START, current) !== 0 &&
          b.top > 60 &&
          b.bottom < innerHeight - 60 &&
          !r.startContainer.parentElement?.closest('mark')
        );
      })!;
      return { current: rect(current), other: rect(other) };
    });
    const other = boxOf(boxes.other);
    const upper = (b: Box) => ({
      x: b.x + 1,
      y: b.y + 1,
      width: b.width - 2,
      height: b.height / 2,
    });
    // A match has no fill: the paper shows behind its letters.
    const behind = await backgroundOf(page, upper(other));
    expect(colourDistance(behind, paper)).toBeLessThanOrEqual(4);
    // It is underlined in a colour that is not the paper's.
    const under = await stripColours(page, {
      x: other.x + 1,
      y: other.y + other.height - 5,
      width: other.width - 2,
      height: 5,
    });
    expect(under.some((c) => c[2] - c[0] > 60)).toBe(true);
    // The current match stands out in the ink's colour, unlike any highlight's light fill.
    const current = await backgroundOf(page, upper(boxOf(boxes.current)));
    expect(current.reduce((a, b) => a + b, 0)).toBeLessThan(3 * 110);
    await app.screenshot('find-matches');
    await input.press('Escape');
  });

  it('gives the shortcuts dialog a button in the app’s own style', async () => {
    const { page } = app;
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    const close = dialog.getByRole('button', { name: 'Close' });
    const look = await close.evaluate((el) => {
      const s = getComputedStyle(el);
      const d = getComputedStyle(el.closest('dialog')!);
      return {
        font: s.fontFamily === d.fontFamily,
        appearance: s.appearance,
        background: s.backgroundColor,
        radius: parseFloat(s.borderTopLeftRadius),
        paddingX: parseFloat(s.paddingLeft),
      };
    });
    expect(look.font).toBe(true);
    expect(look.appearance).toBe('none');
    // Not the browser's grey button face.
    expect(look.background).not.toBe('rgb(239, 239, 239)');
    expect(look.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(look.radius).toBeGreaterThanOrEqual(4);
    expect(look.paddingX).toBeGreaterThanOrEqual(12);
    await page.mouse.move(10, 10);
    await app.screenshot('shortcuts-dialog');
    await page.keyboard.press('Escape');
  });

  it('leaves room between a plain-text article’s title and its first paragraph', async () => {
    const { page, library } = app;
    await library.importText(
      'tide-tables.txt',
      'Tide tables for the spring\n\nThe spring tides come twice a month, at new and full ' +
        'moon, and run higher and lower than the neap tides between them.\n\nThe harbour ' +
        'posts the times on the board by the gate each morning.\n',
    );
    await page
      .getByRole('button', { name: /Library/ })
      .first()
      .click();
    await page.locator('.article-card', { hasText: 'Tide tables for the spring' }).click();
    await page.locator('h1#article-title', { hasText: 'Tide tables' }).waitFor();
    await page.evaluate(() => document.fonts.ready);
    const gap = await page.evaluate(() => {
      const title = document.querySelector('#article-title')!.getBoundingClientRect();
      const first = document.querySelector('.article-body .block')!;
      const line = parseFloat(getComputedStyle(first).lineHeight);
      return { gap: first.getBoundingClientRect().top - title.bottom, line };
    });
    console.log('plain-text title gap', gap);
    expect(gap.gap).toBeGreaterThanOrEqual(gap.line);
    await app.screenshot('plain-text-title');
  });
});
