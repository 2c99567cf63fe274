/**
 * `npm run bench`: every benchmark, each against a baseline measured in the same run. Prints a
 * table, or with `--json` a JSON array of {name, value, unit, baseline, ratio}.
 */
import type { BenchResult } from './generate.ts';

const suites: Array<[string, () => Promise<{ run(): Promise<BenchResult[]> }>]> = [
  ['attribution', () => import('./attribution.ts')],
  ['reanchor', () => import('./reanchor.ts')],
  ['paint', () => import('./paint.ts')],
  ['library', () => import('./library.ts')],
  ['cli-start', () => import('./cli-start.ts')],
];

const json = process.argv.includes('--json');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const results: BenchResult[] = [];
for (const [name, load] of suites) {
  if (only && !only.split(',').includes(name)) continue;
  if (!json) console.error(`running ${name}…`);
  results.push(...(await (await load()).run()));
}
if (json) console.log(JSON.stringify(results, null, 2));
else {
  console.log(
    'name'.padEnd(32),
    'value'.padStart(12),
    'unit'.padEnd(9),
    'baseline'.padStart(12),
    'ratio'.padStart(8),
  );
  for (const r of results) {
    console.log(
      r.name.padEnd(32),
      String(r.value).padStart(12),
      r.unit.padEnd(9),
      String(r.baseline ?? '—').padStart(12),
      String(r.ratio ?? '—').padStart(8),
    );
  }
}
process.exit(0);
