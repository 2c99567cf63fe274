import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.ts';
import { isConflictCopy, treeDigest, type FileSync } from './file-sync.ts';
import { conflictName, FolderCopySync } from './folder-copy.ts';
import { startSyncthingPair, syncthingMissing, type SyncthingPair } from './syncthing.ts';

/** This file's temp folder, removed after its tests (tests/helpers/temp.ts). */
const work = tempDir('sync-harness');

async function twoFolders(name: string): Promise<[string, string]> {
  const folders: [string, string] = [path.join(work, name, 'a'), path.join(work, name, 'b')];
  await Promise.all(folders.map((f) => mkdir(f, { recursive: true })));
  return folders;
}

async function dataFiles(folder: string): Promise<string[]> {
  return [...(await treeDigest(folder)).keys()].sort();
}

/** What both engines must do with plain files; the Gloss scenarios build on these. */
function engineContract(
  make: (folders: [string, string]) => Promise<FileSync>,
  label: string,
  skip: string | null = null,
) {
  const test = it.skipIf(skip !== null);
  test(`${label}: carries new files, changes and deletions both ways, into subfolders`, async () => {
    const folders = await twoFolders(`${label}-carry`);
    const sync = await make(folders);
    try {
      await mkdir(path.join(folders[0], 'log'), { recursive: true });
      await writeFile(path.join(folders[0], 'log', 'one.jsonl'), 'from a\n');
      await writeFile(path.join(folders[1], 'two.json'), '{"from":"b"}');
      await sync.waitInSync();
      expect(await readFile(path.join(folders[1], 'log', 'one.jsonl'), 'utf8')).toBe('from a\n');
      expect(await readFile(path.join(folders[0], 'two.json'), 'utf8')).toBe('{"from":"b"}');

      await writeFile(path.join(folders[1], 'log', 'one.jsonl'), 'from a\nand b\n');
      await rm(path.join(folders[0], 'two.json'));
      await sync.waitInSync();
      expect(await readFile(path.join(folders[0], 'log', 'one.jsonl'), 'utf8')).toBe(
        'from a\nand b\n',
      );
      expect(existsSync(path.join(folders[1], 'two.json'))).toBe(false);
    } finally {
      await sync.close();
    }
  }, 180_000);

  test(`${label}: a paused side neither sends nor receives until resumed`, async () => {
    const folders = await twoFolders(`${label}-pause`);
    const sync = await make(folders);
    try {
      await sync.waitInSync();
      await sync.pause(1);
      await writeFile(path.join(folders[0], 'while-offline-a.txt'), 'a');
      await writeFile(path.join(folders[1], 'while-offline-b.txt'), 'b');
      // Long enough for either engine to have carried it, were it online (watcher delay 1 s).
      await new Promise((r) => setTimeout(r, 3000));
      expect(await dataFiles(folders[1])).toEqual(['while-offline-b.txt']);
      expect(await dataFiles(folders[0])).toEqual(['while-offline-a.txt']);
      await sync.resume(1);
      await sync.waitInSync();
      expect(await dataFiles(folders[0])).toEqual(['while-offline-a.txt', 'while-offline-b.txt']);
      expect(await dataFiles(folders[1])).toEqual(['while-offline-a.txt', 'while-offline-b.txt']);
    } finally {
      await sync.close();
    }
  }, 180_000);

  test(`${label}: one file changed on both sides while apart leaves a conflict copy on both`, async () => {
    const folders = await twoFolders(`${label}-conflict`);
    const sync = await make(folders);
    try {
      await writeFile(path.join(folders[0], 'notes.json'), 'first');
      await sync.waitInSync();
      await sync.pause(0);
      await writeFile(path.join(folders[0], 'notes.json'), 'older edit on a');
      await writeFile(path.join(folders[1], 'notes.json'), 'newer edit on b');
      const past = new Date(Date.now() - 60_000);
      await utimes(path.join(folders[0], 'notes.json'), past, past);
      await sync.resume(0);
      await sync.waitInSync();
      for (const folder of folders) {
        const names = await dataFiles(folder);
        const copies = names.filter(isConflictCopy);
        expect(copies, `conflict copies in ${names.join(', ')}`).toHaveLength(1);
        expect(await readFile(path.join(folder, 'notes.json'), 'utf8')).toBe('newer edit on b');
        expect(await readFile(path.join(folder, copies[0]!), 'utf8')).toBe('older edit on a');
      }
    } finally {
      await sync.close();
    }
  }, 180_000);
}

describe('the folder-copy stand-in', () => {
  engineContract(
    (folders) => Promise.resolve(new FolderCopySync(folders, { intervalMs: 200 })),
    'folder-copy',
  );

  it('names conflict copies as Syncthing and Dropbox do', () => {
    const when = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(conflictName('logs/dev.jsonl', 1, when, 'syncthing')).toBe(
      'logs/dev.sync-conflict-20260102-030405-GLOSSBB.jsonl',
    );
    expect(conflictName('logs/dev.jsonl', 0, when, 'dropbox')).toBe(
      "logs/dev (side 0's conflicted copy 2026-01-02).jsonl",
    );
    expect(isConflictCopy('logs/dev.sync-conflict-20260102-030405-GLOSSBB.jsonl')).toBe(true);
    expect(isConflictCopy("logs/dev (side 0's conflicted copy 2026-01-02).jsonl")).toBe(true);
    expect(isConflictCopy('logs/dev.jsonl')).toBe(false);
  });

  it('brings back a file changed on one side and deleted on the other', async () => {
    const folders = await twoFolders('copy-change-wins');
    const sync = new FolderCopySync(folders);
    try {
      await writeFile(path.join(folders[0], 'kept.txt'), 'v1');
      await sync.waitInSync();
      await sync.pause(0);
      await rm(path.join(folders[0], 'kept.txt'));
      await writeFile(path.join(folders[1], 'kept.txt'), 'v2');
      await sync.resume(0);
      await sync.waitInSync();
      expect(await readFile(path.join(folders[0], 'kept.txt'), 'utf8')).toBe('v2');
    } finally {
      await sync.close();
    }
  }, 180_000);
});

const missing = syncthingMissing();
if (missing) console.warn(`Syncthing harness tests skipped: ${missing}`);

describe('the Syncthing harness', () => {
  it.skipIf(missing)(
    'starts two instances on 127.0.0.1 only and removes its homes on close',
    async () => {
      const folders = await twoFolders('st-lifecycle');
      const pair: SyncthingPair = await startSyncthingPair({ workDir: work, folders });
      const homes = (await readdir(work)).filter((n) => n.startsWith('syncthing-'));
      try {
        expect(homes).toHaveLength(1);
        await pair.waitInSync();
        expect(await pair.connected()).toBe(true);
        const config = await readFile(path.join(work, homes[0]!, 'side-0', 'config.xml'), 'utf8');
        // Every address Syncthing was given is a loopback one.
        const addresses = [...config.matchAll(/(?:tcp:\/\/|<address>)([^<:/]+):\d+/g)].map(
          (m) => m[1],
        );
        expect(addresses.length).toBeGreaterThanOrEqual(3);
        expect(new Set(addresses)).toEqual(new Set(['127.0.0.1']));
      } finally {
        await pair.close();
      }
      expect((await readdir(work)).filter((n) => n.startsWith('syncthing-'))).toEqual([]);
    },
    180_000,
  );

  engineContract(
    async (folders) => {
      const pair = await startSyncthingPair({ workDir: work, folders });
      await pair.waitInSync();
      return pair;
    },
    'syncthing',
    missing,
  );
});
