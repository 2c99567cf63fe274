/**
 * Two computers, one library: each writes to its own copy of the data folder at the same time
 * while a file-sync engine carries the files between them, one goes offline and comes back, and
 * both must end with the same library, every acknowledged write in it, no deleted highlight back,
 * and notes edited on both sides kept as conflicts. Run on real Syncthing (when installed) and on
 * the folder-copy stand-in.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.ts';
import { annotationsFor, passages, type PlannedHighlight } from './annotations-file.ts';
import { deviceLogsMissing, glossAs, writeAs, type CommandResult, type Device } from './devices.ts';
import { isConflictCopy, treeDigest, type FileSync } from './file-sync.ts';
import { conflictName, FolderCopySync, type ConflictStyle } from './folder-copy.ts';
import { startSyncthingPair, syncthingMissing } from './syncthing.ts';

const ROOT = path.resolve(__dirname, '..', '..');
const SEED = path.join(ROOT, 'assets', '000_8366b94cf810edf5.txt');

const storeMissing = await deviceLogsMissing();
const syncthingAbsent = syncthingMissing();
if (storeMissing) console.warn(`Sync scenarios skipped: ${storeMissing}`);
else if (syncthingAbsent) console.warn(`Sync scenarios on Syncthing skipped: ${syncthingAbsent}`);

/** This file's temp folder, removed after its tests (tests/helpers/temp.ts). */
let work = '';
// Made only when a test runs: a file whose tests are all skipped runs no hooks to remove it.
beforeAll(() => {
  work = tempDir('sync-scenarios');
});

interface ShownHighlight {
  id: string;
  note: string;
  conflicts?: Array<{ note: string; updated: string; device: string }>;
}

/**
 * `gloss show --json` with the highlights in id order: each device lists highlights in the
 * order their changes reached it, which is not part of what must agree.
 */
function sameOrder(out: string): unknown {
  const shown = JSON.parse(out) as { highlights: ShownHighlight[] };
  return { ...shown, highlights: [...shown.highlights].sort((x, y) => x.id.localeCompare(y.id)) };
}

function acknowledged(results: CommandResult[]): void {
  for (const r of results) expect(r.code, `gloss ${r.args.join(' ')} failed: ${r.err}`).toBe(0);
}

/** Writes a W3C file planting `planned` and returns the import command for it. */
async function importCommand(
  articleId: string,
  text: string,
  planned: PlannedHighlight[],
  name: string,
): Promise<string[]> {
  const file = path.join(work, `${name}.json`);
  await writeFile(file, JSON.stringify(annotationsFor(articleId, text, planned)));
  return ['annotations', 'import', file, '--article', articleId];
}

const note = (id: string, text: string, articleId: string) => [
  'highlights',
  'note',
  id,
  '--article',
  articleId,
  '--text',
  text,
];
const remove = (id: string, articleId: string) => [
  'highlights',
  'delete',
  id,
  '--article',
  articleId,
];

/**
 * The whole scenario on one engine. Both sides write at once while online, then side 1 goes
 * offline and both write again (one note edited on both sides; a highlight deleted on one side
 * and edited on the other), then side 1 comes back and the engine settles.
 */
