/**
 * `npm run bench`: every benchmark, each against a real alternative measured whole in the same
 * run. Prints a table, or with `--json` a JSON array of
 * {name, value, unit, size, baseline, against, ratio}. `--only=a,b` runs some suites.
 *
 * A suite that cannot run throws with the reason; the others still run, and the command then
 * exits non-zero naming each failure, so that a missing browser is never mistaken for a pass.
 */
import { messageOf } from '../../common/errors.ts';
import type { BenchResult } from './generate.ts';

type Suite = () => Promise<{ run(): Promise<BenchResult[]> }>;

const suites: Array<[string, Suite]> = [
  ['attribution', () => import('./attribution.ts')],
  ['reanchor', () => import('./reanchor.ts')],
  ['paint', () => import('./paint.ts')],
  ['reader-smooth', () => import('./reader-smooth.ts')],
  ['library', () => import('./library.ts')],
  ['search-engines', () => import('./search-engines.ts')],
  ['cli-start', () => import('./cli-start.ts')],
  ['store', () => import('./store.ts')],
  ['sync', () => import('./sync.ts')],
  ['ingest', () => import('./ingest.ts')],
  ['import-budget', () => import('./import-budget.ts')],
];

const json = process.argv.includes('--json');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const wanted = only?.split(',');
const unknown = wanted?.filter((name) => !suites.some(([known]) => known === name)) ?? [];
if (unknown.length > 0) {
  console.error(`bench: no suite named ${unknown.join(', ')}`);
  process.exit(2);
}

const results: BenchResult[] = [];
const failures: string[] = [];
for (const [name, load] of suites) {
  if (wanted && !wanted.includes(name)) continue;
  console.error(`running ${name}…`);
  try {
    results.push(...(await (await load()).run()));
  } catch (error) {
    failures.push(`${name}: ${messageOf(error)}`);
    console.error(`bench ${name} FAILED: ${messageOf(error)}`);
  }
}

if (json) console.log(JSON.stringify(results, null, 2));
else {
  const figure = (n: number | null) => (n === null ? '—' : String(n));
  for (const r of results) {
    console.log(
      `${r.name}: ${figure(r.value)} ${r.unit} (${r.size})\n` +
        `  baseline ${figure(r.baseline)}: ${r.against}; ratio ${figure(r.ratio)}`,
    );
  }
}
if (failures.length > 0) {
  console.error(`bench: ${failures.length} suite(s) could not run:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
process.exit(0);
