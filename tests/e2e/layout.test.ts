import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME, openApp, openBundledArticle, type App } from './harness.ts';
import { seedNotes } from './seed-notes.ts';

/**
 * The reader's layout rules at every window width, with the Highlights panel open: the text
 * keeps at least 55 characters a line and is never covered by the panel where the window has
 * room for both (from 1,000 px). Where text, notes and panel do not all fit (1,000 and
 * 1,200 px) the margin folds into markers beside the text, none under the panel; below
 * 960 px the panel is a drawer over the page. Notes with room sit within a line of their
 * passage; leaders that run beside one another stay apart.
 */
const WIDTHS = [800, 1000, 1200, 1400, 1920];
const MIN_CHARS = 55;

interface Measure {
  chars: number;
  lineHeight: number;
  textRight: number;
  panelLeft: number | null;
  narrow: boolean;
  folded: boolean;
  /** Notes and note markers on screen, as boxes. */
  shown: Array<{ left: number; right: number; top: number; bottom: number }>;
  /** Each note marker's distance from the first line of its passage. */
  markers: number[];
  notes: Array<{ id: string; distance: number; line: number; height: number }>;
  leaders: Array<{ left: number; top: number; bottom: number }>;
}

async function measure(app: App): Promise<Measure> {
  return app.page.evaluate(() => {
    const p = document.querySelector<HTMLElement>('.article-body p.block')!;
    const probe = document.createElement('span');
    probe.textContent = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ, the and of';
    p.appendChild(probe);
    const perChar = probe.getBoundingClientRect().width / probe.textContent.length;
    probe.remove();
    const panel = document.querySelector('.side-panel')?.getBoundingClientRect();
    const notes = [...document.querySelectorAll<HTMLElement>('.note-card[data-note-id]')].map(
      (card) => {
        const id = card.dataset.noteId!;
        const mark = document.querySelector(`mark[data-hstart="${CSS.escape(id)}"]`)!;
        const top = mark.getClientRects()[0]!.top;
        const box = card.getBoundingClientRect();
        return { id, distance: Math.abs(box.top - top), line: top, height: box.height };
      },
    );
    const leaders = [...document.querySelectorAll<HTMLElement>('.leader')].map((l) => {
      const r = l.getBoundingClientRect();
      return { left: r.left, top: r.top, bottom: r.bottom };
    });
    const box = (r: DOMRect) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    const shown = [...document.querySelectorAll<HTMLElement>('.note-card, .note-marker')]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.bottom > 49 && r.top < innerHeight)
      .map(box);
    const markerRows = [...document.querySelectorAll<HTMLElement>('.note-marker')];
    const passages = [...document.querySelectorAll<HTMLElement>('mark[data-hstart].has-note')];
    const markers = markerRows.map((m, i) => {
      const line = passages[i]?.getClientRects()[0];
      return line ? Math.abs(m.getBoundingClientRect().top - line.top) : Infinity;
    });
    return {
      chars: p.clientWidth / perChar,
      lineHeight: parseFloat(getComputedStyle(p).lineHeight),
      textRight: p.getBoundingClientRect().right,
      panelLeft: panel ? panel.left : null,
      narrow: document.querySelector('.reader.is-narrow') !== null,
      folded: document.querySelector('.reader.is-folded') !== null,
      shown,
      markers,
      notes,
      leaders,
    };
  });
}

