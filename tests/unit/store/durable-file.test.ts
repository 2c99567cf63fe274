import fs from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DurableJsonFile,
  fsyncDirectory,
  isTempFileName,
  StoreFileParseError,
} from '../../../electron/services/store/durable-file.ts';
import { openLibraryStore } from '../../../electron/services/store/library-store.ts';
import { freshDir, listFiles, makeArticle, makeHighlights, removeFreshDirs } from './helpers.ts';

afterAll(removeFreshDirs);

describe('DurableJsonFile', () => {
  it('reads null for a missing file and round-trips through lowdb', async () => {
    const file = path.join(freshDir(), 'doc.json');
    const db = new Low(new DurableJsonFile<{ n: number[] }>(file), { n: [] });
    await db.read();
    expect(db.data).toEqual({ n: [] });
    expect(fs.existsSync(file)).toBe(false);
    db.data.n.push(1, 2);
    await db.write();
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ n: [1, 2] });
    const other = new Low(new DurableJsonFile<{ n: number[] }>(file), { n: [] });
    await other.read();
    expect(other.data).toEqual({ n: [1, 2] });
  });

  it('throws a typed error naming the file and the reason for JSON that does not parse', async () => {
    const file = path.join(freshDir(), 'bad.json');
    fs.writeFileSync(file, '{"a": [1, 2');
    const error = await new DurableJsonFile(file).read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreFileParseError);
    expect((error as StoreFileParseError).file).toBe(file);
    expect((error as StoreFileParseError).reason).not.toBe('');
    expect((error as Error).message).toContain(file);
    fs.writeFileSync(file, '  \n');
    await expect(new DurableJsonFile(file).read()).rejects.toMatchObject({
      reason: 'the file is empty',
    });
  });

  it('never overwrites a file that failed to parse', async () => {
    const file = path.join(freshDir(), 'bad.json');
    fs.writeFileSync(file, 'not json');
    const adapter = new DurableJsonFile<object>(file);
    await expect(adapter.read()).rejects.toBeInstanceOf(StoreFileParseError);
    await expect(adapter.write({ fresh: true })).rejects.toThrow(/Refusing to overwrite/);
    expect(fs.readFileSync(file, 'utf8')).toBe('not json');
    // Once the file has been dealt with (here: fixed by hand), writing is allowed again.
    fs.writeFileSync(file, '{}');
    await adapter.read();
    await adapter.write({ fresh: true });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ fresh: true });
  });

  it('writes through a temp file beside the target, renamed over it, leaving nothing behind', async () => {
    const dir = freshDir();
    const file = path.join(dir, 'doc.json');
    fs.writeFileSync(file, '{"old":true}');
    const oldIno = fs.statSync(file).ino;
    const seen: { target: string; content: string; temps: string[] }[] = [];
    const adapter = new DurableJsonFile<object>(file, {
      beforeReplace: (target) => {
        seen.push({
          target,
          content: fs.readFileSync(target, 'utf8'),
          temps: fs.readdirSync(dir).filter(isTempFileName),
        });
        return Promise.resolve();
      },
    });
    await adapter.write({ new: true });
    expect(seen).toHaveLength(1);
    // At that moment the new content sat, complete, in a temp file; the target was still the old
    // one.
    expect(seen[0]!.target).toBe(file);
    expect(seen[0]!.content).toBe('{"old":true}');
    expect(seen[0]!.temps).toHaveLength(1);
    expect(seen[0]!.temps[0]).toMatch(/^\.doc\.json\.\d+-[0-9a-f]{12}\.tmp$/);
    expect(fs.readdirSync(dir)).toEqual(['doc.json']);
    expect(fs.statSync(file).ino).not.toBe(oldIno);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ new: true });
  });

  it('removes its temp file and leaves the target alone when a write fails', async () => {
    const dir = freshDir();
    const file = path.join(dir, 'doc.json');
    fs.writeFileSync(file, '{"old":true}');
    const adapter = new DurableJsonFile<object>(file, {
      beforeReplace: () => Promise.reject(new Error('no backup possible')),
    });
    await expect(adapter.write({ new: true })).rejects.toThrow('no backup possible');
    expect(fs.readdirSync(dir)).toEqual(['doc.json']);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"old":true}');
  });

  it('fsyncs a folder, and does not hide a folder that is not there', async () => {
    const dir = freshDir();
    await expect(fsyncDirectory(dir)).resolves.toBeUndefined();
    await expect(fsyncDirectory(path.join(dir, 'absent'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});

describe('stray temp files', () => {
  it('a temp file left by a killed writer neither breaks loading nor stays', async () => {
    const dir = freshDir();
    const store = await openLibraryStore(dir);
    const a1 = makeArticle(1);
    await store.addArticle(a1);
    await store.saveHighlights(a1.id, makeHighlights(a1.id, 2));
    const filesBefore = listFiles(dir);
    // What a writer killed between creating and renaming its temp file leaves: a torn JSON
    // prefix under a temp name, in each folder the store writes to.
    const strays = [
      `.library.json.4242-0123456789ab.tmp`,
      `articles/.${a1.id}.json.4242-0123456789ac.tmp`,
      `highlights/.${a1.id}.json.4242-0123456789ad.tmp`,
    ];
    for (const stray of strays)
      fs.writeFileSync(path.join(dir, stray), '{"schemaVersion":1,"artic');
    // Not ours: must be left alone.
    fs.writeFileSync(path.join(dir, 'notes.tmp'), 'mine');

    const again = await openLibraryStore(dir);
    expect(again.notices).toEqual([]);
    expect(again.listArticles().map((r) => r.id)).toEqual([a1.id]);
    expect(await again.getArticle(a1.id)).toEqual(a1);
    expect(await again.getHighlights(a1.id)).toEqual(makeHighlights(a1.id, 2));
    for (const stray of strays) expect(fs.existsSync(path.join(dir, stray))).toBe(false);
    expect(listFiles(dir)).toEqual([...filesBefore, 'notes.tmp'].sort());
  });
});
