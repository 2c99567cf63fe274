/**
 * Kills a writing process at random moments and checks that the library it leaves behind
 * loads cleanly and holds every write acknowledged before the kill (and no torn one): the
 * state must be exactly that after the last acknowledged write, or after the one in flight.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { isTempFileName } from '../../../electron/services/store/durable-file.ts';
import { openLibraryStore } from '../../../electron/services/store/open-store.ts';
import type { LibraryStore } from '../../../electron/services/store/types.ts';
import { applyOp, emptyModel, type Model } from './crash-plan.ts';
import { freshDir, removeFreshDirs } from './helpers.ts';

afterAll(removeFreshDirs);

/** Kills per run: a few in CI; `npm run soak` asks for a thousand (GLOSS_CRASH_RUNS). */
const RUNS = Number(process.env.GLOSS_CRASH_RUNS ?? 12);
/**
 * Each folder takes several kills in a row (so a writer restarts on a folder a killed one left),
 * then a fresh folder starts, which keeps the library small and the full check after each kill
 * fast.
 */
const RUNS_PER_FOLDER = 5;
const LANES = 2;
const MAX_DELAY_MS = 1500;
const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Small seeded generator, so a failing run can be replayed with GLOSS_CRASH_SEED. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface WriterRun {
  acks: number[];
  readyNotices: number | null;
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/** Runs the writer from write `from`; SIGKILLs it `killAfter` (ms after it is ready, or acks). */
function runWriter(
  dir: string,
  from: number,
  killAfter: { ms: number } | { acks: number },
): Promise<WriterRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(from)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: WriterRun = { acks: [], readyNotices: null, signal: null, code: null, stderr: '' };
    const kill = (): void => {
      child.kill('SIGKILL');
    };
    // Should the writer hang, do not hang the test with it.
    const safety = setTimeout(kill, 20_000);
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const ready = /^ready (\d+)$/.exec(line);
        const ack = /^ack (\d+)$/.exec(line);
        if (ready) {
          run.readyNotices = Number(ready[1]);
          if ('ms' in killAfter) setTimeout(kill, killAfter.ms);
        } else if (ack) {
          run.acks.push(Number(ack[1]));
          if ('acks' in killAfter && run.acks.length === killAfter.acks) kill();
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      run.stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(safety);
      run.code = code;
      run.signal = signal;
      resolve(run);
    });
  });
}

/** Where the store differs from the model, or null when it holds exactly the model. */
async function difference(store: LibraryStore, model: Model): Promise<string | null> {
  const rows = store.listArticles();
  const ids = rows.map((r) => r.id);
  if (!isDeepStrictEqual(ids, model.order))
    return `articles ${ids.length} listed, ${model.order.length} expected`;
  for (const id of model.order) {
    const article = await store.getArticle(id);
    if (!isDeepStrictEqual(article, model.articles.get(id))) return `article ${id} differs`;
    const highlights = await store.getHighlights(id);
    if (!isDeepStrictEqual(highlights, model.highlights.get(id) ?? []))
      return `highlights of ${id} differ`;
  }
  // After the reads above, which bring any count left behind by a cut-short write into line.
  for (const row of store.listArticles()) {
    const hs = model.highlights.get(row.id) ?? [];
    if (row.highlights !== hs.length)
      return `row ${row.id} counts ${row.highlights} highlights, ${hs.length} expected`;
    const notes = hs.filter((h) => h.note !== '').length;
    if (row.notes !== notes) return `row ${row.id} counts ${row.notes} notes, ${notes} expected`;
    const article = model.articles.get(row.id)!;
    if (row.title !== article.title) return `row ${row.id} has an old title`;
  }
  return null;
}

/** Temp files anywhere in the folder (a killed writer's unfinished snapshot or content file). */
function strayTempFiles(dir: string): number {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((rel) =>
    isTempFileName(path.basename(rel)),
  ).length;
}

