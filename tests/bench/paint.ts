import { rm } from 'node:fs/promises';
import { describeRange } from '../../common/anchoring/describe-range.ts';
import { HIGHLIGHT_COLORS, type Highlight } from '../../common/model/highlight.ts';
import { openLibrary } from '../../electron/services/open-library.ts';
import buildForBrowser from '../e2e/global-setup.ts';
import { CHROME, ROOT, openApp, tempDataDir, type App } from '../e2e/harness.ts';
import { median, newsText, row, seeded, type BenchResult } from './generate.ts';

const CHARS = 1_000_000;
const HIGHLIGHTS = 5_000;
const NOTES = 500;
const RUNS = 3;

/**
 * Time from clicking an article in the library to its page painted with the highlights in view
 * and every margin note laid out, for a 1,000,000-character article with 5,000 highlights and
 * 500 notes, against the same article with none, measured in Chromium in the same run. (So long
 * an article decorates the paragraphs within a few screens of the view, and the rest as the
 * reader scrolls; all 500 notes are placed either way.)
 *
 * The library is written to a data folder first; each run then starts the services afresh on
 * that folder, as the app does when it starts, so both articles and the highlights are read from
 * their files on disk through the store, never from a copy the services already hold in memory.
 */
export async function run(): Promise<BenchResult[]> {
  if (!CHROME) {
    throw new Error(
      'paint-1M-5k-highlights needs Chromium: none at /usr/bin/chromium, ' +
        '/usr/bin/chromium-browser or /usr/bin/google-chrome; install it or set CHROME_PATH',
    );
  }
  const cleanup = await buildForBrowser();
  const dataDir = tempDataDir();
  try {
    const annotatedId = await writeLibrary(dataDir);
    const bareTimes: number[] = [];
    const fullTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const app = await openApp({ dataDir, width: 1360, height: 900 });
      try {
        // Alternate the order, so that neither article always comes first after the start.
        const order: Array<[string, number, number[]]> = [
          ['Bare article', 0, bareTimes],
          ['Annotated article', NOTES, fullTimes],
        ];
        if (i % 2 === 1) order.reverse();
        for (const [title, notes, times] of order) times.push(await timeOpen(app, title, notes));
        if (i === RUNS - 1) await app.screenshot('bench-1M-5k-highlights');
        if (app.pageErrors.length > 0)
          throw new Error(`the page reported errors: ${app.pageErrors.join('; ')}`);
      } finally {
        await app.close();
      }
    }
    console.error(`paint: annotated article ${annotatedId}, ${RUNS} runs each`);
    return [
      row({
        name: 'paint-1M-5k-highlights',
        value: median(fullTimes),
        unit: 'ms',
        size:
          `${CHARS.toLocaleString('en')} chars, ${HIGHLIGHTS.toLocaleString('en')} highlights, ` +
          `${NOTES} notes, read from disk; median of ${RUNS} fresh starts`,
        baseline: median(bareTimes),
        against: 'the same article with no highlights, opened the same way in the same run',
      }),
    ];
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    cleanup();
  }
}

/** Writes the two articles and the highlights through the services; returns the annotated id
 * (also the library of reader-smooth.ts). */
export async function writeLibrary(dataDir: string): Promise<string> {
  const { library } = await openLibrary(dataDir, { seed: true, appRoot: ROOT });
  try {
    const text = newsText(CHARS, 3);
    await library.importText('bare.txt', `Bare article\n\n${text}`);
    const annotated = await library.importText('annotated.txt', `Annotated article\n\n${text}`);
    const { article } = await library.open(annotated.id);
    const random = seeded(11);
    const highlights: Highlight[] = [];
    const stamp = new Date(0).toISOString();
    for (let i = 0; i < HIGHLIGHTS; i++) {
      const start = Math.floor(random() * (article.text.length - 400));
      const end = start + 10 + Math.floor(random() * 290);
      const { position, quote } = describeRange(article.text, start, end);
      highlights.push({
        id: `h${i.toString(16).padStart(8, '0')}`,
        articleId: article.id,
        position,
        quote,
        color: HIGHLIGHT_COLORS[i % 5]!,
        note:
          i % (HIGHLIGHTS / NOTES) === 0
            ? `Note ${i}: worth checking against the council minutes. #bench`
            : '',
        tags: [],
        created: stamp,
        updated: stamp,
        orphan: false,
      });
    }
    await library.store.saveHighlights(article.id, highlights);
    return article.id;
  } finally {
    library.search.close();
  }
}

/** Milliseconds from a click on the article's card to its page painted, `notes` notes laid out. */
async function timeOpen(app: App, title: string, notes: number): Promise<number> {
  await app.page.reload();
  await app.page.locator('.article-card', { hasText: title }).waitFor();
  return app.page.evaluate(
    async ({ title, notes }) => {
      const t0 = performance.now();
      const card = [...document.querySelectorAll<HTMLButtonElement>('.article-card')].find((b) =>
        b.textContent?.includes(title),
      );
      if (!card) throw new Error(`no card for "${title}" in the library`);
      card.click();
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          // A long article decorates the paragraphs near the view and is busy until it has.
          const body = document.querySelector('.article-body:not([aria-busy="true"])');
          const placed = document.querySelectorAll('.note-card:not(.is-unplaced)').length;
          if (body && placed >= notes) resolve();
          else if (performance.now() - t0 > 120_000)
            reject(new Error(`only ${placed} of ${notes} notes laid out after 120 s`));
          else requestAnimationFrame(check);
        };
        check();
      });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const elapsed = performance.now() - t0;
      const inView = [...document.querySelectorAll('mark.hl')].filter((m) => {
        const r = m.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      }).length;
      if (notes > 0 && inView === 0) throw new Error('no highlight painted in view');
      return elapsed;
    },
    { title, notes },
  );
}