async function twoDevicesWriteAtOnce(sync: FileSync): Promise<void> {
  const devices: [Device, Device] = [
    { name: 'laptop', side: 0, folder: sync.folders[0] },
    { name: 'desktop', side: 1, folder: sync.folders[1] },
  ];
  const [a, b] = devices;
  const tag = `${sync.name}-${Date.now()}`;

  // The laptop imports the article; the desktop receives it through the engine.
  const imported = await writeAs(a, [['import', SEED, '--json']], work);
  acknowledged(imported);
  const articleId = (JSON.parse(imported[0]!.out) as { imported: Array<{ id: string }> })
    .imported[0]!.id;
  await sync.waitInSync();
  const shown = await glossAs(b, ['show', articleId, '--json']);
  expect(shown.code, shown.err).toBe(0);
  const text = (JSON.parse(shown.out) as { article: { text: string } }).article.text;

  const spots = passages(text, 20);
  const plan = (ids: string[], offset: number, who: string): PlannedHighlight[] =>
    ids.map((id, i) => ({ id, ...spots[offset + i]!, note: `${who}'s first note on ${id}` }));
  const base = plan(['base1', 'base2', 'base3', 'base4', 'base5', 'base6'], 0, 'laptop');
  acknowledged(await writeAs(a, [await importCommand(articleId, text, base, `${tag}-base`)], work));
  await sync.waitInSync();

  // Online, at once: each side creates three, edits one note and deletes one.
  const online = await Promise.all([
    writeAs(
      a,
      [
        await importCommand(articleId, text, plan(['ha1', 'ha2', 'ha3'], 6, 'laptop'), `${tag}-a1`),
        note('base1', 'laptop edits base1', articleId),
        remove('base2', articleId),
      ],
      work,
    ),
    writeAs(
      b,
      [
        await importCommand(
          articleId,
          text,
          plan(['hb1', 'hb2', 'hb3'], 9, 'desktop'),
          `${tag}-b1`,
        ),
        note('base3', 'desktop edits base3', articleId),
        remove('base4', articleId),
      ],
      work,
    ),
  ]);
  online.forEach(acknowledged);
  await sync.waitInSync();

  // The desktop goes offline; both keep writing.
  await sync.pause(1);
  const offline = await Promise.all([
    writeAs(
      a,
      [
        note('base5', 'laptop, offline, on base5', articleId),
        remove('base6', articleId),
        remove('hb1', articleId),
        await importCommand(articleId, text, plan(['ha4'], 12, 'laptop'), `${tag}-a2`),
      ],
      work,
    ),
    writeAs(
      b,
      [
        note('base5', 'desktop, offline, on base5', articleId),
        note('base6', 'desktop edits what the laptop deleted', articleId),
        remove('ha1', articleId),
        note('ha2', 'desktop edits ha2', articleId),
        await importCommand(articleId, text, plan(['hb4'], 13, 'desktop'), `${tag}-b2`),
      ],
      work,
    ),
  ]);
  offline.forEach(acknowledged);
  await sync.resume(1);
  await sync.waitInSync();

  // Both libraries are the same, as a script sees them.
  const lists = [await glossAs(a, ['list', '--json']), await glossAs(b, ['list', '--json'])];
  const shows = [
    await glossAs(a, ['show', articleId, '--json']),
    await glossAs(b, ['show', articleId, '--json']),
  ];
  for (const r of [...lists, ...shows]) expect(r.code, r.err).toBe(0);
  expect(lists[1]!.out).toBe(lists[0]!.out);
  expect(sameOrder(shows[1]!.out)).toEqual(sameOrder(shows[0]!.out));

  // Every acknowledged write is there; nothing deleted came back.
  const highlights = (JSON.parse(shows[0]!.out) as { highlights: ShownHighlight[] }).highlights;
  const byId = new Map(highlights.map((h) => [h.id, h]));
  expect([...byId.keys()].sort()).toEqual(
    ['base1', 'base3', 'base5', 'ha2', 'ha3', 'ha4', 'hb2', 'hb3', 'hb4'].sort(),
  );
  expect(byId.get('base1')?.note).toBe('laptop edits base1');
  expect(byId.get('base3')?.note).toBe('desktop edits base3');
  expect(byId.get('ha2')?.note).toBe('desktop edits ha2');
  expect(byId.get('ha3')?.note).toBe("laptop's first note on ha3");
  expect(byId.get('hb4')?.note).toBe("desktop's first note on hb4");

  // The note edited on both sides: one is the note, the other kept in its conflicts.
  const both = byId.get('base5')!;
  const edits = { laptop: 'laptop, offline, on base5', desktop: 'desktop, offline, on base5' };
  expect(Object.values(edits)).toContain(both.note);
  const loser = both.note === edits.laptop ? 'desktop' : 'laptop';
  expect(both.conflicts).toEqual([expect.objectContaining({ note: edits[loser], device: loser })]);
  for (const h of highlights) if (h.id !== 'base5') expect(h.conflicts ?? []).toEqual([]);

  // Each device knows itself and the other, and counts the one conflict.
  for (const device of devices) {
    const status = await glossAs(device, ['sync', 'status', '--json']);
    expect(status.code, status.err).toBe(0);
    const parsed = JSON.parse(status.out) as {
      device: string;
      devices: Array<{ device: string; changes: number }>;
      conflicts: number;
    };
    expect(parsed.device).toBe(device.name);
    expect(parsed.devices.map((d) => d.device).sort()).toEqual(['desktop', 'laptop']);
    for (const d of parsed.devices) expect(d.changes).toBeGreaterThan(0);
    expect(parsed.conflicts).toBe(1);
  }

  // Every file had one writer, so the engine never had to make a conflict copy.
  for (const folder of sync.folders)
    expect([...(await treeDigest(folder)).keys()].filter(isConflictCopy)).toEqual([]);
}

