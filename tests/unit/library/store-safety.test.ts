/**
 * Nothing a reader writes is lost: overlapping calls in one process, two processes on one
 * folder, changes seen by an open library, undo of imported highlights.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { apiTable } from '../../../common/api.ts';
import type { Highlight } from '../../../common/model/highlight.ts';
import { openLibrary } from '../../../electron/services/open-library.ts';
import { library, removeTempDirs } from './helpers.ts';

afterAll(removeTempDirs);

const TEXT = Array.from(
  { length: 40 },
  (_, i) => `Paragraph ${i}: the council met on Tuesday and the mayor said the ferry would run.`,
).join('\n\n');

const CHILD = fileURLToPath(new URL('../store/writer-child.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Small seeded generator; the seed is printed so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe('overlapping calls in one process', () => {
  it('keeps every acknowledged change of 200 concurrent creates, edits, deletes and restores', async () => {
    const seed = Number(process.env.GLOSS_TEST_SEED ?? (process.env.CI ? 1234 : Date.now() % 1e6));
    console.log(`concurrent API calls: seed ${seed}`);
    const rand = random(seed);
    const { library: lib, dir } = await library();
    const { id } = await lib.importText('council.txt', TEXT);
    const seeded = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        lib.createHighlight({ articleId: id, start: i * 10, end: i * 10 + 5, color: 'yellow' }),
      ),
    );
    const expected = new Map<string, Highlight | null>(seeded.map((h) => [h.id, h]));
    const calls: Promise<void>[] = [];
    for (let n = 0; n < 200; n++) {
      const pick = seeded[Math.floor(rand() * seeded.length)]!;
      const kind = Math.floor(rand() * 4);
      if (kind === 0) {
        calls.push(
          lib
            .createHighlight({
              articleId: id,
              start: n,
              end: n + 3,
              color: 'green',
              note: `new ${n}`,
            })
            .then((h) => void expected.set(h.id, h)),
        );
      } else if (kind === 1) {
        calls.push(
          lib.updateHighlight({ articleId: id, id: pick.id, note: `edit ${n}` }).then(
            (h) => void expected.set(h.id, h),
            () => undefined, // deleted a moment ago: refused, and so not acknowledged
          ),
        );
      } else if (kind === 2) {
        calls.push(
          lib.deleteHighlight({ articleId: id, id: pick.id }).then(
            () => void expected.set(pick.id, null),
            () => undefined,
          ),
        );
      } else {
        calls.push(lib.restoreHighlight(pick).then((h) => void expected.set(h.id, h)));
      }
    }
    await Promise.all(calls);
    await lib.close();

    const { library: reopened } = await openLibrary(dir, { search: { persist: false } });
    const stored = new Map((await reopened.open(id)).highlights.map((h) => [h.id, h]));
    for (const [hid, h] of expected) expect(stored.get(hid) ?? null, hid).toEqual(h);
    expect(stored.size).toBe([...expected.values()].filter(Boolean).length);
    expect(reopened.list()[0]!.highlights).toBe(stored.size);
  });
});

describe('two processes on one folder', () => {
  function runChild(dir: string, articleId: string, label: string, amount: string) {
    return new Promise<Map<string, string>>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', CHILD, dir, articleId, label, amount],
        { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const acked = new Map<string, string>();
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        for (const line of out.split('\n')) {
          const m = /^ack (\S+) (.*)$/.exec(line);
          if (m) acked.set(m[1]!, m[2]!);
        }
        if (code === 0 && out.includes('done')) resolve(acked);
        else reject(new Error(`writer ${label} exited ${code}: ${err}`));
      });
    });
  }

  it('loses nothing when two processes write highlights to one article at once', async () => {
    const { library: lib, dir } = await library();
    const { id } = await lib.importText('council.txt', TEXT);
    await lib.setTags(id, ['council']);
    await lib.close();
    const [one, two] = await Promise.all([
      runChild(dir, id, 'one', '40'),
      runChild(dir, id, 'two', '40'),
    ]);
    const { library: reopened } = await openLibrary(dir, { search: { persist: false } });
    const notes = new Map((await reopened.open(id)).highlights.map((h) => [h.id, h.note]));
    for (const [hid, note] of [...one, ...two]) expect(notes.get(hid), hid).toBe(note);
    expect(notes.size).toBe(one.size + two.size);
    expect(reopened.list()[0]!.tags).toEqual(['council']);
  }, 120_000);
});

describe('an open library', () => {
  it('sees within two seconds what another process added, and says which article', async () => {
    const { library: app, dir } = await library({ watch: true });
    const { id } = await app.importText('council.txt', TEXT);
    const seen = new Promise<string[]>((resolve) =>
      app.onChanged(({ articles }) => resolve(articles)),
    );
    const { library: cli } = await openLibrary(dir, { search: { persist: false } });
    const made = await cli.createHighlight({ articleId: id, start: 0, end: 9, color: 'pink' });
    const other = await cli.importText('harbour.txt', TEXT.replaceAll('council', 'harbour board'));
    const started = Date.now();
    const changed = await seen;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(changed).toEqual(expect.arrayContaining([id]));
    // The poll may split the two changes; both are there once the next one has run.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await app.open(id)).highlights.map((h) => h.id)).toEqual([made.id]);
    expect(app.list().map((a) => a.id)).toEqual([id, other.id]);
    await cli.close();
    await app.close();
  });
});

describe('undo', () => {
  it('puts back an imported highlight whose date, context and tags are longer than typed ones', async () => {
    const { library: lib } = await library();
    const { id } = await lib.importText('council.txt', TEXT);
    const long = 'x'.repeat(300);
    const result = await lib.importAnnotations(id, [
      {
        quote: { type: 'TextQuoteSelector', exact: 'the mayor said', prefix: long, suffix: long },
        note: 'kept',
        tags: [long],
        created: 'Tuesday, 1 July 2025 09:30:00 GMT+0000 (Coordinated Universal Time)',
      },
      {
        // Not in the text: kept as an orphan with its own (over-long) context.
        quote: { type: 'TextQuoteSelector', exact: 'words not there', prefix: long, suffix: long },
        note: 'orphan',
        tags: [],
      },
    ]);
    expect(result.imported).toBe(2);
    for (const h of (await lib.open(id)).highlights) {
      const removed = await lib.deleteHighlight({ articleId: id, id: h.id });
      // What undo sends back over IPC must pass the API table's schema.
      const argument = apiTable.restoreHighlight.input.parse({ highlight: removed });
      expect(await lib.restoreHighlight(argument.highlight)).toEqual(removed);
    }
    expect((await lib.open(id)).highlights.map((h) => h.note).sort()).toEqual(['kept', 'orphan']);
  });
});
