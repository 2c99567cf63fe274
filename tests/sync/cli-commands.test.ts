import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.ts';
import { main } from '../../electron/cli/main.ts';
import {
  describeStatus,
  syncCommand,
  type DeviceLogs,
  type SyncStatus,
} from '../../electron/cli/commands/sync.ts';
import type { Output } from '../../electron/cli/output.ts';
import { openLibrary } from '../../electron/services/open-library.ts';
import { deviceLogsMissing } from './devices.ts';
import { FolderCopySync } from './folder-copy.ts';

const ROOT = path.resolve(__dirname, '..', '..');
const SEED = path.join(ROOT, 'assets', '000_8366b94cf810edf5.txt');

/** This file's temp folder, removed after its tests (tests/helpers/temp.ts). */
const work = tempDir('sync-cli');

const storeMissing = await deviceLogsMissing();
if (storeMissing)
  console.warn(`gloss sync status on a real two-device folder skipped: ${storeMissing}`);

// The device these tests write as, so that none is named in the user's own config folder.
const deviceBefore = process.env.GLOSS_DEVICE;
beforeAll(() => {
  process.env.GLOSS_DEVICE = 'test-device';
});
afterAll(() => {
  if (deviceBefore === undefined) delete process.env.GLOSS_DEVICE;
  else process.env.GLOSS_DEVICE = deviceBefore;
});

function capture(): Output & {
  out: (t: string) => void;
  text: () => { out: string; err: string };
} {
  let out = '';
  let err = '';
  return {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    text: () => ({ out, err }),
  };
}

/** A library with the bundled article and two highlights, one with a note. */
async function annotated(name: string) {
  const data = path.join(work, name);
  const { library } = await openLibrary(data);
  const { id } = await library.importFile(SEED);
  const { article } = await library.open(id);
  const at = article.text.indexOf('have an incentive');
  const first = await library.createHighlight({
    articleId: id,
    start: at,
    end: at + 17,
    color: 'yellow',
    note: 'first',
  });
  const second = await library.createHighlight({ articleId: id, start: 0, end: 6, color: 'blue' });
  return { data, articleId: id, first, second };
}

async function highlightsNow(data: string, articleId: string) {
  const { library } = await openLibrary(data);
  return (await library.open(articleId)).highlights;
}

/** Runs `gloss ARGS --data DATA` as a script would, capturing what it prints. */
async function gloss(data: string, ...args: string[]) {
  const io = capture();
  const code = await main([...args, '--data', data], io);
  return { code, ...io.text() };
}

describe('gloss highlights', () => {
  it('deletes one highlight, and says which one is missing when asked again', async () => {
    const { data, articleId, first, second } = await annotated('delete');
    const deleted = await gloss(
      data,
      'highlights',
      'delete',
      first.id,
      '--article',
      articleId,
      '--json',
    );
    expect(deleted.code).toBe(0);
    expect(JSON.parse(deleted.out)).toEqual({
      deleted: { id: first.id, articleId, exact: 'have an incentive', note: 'first', tags: [] },
    });
    expect((await highlightsNow(data, articleId)).map((h) => h.id)).toEqual([second.id]);

    const again = await gloss(data, 'highlights', 'delete', first.id, '--article', articleId);
    expect(again.code).toBe(1);
    expect(again.err).toBe(
      `gloss highlights delete: no highlight ${first.id} in article ${articleId}\n`,
    );
    expect((await highlightsNow(data, articleId)).map((h) => h.id)).toEqual([second.id]);
  });

  it('replaces a note, with its tags, and clears it with ""', async () => {
    const { data, articleId, first, second } = await annotated('note');
    const noted = await gloss(
      data,
      'highlights',
      'note',
      second.id,
      '--article',
      articleId,
      '--text',
      'Why now? #idlib',
    );
    expect(noted.code).toBe(0);
    expect(noted.out).toMatch(new RegExp(`^noted  ${second.id}  `));
    let stored = await highlightsNow(data, articleId);
    expect(stored.find((h) => h.id === second.id)).toMatchObject({
      note: 'Why now? #idlib',
      tags: ['idlib'],
    });
    expect(stored.find((h) => h.id === first.id)?.note).toBe('first');

    const cleared = await gloss(
      data,
      'highlights',
      'note',
      first.id,
      '--article',
      articleId,
      '--text',
      '',
    );
    expect(cleared.code).toBe(0);
    stored = await highlightsNow(data, articleId);
    expect(stored.find((h) => h.id === first.id)?.note).toBe('');
  });

  it('exits 1 with one line for an unknown highlight or article, 2 for a wrong command line', async () => {
    const { data, articleId } = await annotated('errors');
    const missing = await gloss(
      data,
      'highlights',
      'note',
      'hnothere',
      '--article',
      articleId,
      '--text',
      'x',
    );
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(
      `gloss highlights note: no highlight hnothere in article ${articleId}\n`,
    );

    const noArticle = await gloss(data, 'highlights', 'delete', 'h1', '--article', 'anothere');
    expect(noArticle.code).toBe(1);
    expect(noArticle.err.trim().split('\n')).toEqual([
      `gloss highlights delete: no article with id anothere in ${data}`,
    ]);

    const cases: Array<[string[], RegExp]> = [
      [['rename', 'h1', '--article', articleId], /say delete or note/],
      [['delete', '--article', articleId], /name one highlight id/],
      [['delete', 'h1'], /--article ID/],
      [['note', 'h1', '--article', articleId], /--text TEXT/],
    ];
    for (const [args, message] of cases) {
      const wrong = await gloss(data, 'highlights', ...args);
      expect(wrong.code, args.join(' ')).toBe(2);
      expect(wrong.err).toMatch(message);
    }
    const help = await gloss(data, 'highlights', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/gloss highlights note HID --article ID --text TEXT/);
  });
});