/**
 * The same device name on both computers (a copied config folder, or GLOSS_DEVICE set alike):
 * both write into the same device folder while apart, and the engine may make conflict copies
 * of what both wrote. Nothing written on either side may be lost.
 */
async function sameDeviceOnBoth(sync: FileSync): Promise<void> {
  const twins: [Device, Device] = [
    { name: 'twin', side: 0, folder: sync.folders[0] },
    { name: 'twin', side: 1, folder: sync.folders[1] },
  ];
  const tag = `${sync.name}-twin-${Date.now()}`;
  const imported = await writeAs(twins[0], [['import', SEED, '--json']], work);
  acknowledged(imported);
  const articleId = (JSON.parse(imported[0]!.out) as { imported: Array<{ id: string }> })
    .imported[0]!.id;
  await sync.waitInSync();
  const text = (
    JSON.parse((await glossAs(twins[1], ['show', articleId, '--json'])).out) as {
      article: { text: string };
    }
  ).article.text;
  const spots = passages(text, 4);
  await sync.pause(1);
  const writes = await Promise.all(
    twins.map(async (device, i) =>
      writeAs(
        device,
        [
          await importCommand(
            articleId,
            text,
            [{ id: `twin${i}`, ...spots[i]!, note: `written on side ${i}` }],
            `${tag}-${i}`,
          ),
        ],
        work,
      ),
    ),
  );
  writes.forEach(acknowledged);
  await sync.resume(1);
  await sync.waitInSync();
  const shows = [
    await glossAs(twins[0], ['show', articleId, '--json']),
    await glossAs(twins[1], ['show', articleId, '--json']),
  ];
  expect(sameOrder(shows[1]!.out)).toEqual(sameOrder(shows[0]!.out));
  const ids = (JSON.parse(shows[0]!.out) as { highlights: ShownHighlight[] }).highlights.map(
    (h) => h.id,
  );
  expect(ids.sort()).toEqual(['twin0', 'twin1']);
}

/**
 * An engine that delivers what another device wrote under a conflict-copy name only (Syncthing's
 * `.sync-conflict-…` or Dropbox's "conflicted copy"), as engines do when they believe two
 * versions clash: the library must read those files as well.
 */
