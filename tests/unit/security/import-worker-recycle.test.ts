/**
 * What a parser keeps between imports (jsdom keeps some per page) cannot pile up: the import
 * worker is replaced after RECYCLE_AFTER imports and ended when idle, and `npm run soak`
 * measures the heap over 1,000 saved-page imports (tests/soak/hostile/heap.ts).
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ImportRunner, RECYCLE_AFTER } from '../../../electron/services/import-worker/runner.ts';

vi.setConfig({ testTimeout: 180_000 });

const runner = new ImportRunner();
afterAll(() => runner.close());

describe('the import worker', () => {
  it(`is replaced after ${RECYCLE_AFTER} imports, and ended when idle`, async () => {
    for (let i = 0; i <= RECYCLE_AFTER; i++) {
      const article = await runner.run({
        kind: 'text',
        fileName: `note-${i}.md`,
        text: `# Item ${i}\n\nThe council met.\n`,
      });
      expect(article.title).toBe(`Item ${i}`);
    }
    expect(runner.workersStarted).toBe(2);
    expect(runner.lastWorkerHeap).toBeGreaterThan(0);
    expect(runner.workerAlive).toBe(true);
    // Idle workers go after two seconds, taking their heap with them.
    await expect.poll(() => runner.workerAlive, { timeout: 10_000, interval: 200 }).toBe(false);
  });
});
