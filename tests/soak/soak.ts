/**
 * `npm run soak`: the long versions of the store's safety tests, outside CI. Prints figures and
 * exits non-zero on any loss.
 *
 * 1. Random kills of a writer (tests/unit/store/crash.test.ts with GLOSS_CRASH_RUNS, default
 *    1,000): acknowledged writes lost, loads that fail.
 * 2. The app's services (a watched library in this process) and two `gloss`-like processes
 *    (tests/unit/store/writer-child.ts) writing highlights and notes into one folder for
 *    GLOSS_SOAK_SECONDS (default 120): every acknowledged write checked after reopening.
 * 3. Hostile inputs (tests/soak/hostile): GLOSS_HOSTILE_COUNT (default 10,000) generated or
 *    mutated inputs per importer from GLOSS_HOSTILE_SEED, through the app's import worker:
 *    uncaught exceptions, inputs over the time budget, offsets outside the text (all must be 0).
 * 4. Heap: 1,000 saved-page imports through the import worker; the heap after them must be
 *    within 50 MB of the heap after 10, in this process and in the worker.
 * `--only=writers,kills,hostile,heap` runs some of them.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_BUDGET } from '../../electron/services/import-worker/budget.ts';
import { ImportRunner } from '../../electron/services/import-worker/runner.ts';
import { openLibrary } from '../../electron/services/open-library.ts';
import { describeHeap, heapIsFlat, measureHeap } from './hostile/heap.ts';
import { IMPORTERS } from './hostile/inputs.ts';
import { describeReport, runHostile } from './hostile/run-hostile.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('../unit/store/writer-child.ts', import.meta.url));
const SECONDS = Number(process.env.GLOSS_SOAK_SECONDS ?? 120);
const KILLS = Number(process.env.GLOSS_CRASH_RUNS ?? 1000);

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

async function kills(): Promise<boolean> {
  console.log(`soak: ${KILLS} random kills of a writer…`);
  const { code, out } = await run(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--project',
      'unit',
      'tests/unit/store/crash.test.ts',
    ],
    { GLOSS_CRASH_RUNS: String(KILLS), GLOSS_DEVICE: 'soak' },
  );
  const line = out.split('\n').find((l) => l.startsWith('crash test'));
  console.log(line ?? out.slice(-2000));
  return code === 0;
}

async function writers(): Promise<boolean> {
  console.log(`soak: the app's services and two CLI processes writing for ${SECONDS} s…`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-soak-'));
  try {
    const { library: app } = await openLibrary(dir, {
      search: { persist: false },
      watch: true,
      store: { device: 'soak-app' },
    });
    const text = Array.from(
      { length: 200 },
      (_, i) => `Paragraph ${i} of the soak article, said the clerk.`,
    ).join('\n\n');
    const { id } = await app.importText('soak.txt', text);
    const acked = new Map<string, string>();
    let changes = 0;
    app.onChanged(() => changes++);
    const child = (label: string) =>
      run(process.execPath, ['--import', 'tsx', CHILD, dir, id, label, `${SECONDS}s`], {
        GLOSS_DEVICE: 'soak-cli',
      }).then(({ code, out }) => {
        for (const line of out.split('\n')) {
          const m = /^ack (\S+) (.*)$/.exec(line);
          if (m) acked.set(m[1]!, m[2]!);
        }
        if (code !== 0) throw new Error(`writer ${label} exited ${code}: ${out.slice(-500)}`);
      });
    const appWrites = (async () => {
      const until = Date.now() + SECONDS * 1000;
      for (let i = 0; Date.now() < until; i++) {
        const start = (i * 11) % (text.length - 10);
        const note = `app note ${i}`;
        const h = await app.createHighlight({
          articleId: id,
          start,
          end: start + 4,
          color: 'pink',
          note,
        });
        acked.set(h.id, note);
        if (i % 5 === 4) await app.setReadingPosition(id, i, 0.3);
      }
    })();
    await Promise.all([child('cli-one'), child('cli-two'), appWrites]);
    await app.close();
    const { library: reopened } = await openLibrary(dir, {
      search: { persist: false },
      store: { device: 'soak-check' },
    });
    const stored = new Map((await reopened.open(id)).highlights.map((h) => [h.id, h.note]));
    let lost = 0;
    for (const [hid, note] of acked) if (stored.get(hid) !== note) lost++;
    console.log(
      `soak: ${acked.size} acknowledged highlights from 3 writers, ${lost} lost or stale; ` +
        `the app saw ${changes} changes from the other processes`,
    );
    await reopened.close();
    return lost === 0 && stored.size === acked.size;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function hostile(): Promise<boolean> {
  const seed = Number(process.env.GLOSS_HOSTILE_SEED ?? Date.now() % 1_000_000_000);
  const count = Number(process.env.GLOSS_HOSTILE_COUNT ?? 10_000);
  console.log(`soak: ${count} hostile inputs per importer from seed ${seed}…`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-soak-hostile-'));
  const runner = new ImportRunner(DEFAULT_BUDGET);
  const { library } = await openLibrary(dir, { search: { persist: false } });
  let clean = true;
  try {
    for (const importer of IMPORTERS) {
      const report = await runHostile(importer, { seed, count, runner, library });
      console.log(describeReport(report, DEFAULT_BUDGET.timeMs));
      clean &&= !report.uncaught.length && !report.overBudget.length && !report.badOffsets.length;
    }
  } finally {
    await runner.close();
    await library.close();
    await rm(dir, { recursive: true, force: true });
  }
  return clean;
}

async function heap(): Promise<boolean> {
  console.log('soak: 1,000 saved-page imports through the import worker…');
  const report = await measureHeap(1000);
  console.log(describeHeap(report));
  return heapIsFlat(report);
}

const PHASES: Record<string, () => Promise<boolean>> = { writers, kills, hostile, heap };
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const chosen = only ? only.split(',') : Object.keys(PHASES);
const results: boolean[] = [];
for (const name of chosen) {
  const phase = PHASES[name];
  if (!phase)
    throw new Error(`soak: no phase ${name}; choose from ${Object.keys(PHASES).join(', ')}`);
  results.push(await phase());
}
process.exit(results.every(Boolean) ? 0 : 1);
