/** axe-core (WCAG 2.2 AA rules) over the page as it is now: "rule ×count: targets" per finding. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function axeFindings(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's CSP rightly refuses an inline script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SOURCE}\n;0`);
  return page.evaluate(async (tags) => {
    type Result = { violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> };
    const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<Result> } };
    const result = await w.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (v) => `${v.id} ×${v.nodes.length}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
    );
  }, WCAG_22_AA);
}
