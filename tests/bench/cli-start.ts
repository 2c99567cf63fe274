/**
 * How long the `gloss` command takes to start: `gloss --help` (the launcher and the bundle,
 * nothing opened) and `gloss list` on an empty library, each against `node -e 0` (Node's own
 * start on this machine) in the same run. Runs are interleaved so that a busy moment on the
 * machine falls on all three alike; each figure is the median wall time of a spawned process.
 * The bundle is built from the current sources first, and its size is stated in the row.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { median, row, type BenchResult } from './generate.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const RUNS = 15;

function timeSpawn(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore', env });
  return performance.now() - t0;
}

export async function run(): Promise<BenchResult[]> {
  // Fails the bench loudly if the bundle cannot be built.
  await promisify(execFile)(process.execPath, [
    path.join(ROOT, 'electron', 'build.mjs'),
    '--cli-only',
  ]);
  const bundleKb = Math.round(statSync(path.join(ROOT, 'dist', 'cli', 'gloss.cjs')).size / 1024);
  const bin = path.join(ROOT, 'electron', 'cli', 'gloss.mjs');
  const data = mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-cli-'));
  try {
    const env = { ...process.env, GLOSS_DATA: data };
    const node: number[] = [];
    const help: number[] = [];
    const list: number[] = [];
    timeSpawn([bin, 'list'], env); // creates the empty library once, outside the timings
    for (let i = 0; i < RUNS; i++) {
      node.push(timeSpawn(['-e', '0']));
      help.push(timeSpawn([bin, '--help']));
      list.push(timeSpawn([bin, 'list'], env));
    }
    const baseline = median(node);
    const against = `node -e 0 (Node's own start), median of ${RUNS} interleaved runs`;
    return [
      row({
        name: 'cli-start',
        value: median(help),
        unit: 'ms',
        size: `gloss --help, ${bundleKb} KB bundle`,
        baseline,
        against,
      }),
      row({
        name: 'cli-list',
        value: median(list),
        unit: 'ms',
        size: 'gloss list on an empty library',
        baseline,
        against,
      }),
    ];
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}
