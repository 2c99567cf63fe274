/**
 * What the import budget (electron/services/import-worker/budget.ts) is chosen from: how long
 * the largest files Gloss reads take to parse in the import worker, and how much memory that
 * needs, against parsing the same file in the main thread as imports once did.
 * `npm run bench -- --only=import-budget`.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_BUDGET } from '../../electron/services/import-worker/budget.ts';
import { ImportRunner } from '../../electron/services/import-worker/runner.ts';
import { runTask } from '../../electron/services/import-worker/tasks.ts';
import { row, type BenchResult } from './generate.ts';

const MB = 1024 * 1024;

/** A news-feed style text of about `bytes`: paragraphs of quoted and reported speech. */
function text(bytes: number): string {
  const paragraph =
    '"We worked through the night to reopen the harbour," said Ana Costa, the harbour master, ' +
    'adding that the ferries would run again on Thursday.\n\n';
  return `Harbour reopens\n\nReuters | Lisbon\n\n${paragraph.repeat(Math.ceil(bytes / paragraph.length))}`;
}

/** A saved page of about `bytes`: navigation, an article of sections and paragraphs, a footer. */
function page(bytes: number): string {
  const section =
    '<section><h2>The crossing</h2><p>The ferry left the <em>quay</em> at dusk, ' +
    '<a href="https://example.test/x">the master said</a>.</p><blockquote><p>"We sail at nine."' +
    '</p></blockquote><ul><li>Tickets</li><li>Timetables</li></ul></section>\n';
  const body = section.repeat(Math.ceil(bytes / section.length));
  return `<!doctype html><html><head><title>The harbour</title></head><body><nav><a href="/">Home</a></nav><article><h1>The harbour</h1>${body}</article><footer>© Harbour Times</footer></body></html>`;
}

/** Peak resident memory of this process so far, in MB (the worker is a thread of it). */
const peakMb = () => process.resourceUsage().maxRSS / 1024;

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-budget-'));
  const runner = new ImportRunner({ ...DEFAULT_BUDGET, timeMs: 600_000, heapMb: 4096 });
  const results: BenchResult[] = [];
  try {
    // Start the worker first: its start is not an import's time.
    await runner.run({ kind: 'text', fileName: 'warm.md', text: '# Warm\n\nUp.\n' });
    const cases: Array<[string, string, number]> = [
      ['text', 'article.txt', 49 * MB],
      // Pages are read by Readability element by element: a generated 2 MB page of 50,000
      // elements did not finish within 600 s here, so the pages measured are small.
      ['saved page', 'page.html', 0.1 * MB],
      ['saved page', 'page.html', 0.5 * MB],
    ];
    for (const [kind, name, bytes] of cases) {
      const file = path.join(dir, name);
      writeFileSync(file, kind === 'text' ? text(bytes) : page(bytes));
      const size = `${kind} of ${bytes / MB} MB`;
      let started = performance.now();
      const peakBefore = peakMb();
      await runner.parseFile(file);
      const workerSeconds = (performance.now() - started) / 1000;
      const workerPeak = peakMb() - peakBefore;
      started = performance.now();
      await runTask({ kind: 'file', file, maxBytes: DEFAULT_BUDGET.maxBytes });
      const mainSeconds = (performance.now() - started) / 1000;
      results.push(
        row({
          name: `import-budget: ${kind} parsed in the import worker`,
          value: workerSeconds,
          unit: 's',
          size,
          baseline: mainSeconds,
          against: 'the same file parsed in the main thread',
        }),
        row({
          name: `import-budget: ${kind}, peak memory added by the import`,
          value: workerPeak,
          unit: 'MB',
          size,
          baseline: null,
          against: 'the process before the import (peak resident set)',
        }),
      );
    }
  } finally {
    await runner.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
