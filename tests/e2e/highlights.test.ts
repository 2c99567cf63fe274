import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME, openApp, openBundledArticle, selectText, type App } from './harness.ts';

const marks = (app: App) => app.page.locator('.article-body mark.hl');

/** The highlight ids in the order their first runs appear in the text. */
async function highlightTexts(app: App): Promise<Record<string, string>> {
  return app.page.evaluate(() => {
    const out: Record<string, string> = {};
    document.querySelectorAll<HTMLElement>('.article-body mark[data-hid]').forEach((m) => {
      const id = m.dataset.hid!;
      out[id] = (out[id] ?? '') + (m.textContent ?? '');
    });
    return out;
  });
}

describe.skipIf(!CHROME)('highlights and margin notes in Chromium', () => {
  let app: App;

  beforeAll(async () => {
    app = await openApp({ width: 1360, height: 900 });
    await openBundledArticle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the toolbar by a selection and highlights it with h', async () => {
    await selectText(app.page, 'escalation of violence');
    const toolbar = app.page.getByRole('toolbar', { name: 'Highlight the selection' });
    await toolbar.waitFor();
    expect(await toolbar.getByRole('button').count()).toBe(7);
    await app.page.keyboard.press('h');
    await marks(app).first().waitFor();
    expect(Object.values(await highlightTexts(app))).toEqual(['escalation of violence']);
    expect(await toolbar.isVisible()).toBe(false);
  });

  it('writes a note with n, saves it as typed, and finds both again after a reload', async () => {
    const { page } = app;
    await selectText(page, 'Nine months later, the truce has failed.');
    await page.keyboard.press('n');
    const editor = page.getByRole('textbox', { name: /Note/ });
    await editor.waitFor();
    await editor.pressSequentially('The truce **failed** within months. #ceasefire');
    // No explicit save: the note is kept as it is typed.
    await page.waitForTimeout(700);
    await page.reload();
    await openBundledArticle(page);
    const texts = Object.values(await highlightTexts(app));
    expect(texts).toContain('escalation of violence');
    expect(texts).toContain('Nine months later, the truce has failed.');
    const card = page.locator('.note-card').filter({ hasText: 'The truce failed within months.' });
    await card.waitFor();
    // Notes that exist when the article opens are laid out beside their lines at once.
    await expect.poll(() => page.locator('.note-card.is-unplaced').count()).toBe(0);
    const [cardBox, markBox] = await Promise.all([
      card.boundingBox(),
      page.locator('mark[data-hstart]', { hasText: 'Nine months later' }).first().boundingBox(),
    ]);
    expect(Math.abs(cardBox!.y - markBox!.y)).toBeLessThanOrEqual(2);
    expect(await card.locator('strong').innerText()).toBe('failed');
    const { highlights } = await app.library.open(app.library.list()[0]!.id);
    expect(highlights.find((h) => h.note.includes('#ceasefire'))?.tags).toEqual(['ceasefire']);
  });

  it('keeps a note typed and then left at once, without waiting', async () => {
    const { page } = app;
    await selectText(page, 'despite the fact that');
    await page.keyboard.press('n');
    const editor = page.getByRole('textbox', { name: /Note/ });
    await editor.pressSequentially('Typed and gone');
    await page.getByRole('button', { name: '← Library' }).click();
    await page.waitForTimeout(300);
    const id = app.library.list()[0]!.id;
    const { highlights } = await app.library.open(id);
    expect(highlights.map((h) => h.note)).toContain('Typed and gone');
    await openBundledArticle(page);
  });

  it('lets overlapping highlights each stay visible and be focused on its own', async () => {
    const { page } = app;
    await selectText(page, 'the truce has failed');
    await page.keyboard.press('3');
    await expect
      .poll(async () => Object.values(await highlightTexts(app)))
      .toContain('the truce has failed');
    const texts = await highlightTexts(app);
    const inner = Object.entries(texts).find(([, t]) => t === 'the truce has failed');
    expect(inner).toBeDefined();
    // The nested one sits inside the outer mark, so its background adds to the outer's.
    const nested = await page.evaluate(
      (id) => !!document.querySelector(`mark[data-hid] mark[data-hid="${id}"]`),
      inner![0],
    );
    expect(nested).toBe(true);
    await page.locator(`mark[data-hstart="${inner![0]}"]`).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.hid)).toBe(
      inner![0],
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.hid)).toBe(
      inner![0],
    );
  });

  it('makes one highlight of a selection across paragraphs', async () => {
    const { page } = app;
    const id = app.library.list()[0]!.id;
    const before = new Set((await app.library.open(id)).highlights.map((h) => h.id));
    await selectText(page, 'The demilitarized zone has been breached', 'under the cover of');
    await page.keyboard.press('2');
    await expect
      .poll(async () => (await app.library.open(id)).highlights.length)
      .toBe(before.size + 1);
    // Exactly one highlight is made, holding the end of one paragraph and the start of the next,
    // and it is drawn in both.
    const made = (await app.library.open(id)).highlights.filter((h) => !before.has(h.id));
    expect(made.map((h) => h.quote.exact)).toEqual([
      'The demilitarized zone has been breached and the highways are at the center of the ' +
        'current government offensive.\n\nSyrian ground forces have been advancing from the ' +
        'south of the rebel stronghold under the cover of',
    ]);
    await expect
      .poll(() =>
        page
          .locator(`.article-body mark[data-hid="${made[0]!.id}"]`)
          .evaluateAll((marks) => new Set(marks.map((m) => m.closest('[data-block-start]'))).size),
      )
      .toBe(2);
  });

  it('deletes the focused highlight with Delete and brings it back with Ctrl+Z, also on disk', async () => {
    const { page } = app;
    const id = app.library.list()[0]!.id;
    const target = (await app.library.open(id)).highlights.find(
      (h) => h.quote.exact === 'escalation of violence',
    )!;
    await page.locator(`mark[data-hstart="${target.id}"]`).focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator(`mark[data-hid="${target.id}"]`).count()).toBe(0);
    expect((await app.library.open(id)).highlights.some((h) => h.id === target.id)).toBe(false);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator(`mark[data-hid="${target.id}"]`).count()).toBe(1);
    expect((await app.library.open(id)).highlights.find((h) => h.id === target.id)).toEqual(target);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.locator(`mark[data-hid="${target.id}"]`).count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator(`mark[data-hid="${target.id}"]`).count()).toBe(1);
  });

  it('offers recolour, note and delete by a clicked highlight, for the mouse', async () => {
    const { page } = app;
    await selectText(page, 'preventing a bloody onslaught');
    await page.keyboard.press('1');
    const id = app.library.list()[0]!.id;
    await expect
      .poll(async () =>
        (await app.library.open(id)).highlights.some(
          (h) => h.quote.exact === 'preventing a bloody onslaught',
        ),
      )
      .toBe(true);
    const target = (await app.library.open(id)).highlights.find(
      (h) => h.quote.exact === 'preventing a bloody onslaught',
    )!;
    await page.locator(`mark[data-hstart="${target.id}"]`).click();
    const toolbar = page.getByRole('toolbar', { name: 'Change the highlight' });
    await toolbar.waitFor();
    await toolbar.getByRole('button', { name: /Make it pink/ }).click();
    await expect
      .poll(
        async () => (await app.library.open(id)).highlights.find((h) => h.id === target.id)?.color,
      )
      .toBe('pink');
    await toolbar.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.locator(`mark[data-hid="${target.id}"]`).count()).toBe(0);
  });

  it('stacks margin notes without overlap, in text order, level with their highlights', async () => {
    const { page } = app;
    // Three notes on one paragraph: they cannot all sit level with their lines.
    for (const [phrase, note] of [
      [
        'The agreement called for',
        'First note on the agreement. It runs long enough to need a few lines in the margin column.',
      ],
      ['heavy weaponry', 'Second note, close by.'],
      ['two key highways', 'Third note, also close by.'],
    ] as const) {
      await selectText(page, phrase);
      await page.keyboard.press('n');
      const editor = page.getByRole('textbox', { name: /Note/ });
      await editor.pressSequentially(note);
      await editor.press('Escape');
    }
    await page.waitForTimeout(300);
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.note-card')].map((card) => {
        const id = card.dataset.noteId!;
        const mark = document.querySelector<HTMLElement>(`mark[data-hstart="${id}"]`)!;
        const c = card.getBoundingClientRect();
        const m = mark.getClientRects()[0]!;
        return {
          id,
          top: c.top,
          bottom: c.bottom,
          left: c.left,
          markTop: m.top,
          markRight: m.right,
          start: Number(mark.closest<HTMLElement>('[data-block-start]')!.dataset.blockStart),
        };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    const byTop = [...boxes].sort((a, b) => a.top - b.top);
    for (let i = 1; i < byTop.length; i++)
      expect(byTop[i]!.top).toBeGreaterThanOrEqual(byTop[i - 1]!.bottom);
    // Text order: the highlights' own top order is the cards' order.
    const byMark = [...boxes].sort((a, b) => a.markTop - b.markTop);
    expect(byTop.map((b) => b.id)).toEqual(byMark.map((b) => b.id));
    // No note sits further from its highlight's first line than stacking every note just
    // below the one before would put the furthest one (a dense run is centred on its lines
    // instead, see margin-layout.ts); the margin is beside the text.
    let floor = -Infinity;
    let stackedWorst = 0;
    for (const b of byMark) {
      const stacked = Math.max(b.markTop, floor);
      stackedWorst = Math.max(stackedWorst, stacked - b.markTop);
      floor = stacked + (b.bottom - b.top) + 10;
      expect(b.left).toBeGreaterThan(b.markRight - 1);
    }
    const worst = Math.max(...byMark.map((b) => Math.abs(b.top - b.markTop)));
    expect(worst).toBeLessThanOrEqual(stackedWorst + 2);
    // A note pushed down draws a leader back to its line.
    expect(await page.locator('.leader').count()).toBeGreaterThanOrEqual(1);
    await page.locator('.note-card').filter({ hasText: 'Second note' }).scrollIntoViewIfNeeded();
    await app.screenshot('margin-notes-wide');
  });

  it('lights up a highlight when its note is hovered', async () => {
    const { page } = app;
    const card = page.locator('.note-card').filter({ hasText: 'Second note' });
    await card.hover();
    const id = await card.getAttribute('data-note-id');
    await expect
      .poll(() => page.locator(`mark[data-hid="${id}"].is-linked`).count())
      .toBeGreaterThan(0);
  });

  it('renders a malicious note inert: no script, no remote image, no javascript: link', async () => {
    const { page } = app;
    await selectText(page, 'Already, more than 200,000 people');
    await page.keyboard.press('n');
    const editor = page.getByRole('textbox', { name: /Note/ });
    await editor.fill(
      '<img src="https://evil.test/x.png" onerror="window.__pwned=1"> <script>window.__pwned=2</script> [click me](javascript:window.__pwned=3) ![remote](https://evil.test/y.png) <iframe src="https://evil.test"></iframe> [safe](https://example.org/)',
    );
    await editor.press('Escape');
    const card = page.locator('.note-card').filter({ hasText: 'click me' });
    await card.waitFor();
    expect(await card.locator('img, script, iframe').count()).toBe(0);
    // Raw HTML is shown as the text it is.
    expect(await card.innerText()).toContain('<script>window.__pwned=2</script>');
    const hrefs = await card
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual([null, 'https://example.org/'].filter((h) => hrefs.includes(h)));
    expect(hrefs.some((h) => h?.startsWith('javascript:'))).toBe(false);
    await card.locator('a', { hasText: 'click me' }).click();
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(app.outsideRequests).toEqual([]);
  });

  it('folds the margin into markers in a narrow window, which open the note in place', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 720, height: 900 });
    await page.locator('.note-marker').first().waitFor();
    expect(await page.locator('.note-card').count()).toBe(0);
    // Markers of notes on one line stack rather than cover one another.
    const boxes = await page.locator('.note-marker').evaluateAll((els) =>
      els.map((e) => {
        const { top, bottom } = e.getBoundingClientRect();
        return { top, bottom };
      }),
    );
    expect(boxes.length).toBeGreaterThan(2);
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom);
    const marker = page.locator('.note-marker').first();
    await marker.scrollIntoViewIfNeeded();
    await marker.click();
    await page.locator('.note-card.note-inline').waitFor();
    await app.screenshot('margin-notes-narrow');
    await page.setViewportSize({ width: 1360, height: 900 });
    // The wide margin, not the note opened in place in the narrow one.
    const card = page.locator('.margin:not(.margin-narrow) .note-card:not(.is-unplaced)').first();
    await card.waitFor();
    await expect.poll(() => page.locator('.margin-narrow').count()).toBe(0);
    // A note card takes keyboard focus, which lights its highlight, and Enter edits it.
    await card.focus();
    const id = await card.getAttribute('data-note-id');
    await expect
      .poll(() => page.locator(`mark[data-hid="${id}"].is-linked`).count())
      .toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await card.getByRole('textbox').waitFor();
    await page.keyboard.press('Escape');
  });

  it('lists every highlight in text order in the panel, with filters, and jumps to one', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Highlights', exact: true }).click();
    const items = page.locator('.highlight-list .highlight-quote');
    const quotes = await items.allInnerTexts();
    const id = app.library.list()[0]!.id;
    const { highlights, article } = await app.library.open(id);
    // The panel runs a quote over paragraphs on as one line (the highlight made across two).
    const expected = [...highlights]
      .sort((a, b) => a.position.start - b.position.start || a.position.end - b.position.end)
      .map((h) => h.quote.exact.replace(/\s+/g, ' '));
    expect(quotes).toEqual(expected);
    expect(article.text.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: '#ceasefire', exact: true }).click();
    expect(await items.allInnerTexts()).toEqual(['Nine months later, the truce has failed.']);
    await items.first().click();
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toContain('Nine months later');
    await app.screenshot('highlights-panel');
    expect(app.pageErrors.slice(0, 3).map((e) => e.slice(0, 300))).toEqual([]);
  });
});

