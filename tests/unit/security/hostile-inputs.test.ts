/**
 * The hostile-input suite, small: a few generated or mutated inputs per importer from a fixed
 * seed (printed; GLOSS_HOSTILE_SEED replays another, GLOSS_HOSTILE_COUNT sets how many).
 * `npm run soak` runs 10,000 per importer. Every importer must answer each input with an
 * article whose offsets lie inside its text or a refusal with a reason: no exception nobody
 * meant, nothing over the time budget.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BUDGET } from '../../../electron/services/import-worker/budget.ts';
import { ImportRunner } from '../../../electron/services/import-worker/runner.ts';
import type { Library } from '../../../electron/services/library.ts';
import { openLibrary } from '../../../electron/services/open-library.ts';
import { tempDir } from '../../helpers/temp.ts';
import { IMPORTERS } from '../../soak/hostile/inputs.ts';
import { describeReport, runHostile } from '../../soak/hostile/run-hostile.ts';

const SEED = Number(process.env.GLOSS_HOSTILE_SEED ?? 20_261_202);
const COUNT = Number(process.env.GLOSS_HOSTILE_COUNT ?? 12);

// The worker loads the sources through tsx (seconds); some inputs are meant to be slow.
vi.setConfig({ testTimeout: 300_000 });

let runner: ImportRunner;
let library: Library;

beforeAll(async () => {
  console.log(`hostile inputs: seed ${SEED}, ${COUNT} per importer (GLOSS_HOSTILE_SEED to replay)`);
  runner = new ImportRunner(DEFAULT_BUDGET);
  ({ library } = await openLibrary(tempDir('hostile'), { search: { persist: false } }));
});
afterAll(async () => {
  await runner?.close();
  await library?.store.close?.();
});

describe('hostile inputs', () => {
  it.each(IMPORTERS)(
    '%s: no uncaught exception, nothing over budget, offsets inside the text',
    async (importer) => {
      const report = await runHostile(importer, { seed: SEED, count: COUNT, runner, library });
      console.log(describeReport(report, DEFAULT_BUDGET.timeMs));
      expect(report.imported + report.refused).toBe(COUNT);
      expect(report.uncaught).toEqual([]);
      expect(report.overBudget).toEqual([]);
      expect(report.badOffsets).toEqual([]);
    },
  );
});