describe.skipIf(!CHROME)('the reader at five window widths', () => {
  let app: App;
  const results: Record<number, Measure> = {};

  beforeAll(async () => {
    app = await openApp({ width: 1400, height: 900 });
    await seedNotes(app.library);
    await app.page.reload();
    await openBundledArticle(app.page);
  });
  afterAll(async () => {
    console.log(
      'layout:',
      JSON.stringify(
        Object.entries(results).map(([w, m]) => ({
          width: Number(w),
          chars: Math.round(m.chars),
          narrow: m.narrow,
          folded: m.folded,
          panelGap: m.panelLeft === null ? null : Math.round(m.panelLeft - m.textRight),
          worstNote: Math.round(Math.max(0, ...m.notes.map((n) => n.distance))),
          leaders: m.leaders.length,
        })),
      ),
    );
    await app?.close();
  });

  for (const width of WIDTHS) {
    it(`keeps the text readable at ${width} px with the Highlights panel open`, async () => {
      const { page } = app;
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => window.scrollTo(0, 0));
      const toggle = page.getByRole('button', { name: 'Highlights', exact: true });
      if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
      await page.locator('.side-panel').waitFor();
      await page.waitForTimeout(300);
      const m = await measure(app);
      results[width] = m;
      await app.screenshot(`layout-${width}`);

      expect(m.chars).toBeGreaterThanOrEqual(MIN_CHARS);
      expect(m.narrow).toBe(width < 960);
      // Text, notes and panel side by side from 1,400 px; below that the notes fold.
      expect(m.folded).toBe(width < 1400);
      if (width < 1000) return;
      // From 1,000 px the panel lies beside the text and the notes, never over them.
      expect(m.panelLeft!).toBeGreaterThanOrEqual(m.textRight);
      expect(m.shown.length).toBeGreaterThan(0);
      for (const note of m.shown) expect(note.right).toBeLessThanOrEqual(m.panelLeft!);
      // A folded note's marker is level with its passage.
      if (m.folded) {
        expect(m.markers.length).toBe(6);
        const level = m.markers.filter((d) => d <= m.lineHeight);
        // Two notes start on one line: the second marker stacks just below the first.
        expect(level.length).toBeGreaterThanOrEqual(m.markers.length - 1);
      }
    });
  }

  it('edges each item of the Highlights panel in its colour and renders its note', async () => {
    const { page } = app;
    const items = page.locator('.side-panel .highlight-item');
    const edges = await items.evaluateAll((els) =>
      els.map((el) => getComputedStyle(el).borderLeftColor),
    );
    expect(new Set(edges).size).toBe(5);
    const note = items.filter({ hasText: 'is the story' }).locator('.highlight-note');
    await expect(note.locator('strong').innerText()).resolves.toBe('escalation');
    expect(await note.innerText()).not.toContain('**');
    await app.screenshot('highlights-panel');
  });

  it('sets notes with room beside their passage, and leaders apart from one another', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1920, height: 900 });
    await page.getByRole('button', { name: 'Highlights', exact: true }).click();
    await page.waitForTimeout(300);
    const m = await measure(app);
    const byText = async (text: string) =>
      page.locator('mark[data-hstart]', { hasText: text }).first().getAttribute('data-hstart');
    // Two notes far from any other: level with their lines.
    for (const text of ['have an incentive to cooperate', 'the regime must be controlled']) {
      const id = await byText(text);
      const note = m.notes.find((n) => n.id === id)!;
      expect(note.distance).toBeLessThanOrEqual(m.lineHeight);
    }
    // The dense run: its worst note is far closer to its passage than stacking each note
    // below the one before (which put one 238 px away beside an unrelated paragraph).
    let floor = -Infinity;
    let greedyWorst = 0;
    for (const n of [...m.notes].sort((a, b) => a.line - b.line)) {
      const top = Math.max(n.line, floor);
      greedyWorst = Math.max(greedyWorst, top - n.line);
      floor = top + n.height + 10;
    }
    const worst = Math.max(...m.notes.map((n) => n.distance));
    console.log(
      `dense notes: worst ${Math.round(worst)} px, stacked ${Math.round(greedyWorst)} px`,
    );
    expect(worst).toBeLessThanOrEqual(0.6 * greedyWorst);
    // Leaders whose vertical runs overlap run at different x positions.
    for (let i = 0; i < m.leaders.length; i++)
      for (let j = i + 1; j < m.leaders.length; j++) {
        const a = m.leaders[i]!;
        const b = m.leaders[j]!;
        const overlap = a.top < b.bottom && b.top < a.bottom;
        if (overlap) expect(Math.abs(a.left - b.left)).toBeGreaterThanOrEqual(4);
      }
    await app.screenshot('layout-notes-1920');
  });

  it('reads calmly at 1,400 px with notes and no panel (the README screenshot)', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    expect(await page.locator('.side-panel').count()).toBe(0);
    const m = await measure(app);
    expect(m.chars).toBeGreaterThanOrEqual(MIN_CHARS);
    await app.screenshot('reader-notes-1400');
  });
});
