import { rm } from 'node:fs/promises';
import buildForBrowser from '../e2e/global-setup.ts';
import { CHROME, openApp, tempDataDir, type App } from '../e2e/harness.ts';
import { median, row, type BenchResult } from './generate.ts';
import { writeLibrary } from './paint.ts';

const RUNS = 2;
/** Pixels scrolled per frame, a brisk scroll. */
const SCROLL_STEP = 400;
/**
 * The scroll is sampled: a run of frames at each of several places spread from the top of the
 * article to its end, rather than every frame of the whole length (over a thousand frames, which
 * made the suite take many minutes). Each run starts with a jump that is not timed.
 */
const SCROLL_PLACES = 12;
const FRAMES_PER_PLACE = 30;

/**
 * How smooth the reader stays on the 1,000,000-character article of paint.ts with 5,000
 * highlights and 500 notes, against the same article bare, in Chromium in the same run:
 * the 95th-percentile frame while scrolling top to bottom, and the time from the click on a
 * toolbar colour (fired on mouse-up) until the new highlight is painted.
 */
export async function run(): Promise<BenchResult[]> {
  if (!CHROME) {
    throw new Error(
      'reader-smooth needs Chromium: none at /usr/bin/chromium, /usr/bin/chromium-browser ' +
        'or /usr/bin/google-chrome; install it or set CHROME_PATH',
    );
  }
  const cleanup = await buildForBrowser();
  const dataDir = tempDataDir();
  const frames = { bare: [] as number[], full: [] as number[] };
  const creates = { bare: [] as number[], full: [] as number[] };
  try {
    await writeLibrary(dataDir);
    for (let i = 0; i < RUNS; i++) {
      const app = await openApp({ dataDir, width: 1360, height: 900 });
      try {
        const order: Array<['bare' | 'full', string]> = [
          ['bare', 'Bare article'],
          ['full', 'Annotated article'],
        ];
        if (i % 2 === 1) order.reverse();
        for (const [kind, title] of order) {
          await open(app, title);
          creates[kind].push(await timeCreate(app));
          frames[kind].push(await scrollP95(app));
        }
        if (app.pageErrors.length > 0)
          throw new Error(`the page reported errors: ${app.pageErrors.join('; ')}`);
      } finally {
        await app.close();
      }
    }
    const size = '1,000,000 chars, 5,000 highlights, 500 notes';
    const against = 'the same article with no highlights, in the same run';
    return [
      row({
        name: 'scroll-1M-5k-p95-frame',
        value: median(frames.full),
        unit: 'ms',
        size:
          `${size}; ${FRAMES_PER_PLACE} frames at ${SCROLL_STEP} px a frame at each of ` +
          `${SCROLL_PLACES} places top to bottom, median of ${RUNS} runs`,
        baseline: median(frames.bare),
        against,
      }),
      row({
        name: 'highlight-create-paint-5k',
        value: median(creates.full),
        unit: 'ms',
        size: `${size}; colour clicked on a selection until painted, median of ${RUNS}`,
        baseline: median(creates.bare),
        against,
      }),
    ];
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    cleanup();
  }
}

async function open(app: App, title: string): Promise<void> {
  await app.page.reload({ timeout: 120_000 });
  await app.page.locator('.article-card', { hasText: title }).click({ timeout: 120_000 });
  await app.page.locator('.article-body:not([aria-busy="true"])').waitFor({ timeout: 120_000 });
  await app.page.evaluate(() => window.scrollTo(0, 0));
  await app.page.waitForTimeout(500);
}

/** Milliseconds from the click on a colour for a selected sentence until its mark is painted. */
async function timeCreate(app: App): Promise<number> {
  return app.page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    // A stretch of the second paragraph in view, clear of any highlight.
    const block = document.querySelectorAll<HTMLElement>('.article-body [data-block-start]')[2]!;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let text: Text | null = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if ((n.textContent?.length ?? 0) > 40 && !n.parentElement?.closest('mark')) {
        text = n as Text;
        break;
      }
    }
    if (!text) throw new Error('no plain text in the paragraph to select');
    const range = document.createRange();
    range.setStart(text, 5);
    range.setEnd(text, 35);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    const before = document.querySelectorAll('mark[data-hstart]').length;
    let swatch: HTMLElement | null = null;
    for (let i = 0; i < 60 && !swatch; i++) {
      await frame();
      swatch = document.querySelector<HTMLElement>('.selection-toolbar .swatch');
    }
    if (!swatch) throw new Error('no toolbar by the selection');
    const t0 = performance.now();
    swatch.click();
    while (document.querySelectorAll('mark[data-hstart]').length <= before) {
      if (performance.now() - t0 > 30_000) throw new Error('the highlight was never painted');
      await frame();
    }
    await frame();
    return performance.now() - t0;
  });
}

/** The 95th-percentile frame time, in ms, while scrolling at places from top to bottom. */
async function scrollP95(app: App): Promise<number> {
  return app.page.evaluate(
    async ({ step, places, perPlace }) => {
      const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
      const times: number[] = [];
      const end = document.documentElement.scrollHeight - innerHeight;
      for (let p = 0; p < places; p++) {
        window.scrollTo(0, Math.max(0, (end - step * perPlace) * (p / (places - 1))));
        await frame();
        let last = await frame();
        for (let i = 0; i < perPlace; i++) {
          window.scrollBy(0, step);
          const now = await frame();
          times.push(now - last);
          last = now;
        }
      }
      times.sort((a, b) => a - b);
      return times[Math.floor(times.length * 0.95)] ?? 0;
    },
    { step: SCROLL_STEP, places: SCROLL_PLACES, perPlace: FRAMES_PER_PLACE },
  );
}
