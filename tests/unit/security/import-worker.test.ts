import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLibrary } from '../../../electron/services/open-library.ts';
import { DEFAULT_BUDGET, tooLargeReason } from '../../../electron/services/import-worker/budget.ts';
import { ImportRunner } from '../../../electron/services/import-worker/runner.ts';
import { tempDir } from '../../helpers/temp.ts';

// Each test starts a worker loading the sources through tsx: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const runners: ImportRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.close()));
});

function runner(budget: Partial<typeof DEFAULT_BUDGET> = {}): ImportRunner {
  const made = new ImportRunner({ ...DEFAULT_BUDGET, ...budget });
  runners.push(made);
  return made;
}

function file(dir: string, name: string, content: string): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

const GOOD = '# The council\n\nThe council met on Tuesday and agreed the budget.\n';
/** jsdom throws the plain string `8: ")" not found` for this. */
const THROWS_STRING = '<html><head><style>@import url(</style></head><body><p>Hi</p></body></html>';

describe('imports parse in a worker thread held to a budget', () => {
  it('parses a file off the main thread', async () => {
    const dir = tempDir('worker');
    const article = await runner().parseFile(file(dir, 'good.md', GOOD));
    expect(article.title).toBe('The council');
    expect(article.text).toContain('agreed the budget');
  });

  it('gives the page jsdom cannot read a reason, not a bare string', async () => {
    const dir = tempDir('worker');
    await expect(runner().parseFile(file(dir, 'bad.html', THROWS_STRING))).rejects.toMatchObject({
      code: 'unreadable-import',
      reason: 'the page could not be read (8: ")" not found)',
    });
  });

  it('stops an import that runs over its time and names the file; the next one runs', async () => {
    const dir = tempDir('worker');
    const run = runner({ timeMs: 1000 });
    const good = file(dir, 'good.md', GOOD);
    await run.parseFile(good); // the worker is started and warm
    const slow = file(dir, 'slow.txt', 'A long day.\n\n'.repeat(2_000_000));
    await expect(run.parseFile(slow)).rejects.toMatchObject({
      code: 'too-large',
      message: `${slow}: reading it took longer than 1 s, so it was stopped`,
    });
    expect((await run.parseFile(good)).title).toBe('The council');
  });

  it('stops an import that needs more memory than its budget', async () => {
    const dir = tempDir('worker');
    const run = runner({ heapMb: 96, timeMs: 120_000 });
    const big = file(dir, 'big.md', 'Words and more words.\n\n'.repeat(1_000_000));
    await expect(run.parseFile(big)).rejects.toMatchObject({
      code: 'too-large',
      reason: 'reading it needed more than 96 MB of memory, so it was stopped',
    });
  });

  it('refuses a file over the size limit in words that read well', async () => {
    const dir = tempDir('worker');
    const over = file(dir, 'over.txt', 'a'.repeat(2 * 1024 * 1024 + 1));
    await expect(runner({ maxBytes: 2 * 1024 * 1024 }).parseFile(over)).rejects.toMatchObject({
      code: 'too-large',
      reason: 'the file is 2.1 MB; Gloss reads files up to 2 MB',
    });
    expect(tooLargeReason(54_945_000, DEFAULT_BUDGET.maxBytes)).toBe(
      'the file is 52.4 MB; Gloss reads files up to 50 MB',
    );
    expect(tooLargeReason(50 * 1024 * 1024 + 1, DEFAULT_BUDGET.maxBytes)).toBe(
      'the file is 50.1 MB; Gloss reads files up to 50 MB',
    );
  });
});

describe('a batch of imports', () => {
  it('fails the bad file alone with its reason and imports the rest; nothing of it stored', async () => {
    const dir = tempDir('batch');
    const { library } = await openLibrary(path.join(dir, 'data'), {
      search: { persist: false },
      importWorker: true,
    });
    const bad = file(dir, 'bad.html', THROWS_STRING);
    const good = file(dir, 'good.md', GOOD);
    const { results } = await library.importFiles([bad, good]);
    expect(results).toEqual([
      { file: bad, status: 'failed', error: 'the page could not be read (8: ")" not found)' },
      expect.objectContaining({ file: good, status: 'imported', title: 'The council' }),
    ]);
    expect(library.list().map((a) => a.title)).toEqual(['The council']);
  });
});
