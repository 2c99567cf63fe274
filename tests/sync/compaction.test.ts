/**
 * Compaction: each device folds its own logs into its snapshot and removes them; the others
 * then read what was folded from that snapshot. Two devices share one folder here (as a file-sync
 * engine makes them, without the delay), with a clock the test moves.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Library } from '../../electron/services/library.ts';
import { openLibrary } from '../../electron/services/open-library.ts';
import { JournalStore } from '../../electron/services/store/journal-store.ts';
import { tempDir } from '../helpers/temp.ts';

const ROOT = path.resolve(__dirname, '..', '..');
const SEED = path.join(ROOT, 'assets', '000_8366b94cf810edf5.txt');
const HOUR = 60 * 60_000;

const work = tempDir('sync-compaction');
let now = Date.UTC(2026, 2, 1);
const opened: Library[] = [];

afterEach(async () => {
  for (const library of opened.splice(0)) await library.close();
});

async function device(data: string, name: string): Promise<Library> {
  const { library } = await openLibrary(data, {
    store: { device: name, wallClock: () => now },
    search: { persist: false },
  });
  opened.push(library);
  return library;
}

function journal(library: Library): JournalStore {
  if (!(library.store instanceof JournalStore)) throw new Error('not a journalled store');
  return library.store;
}

async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  return total;
}

async function logsOf(data: string, name: string): Promise<string[]> {
  return readdir(path.join(data, 'devices', name, 'logs')).catch(() => []);
}

describe('compaction', () => {
  it('removes folded logs, and a deleted highlight never comes back on either side', async () => {
    const data = path.join(work, 'shared');
    const alpha = await device(data, 'alpha');
    const { id: articleId } = await alpha.importFile(SEED);
    const kept = await alpha.createHighlight({
      articleId,
      start: 0,
      end: 6,
      color: 'yellow',
      note: 'kept',
    });
    const doomed = await alpha.createHighlight({
      articleId,
      start: 10,
      end: 20,
      color: 'blue',
      note: 'doomed',
    });
    const beta = await device(data, 'beta');
    await beta.deleteHighlight({ articleId, id: doomed.id });
    await journal(alpha).refresh();
    expect((await alpha.open(articleId)).highlights.map((h) => h.id)).toEqual([kept.id]);

    now += 2 * HOUR;
    // alpha first: beta has folded nothing yet, so alpha must keep the deletion.
    expect((await journal(alpha).compact()).length).toBeGreaterThan(0);
    expect(await logsOf(data, 'alpha')).toEqual([]);
    const alphaFile = path.join(data, 'devices/alpha/snapshot/highlights', `${articleId}.json`);
    expect(await readFile(alphaFile, 'utf8')).toContain(doomed.id);
    expect((await journal(beta).compact()).length).toBeGreaterThan(0);
    expect(await logsOf(data, 'beta')).toEqual([]);
    // Now every device has folded the deletion: it is forgotten on both.
    await journal(alpha).compact();
    expect(await readFile(alphaFile, 'utf8')).not.toContain(doomed.id);
    const betaFile = path.join(data, 'devices/beta/snapshot/highlights', `${articleId}.json`);
    expect(await readFile(betaFile, 'utf8')).not.toContain(doomed.id);

    for (const library of opened.splice(0)) await library.close();
    // Each side reopened, and a third device that never saw the logs, read the same library.
    for (const name of ['alpha', 'beta', 'gamma']) {
      const library = await device(data, name);
      const { highlights } = await library.open(articleId);
      expect(
        highlights.map((h) => [h.id, h.note]),
        `${name} after compaction`,
      ).toEqual([[kept.id, 'kept']]);
    }
  });

  it('keeps the folder from growing with the number of changes', async () => {
    const data = path.join(work, 'growth');
    const alpha = await device(data, 'alpha');
    const { id: articleId } = await alpha.importFile(SEED);
    const h = await alpha.createHighlight({ articleId, start: 0, end: 6, color: 'green' });
    for (let i = 0; i < 300; i++)
      await alpha.updateHighlight({ articleId, id: h.id, note: `edit ${i}` });
    const before = await bytesUnder(path.join(data, 'devices', 'alpha'));
    await journal(alpha).compact();
    const after = await bytesUnder(path.join(data, 'devices', 'alpha'));
    expect(after).toBeLessThan(before / 5);
    for (const library of opened.splice(0)) await library.close();
    const beta = await device(data, 'beta');
    const { highlights } = await beta.open(articleId);
    expect(highlights.map((x) => x.note)).toEqual(['edit 299']);
  });
});
