import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attribution } from '../../common/model/attribution.ts';
import { CHROME, openApp, openBundledArticle, type App } from './harness.ts';

/** True when two sets of boxes overlap anywhere. */
function overlaps(a: DOMRectLike[], b: DOMRectLike): boolean {
  return a.some(
    (r) => r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom,
  );
}
interface DOMRectLike {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

describe.skipIf(!CHROME)('who said it, in the reader', () => {
  let app: App;
  let attributions: Attribution[];

  beforeAll(async () => {
    app = await openApp({ width: 1360, height: 900 });
    await openBundledArticle(app.page);
    const id = app.library.list()[0]!.id;
    attributions = (await app.library.open(id)).article.attributions;
  });
  afterAll(async () => {
    await app?.close();
  });

  function passage(quoteStart: string) {
    const index = attributions.findIndex((a) => a.quote.startsWith(quoteStart));
    expect(index).toBeGreaterThanOrEqual(0);
    return {
      index,
      locator: app.page.locator(`[data-astart="a${index}"]`),
      attribution: attributions[index]!,
    };
  }

  it('shows the source, role, kind and cue of a quotation on hover, without covering it', async () => {
    const { locator } = passage('have an incentive to cooperate');
    await locator.hover();
    const tip = app.page.getByRole('tooltip');
    await tip.waitFor();
    const text = await tip.innerText();
    expect(text).toContain('Aaron Stein');
    expect(text).toContain('the director of the program in American think-tank');
    expect(text).toContain('Quoted');
    expect(text).toContain('says');
    const passageBoxes = await locator.evaluate((el) =>
      [...el.getClientRects()].map((r) => ({
        left: r.left,
        right: r.right,
        top: r.top,
        bottom: r.bottom,
      })),
    );
    const tipBox = (await tip.boundingBox())!;
    expect(
      overlaps(passageBoxes, {
        left: tipBox.x,
        right: tipBox.x + tipBox.width,
        top: tipBox.y,
        bottom: tipBox.y + tipBox.height,
      }),
    ).toBe(false);
    expect(await locator.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));
    await app.screenshot('attribution-tooltip');
  });

  it('opens on keyboard focus too, counts the source’s statements and links to the others', async () => {
    const ersan = attributions.filter((a) => a.source.name === 'Emre Ersan');
    expect(ersan.length).toBeGreaterThanOrEqual(3);
    const { locator } = passage('Apart from this dialogue');
    await locator.focus();
    const tip = app.page.getByRole('tooltip');
    await expect.poll(() => tip.innerText()).toContain(`${ersan.length} statements by Emre Ersan`);
    const links = tip.getByRole('button');
    expect(await links.count()).toBe(ersan.length);
    await links.first().click();
    const focused = await app.page.evaluate(
      () => (document.activeElement as HTMLElement).dataset.astart,
    );
    expect(focused).toBe(`a${attributions.indexOf(ersan[0]!)}`);
    await app.page.mouse.move(5, 5);
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.page.getByRole('tooltip').count()).toBe(0);
  });

  it('says plainly when the feed stripped the speaker’s name', async () => {
    const { locator } = passage('the regime must be controlled');
    await locator.hover();
    const tip = app.page.getByRole('tooltip');
    await expect.poll(() => tip.innerText()).toContain('Unknown source');
    expect(await tip.innerText()).toMatch(/stripped/);
  });

  it('marks stripped words with a quiet sign that explains itself', async () => {
    const gaps = app.page.locator('.article-body .gap');
    expect(await gaps.count()).toBeGreaterThanOrEqual(10);
    const gap = app.page
      .locator('.article-body p.block', { hasText: 'for Human Rights' })
      .locator('.gap')
      .first();
    await gap.hover();
    const tip = app.page.getByRole('tooltip');
    await expect
      .poll(() => tip.innerText())
      .toContain('Words appear to be missing here in the source');
    expect(await gap.getAttribute('aria-label')).toBe(
      'Words appear to be missing here in the source',
    );
  });

  it('lists every source with its statements in the Sources panel, and jumps to one', async () => {
    await app.page.getByRole('button', { name: 'Sources', exact: true }).click();
    const panel = app.page.getByRole('complementary', { name: 'Sources' });
    await panel.waitFor();
    const text = await panel.innerText();
    expect(text).toContain('Aaron Stein');
    expect(text).toContain('Emre Ersan');
    expect(text).toMatch(/Unknown source/);
    expect(text).toMatch(/person/i);
    await panel.getByRole('button', { name: /Russia doesn't want to ruin/ }).click();
    const focused = await app.page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused).toContain("Russia doesn't want to ruin");
    await app.screenshot('sources-panel');
    await app.page.getByRole('button', { name: 'Close panel' }).click();
  });

  it('explains the provenance line: syndicated, unedited, and the time in both zones', async () => {
    await app.page.evaluate(() => window.scrollTo(0, 0));
    await app.page.locator('.provenance').hover();
    const tip = app.page.getByRole('tooltip');
    await tip.waitFor();
    const text = await tip.innerText();
    expect(text).toContain('Syndicated from AP by Business Standard; not edited by the publisher');
    expect(text).toContain('13:35 IST');
    expect(text).toMatch(/your time/);
  });

  it('carries the attribution onto a highlight made inside a quotation', async () => {
    const { page } = app;
    await page.evaluate(() => {
      const el = [...document.querySelectorAll('.article-body [data-block-start]')].find((b) =>
        b.textContent?.includes("nobody's interests"),
      )!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf("nobody's interests");
        if (i >= 0) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + "nobody's interests".length);
          document.getSelection()!.removeAllRanges();
          document.getSelection()!.addRange(r);
          return;
        }
      }
    });
    await page.keyboard.press('h');
    const id = app.library.list()[0]!.id;
    await expect.poll(async () => (await app.library.open(id)).highlights.length).toBe(1);
    const [h] = (await app.library.open(id)).highlights;
    expect(h!.attribution?.name).toBe('Aaron Stein');
    expect(app.pageErrors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
  });
});
