/** Emphasis, strong, code and links inside a Markdown article's paragraphs, in the reader. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME, openApp, type App } from './harness.ts';

const MARKDOWN = `---
title: Why ports burn
author: Lena Ortiz
---

Fires in ports start *small*, with **one spark** near the \`fuel_line\` valve, as the
[harbour report](https://ledger.test/report) says. Crews then have minutes, not hours.

A second paragraph without marks, so that the reader has a plain one too.
`;

describe.skipIf(!CHROME)('inline marks in the reader, in Chromium', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows emphasis, strong, code and links, and keeps the text and offsets as they were', async () => {
    const { page, library } = app;
    const { id } = await library.importText('ports.md', MARKDOWN);
    const { article } = await library.open(id);
    const at = article.text.indexOf('one spark near');
    // A highlight that starts inside the strong run and ends in plain text.
    await library.createHighlight({ articleId: id, start: at + 4, end: at + 19, color: 'green' });
    await page.reload();
    await page.locator(`.article-card[data-article-id="${id}"]`).click();
    await page.locator('h1#article-title', { hasText: 'Why ports burn' }).waitFor();
    const body = page.locator('.article-body');
    expect(await body.locator('em').first().innerText()).toBe('small');
    expect(await body.locator('strong').allInnerTexts()).toEqual(['one ', 'spark']);
    expect(await body.locator('code.inline-code').innerText()).toBe('fuel_line');
    const link = body.locator('.inline-link');
    expect(await link.innerText()).toBe('harbour report');
    expect(await link.getAttribute('title')).toBe('https://ledger.test/report');
    // No markup characters in the text, and the highlight covers exactly its words.
    const first = body.locator('[data-block-start]', { hasText: 'Fires in ports' });
    const start = Number(await first.getAttribute('data-block-start'));
    const block = article.blocks.find((b) => b.start === start)!;
    expect(await first.evaluate((el) => el.textContent)).toBe(
      article.text.slice(block.start, block.end),
    );
    expect(await body.locator('mark.hl-green').allInnerTexts()).toEqual([
      article.text.slice(at + 4, at + 19),
    ]);
    await app.screenshot('reader-markdown-marks');
    expect(app.pageErrors).toEqual([]);
  });
});