describe('gloss sync status', () => {
  const logs: DeviceLogs = {
    device: 'laptop',
    devices: () => [
      { device: 'laptop', lastChange: '2026-12-02T03:00:00.000Z', changes: 12 },
      { device: 'desktop', lastChange: '2026-12-01T22:10:00.000Z', changes: 1 },
    ],
  };

  it('prints this device, every device sorted by name, and the conflict count as JSON', async () => {
    const { data } = await annotated('status');
    const io = capture();
    expect(await syncCommand(['status'], { json: true }, data, io, () => logs)).toBe(0);
    expect(JSON.parse(io.text().out)).toEqual({
      device: 'laptop',
      devices: [
        { device: 'desktop', lastChange: '2026-12-01T22:10:00.000Z', changes: 1 },
        { device: 'laptop', lastChange: '2026-12-02T03:00:00.000Z', changes: 12 },
      ],
      conflicts: 0,
    });
  });

  it('tells people which device this is and how many notes need a choice', () => {
    const text = describeStatus({
      device: 'laptop',
      devices: [{ device: 'laptop', lastChange: null, changes: 1 }],
      conflicts: 2,
    });
    expect(text).toContain('This device: laptop');
    expect(text).toMatch(/laptop {2}1 change, last — \(this device\)/);
    expect(text).toContain('2 highlights have notes edited on two devices at once');
  });

  it.skipIf(storeMissing !== null)(
    'counts each device’s changes and the notes edited on two devices, from the folder',
    async () => {
      const folders: [string, string] = [path.join(work, 'laptop'), path.join(work, 'desktop')];
      for (const folder of folders) mkdirSync(folder, { recursive: true });
      const sync = new FolderCopySync(folders);
      const open = (device: string, folder: string) => {
        process.env.GLOSS_DEVICE = device;
        return openLibrary(folder);
      };
      const { library: laptop } = await open('laptop', folders[0]);
      const { id } = await laptop.importFile(SEED);
      const h = await laptop.createHighlight({ articleId: id, start: 0, end: 6, color: 'blue' });
      await sync.waitInSync();
      // Apart, each edits the note without having seen the other's edit: a conflict.
      await sync.pause(1);
      const { library: desktop } = await open('desktop', folders[1]);
      await desktop.updateHighlight({ articleId: id, id: h.id, note: 'desktop note' });
      await laptop.updateHighlight({ articleId: id, id: h.id, note: 'laptop note' });
      await Promise.all([desktop.store.flush?.(), laptop.store.flush?.()]);
      await sync.resume(1);
      await sync.waitInSync();
      await sync.close();

      process.env.GLOSS_DEVICE = 'desktop';
      const status = await gloss(folders[1], 'sync', 'status', '--json');
      expect(status.code, status.err).toBe(0);
      const parsed = JSON.parse(status.out) as SyncStatus;
      expect(parsed.device).toBe('desktop');
      expect(parsed.conflicts).toBe(1);
      expect(parsed.devices.map((d) => d.device)).toEqual(['desktop', 'laptop']);
      const [ofDesktop, ofLaptop] = parsed.devices;
      expect(ofDesktop!.changes).toBe(1);
      expect(ofLaptop!.changes).toBeGreaterThanOrEqual(3);
      for (const d of parsed.devices) expect(Date.parse(d.lastChange!)).toBeGreaterThan(0);

      const people = await gloss(folders[1], 'sync', 'status');
      expect(people.out).toContain('1 highlight has a note edited on two devices at once');
      const shown = await gloss(folders[1], 'show', id);
      expect(shown.out).toMatch(/also written on (laptop|desktop): (laptop|desktop) note/);
    },
    120_000,
  );

  it('exits 2 for anything but status, and 1 when the store keeps no device logs', async () => {
    const { data } = await annotated('status-errors');
    const wrong = capture();
    expect(await syncCommand(['push'], { json: false }, data, wrong, () => logs)).toBe(2);
    const none = capture();
    expect(await syncCommand(['status'], { json: false }, data, none, () => null)).toBe(1);
    expect(none.text().err).toBe(
      `gloss sync status: the library in ${data} keeps no per-device change logs\n`,
    );
  });
});