describe.skipIf(!CHROME)('a long article in Chromium', () => {
  let app: App;
  afterAll(async () => {
    await app?.close();
  });

  it('decorates the paragraphs near the view, places every note, and reaches a far highlight from the panel', async () => {
    app = await openApp({ width: 1360, height: 900 });
    const { page } = app;
    // About 240,000 characters: long enough that only the paragraphs near the view are decorated.
    const paragraph = (i: number) =>
      `Paragraph ${i} of the council's long report sets out the budget, the roads and the harbour works in plain terms, line by line, for anyone who wants to check them.`;
    const body = Array.from({ length: 1500 }, (_, i) => paragraph(i)).join('\n\n');
    const { id } = await app.library.importText('report.txt', `The long report\n\n${body}`);
    const { article } = await app.library.open(id);
    const near = article.text.indexOf('Paragraph 2 of');
    const far = article.text.indexOf('Paragraph 1400 of');
    await app.library.createHighlight({
      articleId: id,
      start: near,
      end: near + 11,
      color: 'green',
      note: 'Near the top.',
    });
    await app.library.createHighlight({
      articleId: id,
      start: far,
      end: far + 14,
      color: 'pink',
      note: 'Far down. #far',
    });
    await page.reload();
    await page.locator('.article-card', { hasText: 'The long report' }).click();
    await page.locator('.article-body:not([aria-busy])').waitFor();

    // The near highlight is painted; the far one's paragraph is still plain text.
    await page.locator('mark[data-hstart]', { hasText: 'Paragraph 2' }).waitFor();
    expect(await page.locator('mark[data-hstart]', { hasText: 'Paragraph 1400' }).count()).toBe(0);
    expect(await page.locator('.article-body [data-plain]').count()).toBeGreaterThan(1000);

    // Both notes are placed, each level with the first line of its passage.
    await expect.poll(() => page.locator('.note-card.is-unplaced').count()).toBe(0);
    const farCard = page.locator('.note-card', { hasText: 'Far down.' });
    const farCardTop = (await farCard.boundingBox())!.y;
    const farLineTop = await page.evaluate((offset) => {
      const block = [...document.querySelectorAll<HTMLElement>('[data-block-start]')]
        .filter((b) => Number(b.dataset.blockStart) <= offset)
        .pop()!;
      const range = document.createRange();
      range.setStart(block.firstChild!, offset - Number(block.dataset.blockStart));
      range.setEnd(block.firstChild!, offset - Number(block.dataset.blockStart) + 1);
      return range.getClientRects()[0]!.top;
    }, far);
    expect(Math.abs(farCardTop - farLineTop)).toBeLessThanOrEqual(3);

    // The highlights panel jumps to the far highlight: its paragraph is decorated on the way.
    await page.getByRole('button', { name: 'Highlights', exact: true }).click();
    await page.locator('.highlight-list .highlight-quote', { hasText: 'Paragraph 1400' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Paragraph 1400');
    const mark = page.locator('mark[data-hstart]', { hasText: 'Paragraph 1400' });
    const box = (await mark.boundingBox())!;
    expect(box.y).toBeGreaterThan(0);
    expect(box.y).toBeLessThan(900);
    await app.screenshot('long-article-far-highlight');
    expect(app.pageErrors.slice(0, 3).map((e) => e.slice(0, 300))).toEqual([]);
  });
});
