import { describeRange } from '../../common/anchoring/describe-range.ts';
import { HIGHLIGHT_COLORS, type Highlight } from '../../common/model/highlight.ts';
import buildForBrowser from '../e2e/global-setup.ts';
import { CHROME, openApp, tempDataDir } from '../e2e/harness.ts';
import { median, newsText, seeded, type BenchResult } from './generate.ts';

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
 */
export async function run(): Promise<BenchResult[]> {
  if (!CHROME) {
    console.warn('paint-1M-5k-highlights skipped: no Chromium (set CHROME_PATH)');
    return [];
  }
  const cleanup = await buildForBrowser();
  const dataDir = tempDataDir();
  const app = await openApp({ dataDir, width: 1360, height: 900 });
  try {
    const text = newsText(CHARS, 3);
    const bare = await app.library.importText('bare.txt', `Bare article\n\n${text}`);
    const annotated = await app.library.importText('annotated.txt', `Annotated article\n\n${text}`);
    const { article } = await app.library.open(annotated.id);
    const random = seeded(11);
    const highlights: Highlight[] = [];
    for (let i = 0; i < HIGHLIGHTS; i++) {
      const start = Math.floor(random() * (article.text.length - 400));
      const end = start + 10 + Math.floor(random() * 290);
      const { position, quote } = describeRange(article.text, start, end);
      const stamp = new Date(0).toISOString();
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
    await app.library.store.saveHighlights(article.id, highlights);

    const timeOpen = async (title: string, notes: number) => {
      await app.page.reload();
      await app.page.locator('.article-card', { hasText: title }).waitFor();
      return app.page.evaluate(
        async ({ title, notes }) => {
          const t0 = performance.now();
          const card = [...document.querySelectorAll<HTMLButtonElement>('.article-card')].find(
            (b) => b.textContent?.includes(title),
          )!;
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
    };
    const bareTimes: number[] = [];
    const fullTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bareTimes.push(await timeOpen('Bare article', 0));
      fullTimes.push(await timeOpen('Annotated article', NOTES));
    }
    await app.screenshot('bench-1M-5k-highlights');
    const value = median(fullTimes);
    const baseline = median(bareTimes);
    void bare;
    return [
      {
        name: 'paint-1M-5k-highlights',
        value: Math.round(value),
        unit: 'ms',
        baseline: Math.round(baseline),
        ratio: Math.round((value / baseline) * 100) / 100,
      },
    ];
  } finally {
    await app.close();
    cleanup();
  }
}
