import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME, openApp, openBundledArticle, selectText, type App } from './harness.ts';
import { seedNotes } from './seed-notes.ts';

/** axe-core's browser build, injected into the page as a script of its own. */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * Best-practice rules run as well: one main landmark per view, and all content inside some
 * landmark (a screen reader's landmark list then reaches everything, tooltips included).
 */
const BEST_PRACTICE = ['landmark-one-main', 'region'];
const THEMES = ['light', 'sepia', 'dark'] as const;

interface Finding {
  id: string;
  impact: string | null;
  nodes: string[];
}

async function axe(page: Page): Promise<Finding[]> {
  // The app's Content-Security-Policy refuses inline scripts (page.addScriptTag), as it
  // should; a script evaluated through the DevTools protocol is not subject to it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SOURCE}\n;0`);
  return page.evaluate(
    async ({ tags, extra }) => {
      type Result = {
        violations: Array<{
          id: string;
          impact: string | null;
          nodes: Array<{ target: unknown[] }>;
        }>;
      };
      const w = window as unknown as {
        axe: {
          run(ctx: Document, o: object): Promise<Result>;
          getRules(tags: string[]): Array<{ ruleId: string }>;
        };
      };
      const rules = [...w.axe.getRules(tags).map((r) => r.ruleId), ...extra];
      const result = await w.axe.run(document, { runOnly: { type: 'rule', values: rules } });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => n.target.join(' ')),
      }));
    },
    { tags: WCAG_22_AA, extra: BEST_PRACTICE },
  );
}

/** Each view of the app, reached as a user would, and how to leave it again. */
const VIEWS: Array<{
  name: string;
  open(page: Page): Promise<void>;
  close?(page: Page): Promise<void>;
}> = [
  {
    name: 'library',
    open: async (page) => void (await page.locator('.article-card').first().waitFor()),
  },
  {
    name: 'trash',
    open: async (page) => {
      await page.getByRole('button', { name: 'Trash', exact: true }).click();
      await page.getByRole('heading', { name: 'Trash' }).waitFor();
    },
    close: async (page) => {
      await page.locator('.trash').getByRole('button', { name: 'Close' }).click();
    },
  },
  {
    name: 'shortcuts dialog',
    open: async (page) => {
      await page.locator('body').focus();
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'notebook',
    open: async (page) => {
      await page.getByRole('button', { name: 'Notebook' }).click();
      await page.locator('.notebook-item').first().waitFor();
    },
    close: async (page) => {
      await page.getByRole('button', { name: 'Library', exact: true }).click();
      await page.locator('.article-card').first().waitFor();
    },
  },
  {
    name: 'reader',
    open: async (page) => {
      await openBundledArticle(page);
      await page.locator('.note-card:not(.is-unplaced)').first().waitFor();
    },
  },
  {
    name: 'selection toolbar',
    open: async (page) => {
      await selectText(page, 'Turkish soldiers on the ground');
      await page.getByRole('toolbar', { name: 'Highlight the selection' }).waitFor();
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await page.getByRole('toolbar').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'tooltip open',
    open: async (page) => {
      await page.locator('.article-body [data-aid]').first().hover();
      await page.getByRole('tooltip').waitFor();
    },
    close: async (page) => {
      await page.mouse.move(2, 2);
      await page.getByRole('tooltip').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'Highlights panel',
    open: async (page) => {
      await page.getByRole('button', { name: 'Highlights', exact: true }).click();
      await page.locator('.side-panel').waitFor();
    },
    close: async (page) => {
      await page.getByRole('button', { name: 'Highlights', exact: true }).click();
    },
  },
  {
    name: 'Sources panel',
    open: async (page) => {
      await page.getByRole('button', { name: 'Sources', exact: true }).click();
      await page.locator('.side-panel').waitFor();
    },
    close: async (page) => {
      await page.getByRole('button', { name: 'Sources', exact: true }).click();
    },
  },
  {
    name: 'note editor',
    open: async (page) => {
      await page.locator('.note-card .note-text').first().click();
      await page.locator('.note-editor').waitFor();
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await page.locator('.note-editor').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'settings (Aa)',
    open: async (page) => {
      await page.getByRole('button', { name: 'Aa' }).click();
      await page.getByRole('dialog', { name: 'Reading settings' }).waitFor();
    },
    close: async (page) => {
      await page.getByRole('button', { name: 'Aa' }).click();
    },
  },
  {
    name: 'find bar',
    open: async (page) => {
      await page.locator('.article-body').click({ position: { x: 2, y: 2 } });
      await page.keyboard.press('Control+f');
      await page.getByRole('search', { name: 'Find in article' }).waitFor();
      await page.keyboard.type('Idlib');
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
    },
  },
];

describe.skipIf(!CHROME)('axe-core finds no WCAG 2.2 AA or landmark violation in any view', () => {
  for (const theme of THEMES) {
    describe(`${theme} theme`, () => {
      let app: App;
      beforeAll(async () => {
        app = await openApp({ width: 1400, height: 900 });
        await seedNotes(app.library);
        await app.page.evaluate((t) => {
          localStorage.setItem(
            'gloss.reader-settings',
            JSON.stringify({ theme: t, font: 'serif', size: 'normal', width: 'normal' }),
          );
        }, theme);
        await app.page.reload();
      });
      afterAll(async () => {
        await app?.close();
      });

      it('in every view', async () => {
        const { page } = app;
        const report: string[] = [];
        const counts: Record<string, number> = {};
        for (const view of VIEWS) {
          await view.open(page);
          await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
          const found = await axe(page);
          counts[view.name] = found.reduce((n, f) => n + f.nodes.length, 0);
          for (const f of found)
            report.push(
              `${view.name}: ${f.id} (${f.impact}) ×${f.nodes.length}: ${f.nodes.slice(0, 3).join(' | ')}`,
            );
          await view.close?.(page);
        }
        console.log(`axe ${theme}: ${JSON.stringify(counts)}`);
        expect(report).toEqual([]);
      });
    });
  }
});