it(
  `keeps every acknowledged write through ${RUNS} kills at random moments`,
  async () => {
    // A fixed seed in CI (the first-import crash was seed 349292); a random one elsewhere, printed.
    const seed = Number(
      process.env.GLOSS_CRASH_SEED ?? (process.env.CI ? 349292 : Date.now() % 1_000_000),
    );
    const rand = random(seed);
    // The whole plan is drawn up front, so a seed names the same kills whatever the timing.
    const plan = Array.from({ length: RUNS }, (_, run): { ms: number } | { acks: number } =>
      // Mostly a random time after the writer is ready; every fourth run, a random number of acks.
      run % 4 === 3
        ? { acks: 1 + Math.floor(rand() * 80) }
        : { ms: 3 + Math.floor(rand() * MAX_DELAY_MS) },
    );
    const started = Date.now();
    const stats = { acked: 0, inFlightLanded: 0, strays: 0, largest: 0, folders: 0 };

    /** One lane: its runs in order, in a fresh folder every RUNS_PER_FOLDER runs. */
    async function lane(runs: number[]): Promise<void> {
      let dir = '';
      let model = emptyModel();
      let done = 0; // writes known to be on disk in `dir`
      for (const [i, run] of runs.entries()) {
        if (i % RUNS_PER_FOLDER === 0) {
          dir = freshDir();
          model = emptyModel();
          done = 0;
          stats.folders++;
        }
        const killAfter = plan[run]!;
        const result = await runWriter(dir, done + 1, killAfter);
        const context = `seed ${seed}, run ${run}, kill after ${JSON.stringify(killAfter)}`;
        expect(result.signal, `${context}: the writer ended by itself: ${result.stderr}`).toBe(
          'SIGKILL',
        );
        expect(result.readyNotices, `${context}: the writer met notices on open`).toBe(0);
        // Acks come in order, one per write, starting where the last run left off.
        expect(result.acks, context).toEqual(result.acks.map((_, k) => done + 1 + k));

        const lastAck = result.acks.at(-1) ?? done;
        let expected = model;
        for (let n = done + 1; n <= lastAck; n++) expected = applyOp(expected, n);
        stats.strays += strayTempFiles(dir);

        const store = await openLibraryStore(dir);
        expect(store.notices, context).toEqual([]);
        const asAcked = await difference(store, expected);
        if (asAcked === null) {
          model = expected;
          done = lastAck;
        } else {
          // The write in flight when the kill came may have reached the disk, but only whole.
          const withNext = applyOp(expected, lastAck + 1);
          const asNext = await difference(store, withNext);
          expect(
            asNext,
            `${context}: after ${lastAck} acknowledged writes the store matches neither (${asAcked})`,
          ).toBeNull();
          model = withNext;
          done = lastAck + 1;
          stats.inFlightLanded++;
        }
        expect(store.notices, `${context}: notices while reading`).toEqual([]);
        stats.acked += result.acks.length;
        stats.largest = Math.max(stats.largest, model.order.length);
      }
    }

    // Writers start slowly (loading TypeScript and zod takes most of a second), so LANES of them
    // work side by side, each on folders of its own.
    const runs = Array.from({ length: RUNS }, (_, run) => run);
    await Promise.all(
      Array.from({ length: LANES }, (_, l) => lane(runs.filter((run) => run % LANES === l))),
    );
    const { acked, inFlightLanded, strays, largest, folders } = stats;

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `crash test (seed ${seed}): ${RUNS} kills, ${acked} acknowledged writes verified ` +
        `in ${folders} folders (largest library ${largest} articles; ${inFlightLanded} unacknowledged writes found whole, ` +
        `${strays} temp files left by killed writers) in ${seconds} s`,
    );
    // A test that killed nothing mid-stream would prove nothing.
    expect(acked).toBeGreaterThan(RUNS);
    // A writer takes seconds to start on a busy two-core machine.
  },
  60_000 + RUNS * 15_000,
);