async function conflictCopiesAreRead(style: ConflictStyle): Promise<void> {
  const folders = await freshFolders(`delivered-${style}`);
  const [laptop, desktop]: [Device, Device] = [
    { name: 'laptop', side: 0, folder: folders[0] },
    { name: 'desktop', side: 1, folder: folders[1] },
  ];
  const imported = await glossAs(laptop, ['import', SEED, '--json']);
  expect(imported.code, imported.err).toBe(0);
  const articleId = (JSON.parse(imported.out) as { imported: Array<{ id: string }> }).imported[0]!
    .id;
  const copy = new FolderCopySync(folders);
  await copy.waitInSync();
  await copy.close();
  expect((await glossAs(desktop, ['show', articleId, '--json'])).code).toBe(0);
  const before = await treeDigest(folders[0]);

  const text = (
    JSON.parse((await glossAs(laptop, ['show', articleId, '--json'])).out) as {
      article: { text: string };
    }
  ).article.text;
  const [spot] = passages(text, 1);
  const planted = { id: 'delivered', ...spot!, note: `arrived as a ${style} conflict copy` };
  const wrote = await glossAs(
    laptop,
    await importCommand(articleId, text, [planted], `delivered-${style}`),
  );
  expect(wrote.code, wrote.err).toBe(0);

  // Every file the laptop made since is delivered to the desktop under a conflict name only.
  const when = new Date();
  let delivered = 0;
  for (const name of (await treeDigest(folders[0])).keys()) {
    if (before.has(name)) continue;
    const target = path.join(folders[1], ...conflictName(name, 0, when, style).split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(folders[0], ...name.split('/')), target);
    delivered++;
  }
  expect(delivered).toBeGreaterThan(0);
  const shown = await glossAs(desktop, ['show', articleId, '--json']);
  expect(shown.code, shown.err).toBe(0);
  const highlights = (JSON.parse(shown.out) as { highlights: ShownHighlight[] }).highlights;
  expect(highlights.map((h) => [h.id, h.note])).toEqual([['delivered', planted.note]]);
}

async function freshFolders(name: string): Promise<[string, string]> {
  const folders: [string, string] = [
    path.join(work, name, 'laptop'),
    path.join(work, name, 'desktop'),
  ];
  await Promise.all(folders.map((f) => mkdir(f, { recursive: true })));
  return folders;
}

describe('two devices writing at once through a file-sync engine', () => {
  it.skipIf(storeMissing !== null)(
    'folder-copy stand-in: the same library on both, every write kept, deletions final, conflicts kept',
    async () => {
      const sync = new FolderCopySync(await freshFolders('copy'), { intervalMs: 300 });
      try {
        await twoDevicesWriteAtOnce(sync);
      } finally {
        await sync.close();
      }
    },
    600_000,
  );

  it.skipIf(storeMissing !== null || syncthingAbsent !== null)(
    'Syncthing: the same library on both, every write kept, deletions final, conflicts kept',
    async () => {
      const sync = await startSyncthingPair({ workDir: work, folders: await freshFolders('st') });
      try {
        await sync.waitInSync();
        await twoDevicesWriteAtOnce(sync);
      } finally {
        await sync.close();
      }
    },
    600_000,
  );

  it.skipIf(storeMissing !== null)(
    'folder-copy stand-in: one device name on both computers loses nothing written on either',
    async () => {
      const sync = new FolderCopySync(await freshFolders('copy-twin'), { intervalMs: 300 });
      try {
        await sameDeviceOnBoth(sync);
      } finally {
        await sync.close();
      }
    },
    600_000,
  );

  for (const style of ['syncthing', 'dropbox'] as const)
    it.skipIf(storeMissing !== null)(
      `a file delivered only as a ${style} conflict copy is read, not ignored`,
      async () => {
        await conflictCopiesAreRead(style);
      },
      120_000,
    );

  it.skipIf(storeMissing !== null || syncthingAbsent !== null)(
    'Syncthing: one device name on both computers loses nothing written on either',
    async () => {
      const sync = await startSyncthingPair({
        workDir: work,
        folders: await freshFolders('st-twin'),
      });
      try {
        await sync.waitInSync();
        await sameDeviceOnBoth(sync);
      } finally {
        await sync.close();
      }
    },
    600_000,
  );
});
