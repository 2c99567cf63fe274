import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { attribute } from '../../common/attribution/index.ts';
import { countWords } from '../../common/ingest/index.ts';
import { PATHOLOGICAL_TEXTS } from '../fixtures/attribution/pathological.ts';
import { median, newsText, row, type BenchResult } from './generate.ts';
import { plainAttribute } from './plain-attribution.ts';

/** Runs timed per sample, and at least this long a sample, so that a timer tick is noise. */
const SAMPLES = 15;
const MIN_SAMPLE_MS = 150;

/**
 * Attribution time per 1,000 words on generated news prose of about 20,000 words (120,000
 * characters). The baseline is a plain attributor (./plain-attribution.ts) doing the same job
 * on the same text: sentences, quotation pairs, "said" patterns, reported speech, pronouns.
 *
 * `attribution-linearity` is the same cost per 1,000 words at about 20,000 words against the
 * cost at about 2,000 words: near 1 while the engine stays linear, far above if a quadratic
 * step slips in.
 *
 * Each sample repeats its work until it has run for at least 150 ms, and the samples of all
 * three measurements are interleaved. On a busy machine the load drifts over seconds, so each
 * ratio is the median of the ratios of neighbouring samples (taken within a second of each
 * other) rather than a ratio of two medians taken over the whole run.
 */
export function run(): Promise<BenchResult[]> {
  return Promise.resolve([...measure(), ...measurePathological()]);
}

/** How many calls of `work` take at least MIN_SAMPLE_MS (after it has warmed up). */
function repetitionsFor(work: () => unknown): number {
  for (let i = 0; i < 3; i++) work();
  const began = performance.now();
  work();
  const once = Math.max(performance.now() - began, 0.01);
  return Math.max(1, Math.ceil(MIN_SAMPLE_MS / once));
}

/** Milliseconds per call of `work`, over `times` calls. */
function sample(work: () => unknown, times: number): number {
  const began = performance.now();
  for (let k = 0; k < times; k++) work();
  return (performance.now() - began) / times;
}

function measure(): BenchResult[] {
  const text = newsText(120_000, 7);
  const short = newsText(12_000, 7);
  const words = countWords(text);
  const shortWords = countWords(short);

  const engine = () => attribute(text);
  const engineShort = () => attribute(short);
  const plain = () => plainAttribute(text);
  const reps = [engine, engineShort, plain].map(repetitionsFor);
  const times: number[][] = [[], [], []];
  for (let i = 0; i < SAMPLES; i++) {
    [engine, engineShort, plain].forEach((work, w) => times[w]!.push(sample(work, reps[w]!)));
  }
  const [engineMs, shortMs, plainMs] = times.map(median) as [number, number, number];
  const [engineTimes, shortTimes, plainTimes] = times as [number[], number[], number[]];
  const pairedRatio = (a: number[], b: number[], aScale = 1, bScale = 1) =>
    median(a.map((x, i) => x / aScale / (b[i]! / bScale)));

  const found = attribute(text).attributions.length;
  const plainFound = plainAttribute(text).length;
  if (plainFound === 0)
    throw new Error('the plain attributor found nothing; the baseline is broken');
  console.error(
    `attribution: ${words.toLocaleString('en')} words; engine ${found} statements, ` +
      `plain attributor ${plainFound}; runs per sample ${reps.join('/')}`,
  );

  const perThousand = (ms: number, n: number) => (ms / n) * 1000;
  return [
    row({
      name: 'attribution-per-1000-words',
      value: perThousand(engineMs, words),
      unit: 'ms',
      size: `${words.toLocaleString('en')} words (${text.length.toLocaleString('en')} chars); median of ${SAMPLES} samples, ratio of paired samples`,
      baseline: perThousand(plainMs, words),
      ratio: pairedRatio(engineTimes, plainTimes),
      against:
        'plain quote/"said"-pattern attributor (tests/bench/plain-attribution.ts), same text',
    }),
    row({
      name: 'attribution-linearity',
      value: perThousand(engineMs, words),
      unit: 'ms per 1,000 words',
      size: `${words.toLocaleString('en')} words`,
      baseline: perThousand(shortMs, shortWords),
      ratio: pairedRatio(engineTimes, shortTimes, words, shortWords),
      against: `the engine on ${shortWords.toLocaleString('en')} words of the same prose`,
    }),
  ];
}

/** Size of each degenerate text, and of the ordinary prose it is compared with. */
const MEGABYTE = 1_000_000;
/** Samples per degenerate text: each takes seconds on a busy machine. */
const PATHOLOGICAL_SAMPLES = 3;
/** Set in the child process that measures the peak memory of one attribution. */
const PROBE_ENV = 'GLOSS_ATTRIBUTION_MEMORY_PROBE';

/** The texts of the pathological rows: generated news prose first, as the baseline. */
function pathologicalInputs(size: number): Map<string, string> {
  const inputs = new Map<string, string>([['news-prose', newsText(size, 7)]]);
  for (const p of PATHOLOGICAL_TEXTS) inputs.set(p.name, p.make(size));
  return inputs;
}

/**
 * 1 MB of each degenerate text (tests/fixtures/attribution/pathological.ts) against 1 MB of
 * generated news prose, in the same run: time (median of paired samples), peak memory (the
 * growth of the peak resident set while one attribution runs, in a fresh process each, so that
 * nothing else's garbage counts), and linearity (the cost per character at 1 MB over the cost
 * at 250 KB of the same text).
 */
function measurePathological(): BenchResult[] {
  const big = pathologicalInputs(MEGABYTE);
  const quarter = pathologicalInputs(MEGABYTE / 4);
  const names = [...big.keys()];
  const times = new Map(names.map((name) => [name, [] as number[]]));
  const quarterTimes = new Map(names.map((name) => [name, [] as number[]]));
  for (const name of names) attribute(quarter.get(name)!); // warm up every code path
  for (let i = 0; i < PATHOLOGICAL_SAMPLES; i++) {
    for (const name of names) {
      times.get(name)!.push(sample(() => attribute(big.get(name)!), 1));
      quarterTimes.get(name)!.push(sample(() => attribute(quarter.get(name)!), 1));
    }
  }
  const prose = times.get('news-prose')!;
  const proseMemory = peakMemoryMb('news-prose');
  const rows: BenchResult[] = [];
  for (const p of PATHOLOGICAL_TEXTS) {
    const own = times.get(p.name)!;
    const ownQuarter = quarterTimes.get(p.name)!;
    const size = `${MEGABYTE.toLocaleString('en')} chars: ${p.describe}`;
    const against = `the engine on ${MEGABYTE.toLocaleString('en')} chars of generated news prose`;
    rows.push(
      row({
        name: `attribution-1mb-${p.name}`,
        value: median(own),
        unit: 'ms',
        size: `${size}; median of ${PATHOLOGICAL_SAMPLES}, ratio of paired samples`,
        baseline: median(prose),
        ratio: median(own.map((ms, i) => ms / prose[i]!)),
        against,
      }),
      row({
        name: `attribution-1mb-${p.name}-memory`,
        value: peakMemoryMb(p.name),
        unit: 'MB peak growth',
        size,
        baseline: proseMemory,
        against: `${against}, measured the same way (fresh process, peak resident set)`,
      }),
      row({
        name: `attribution-1mb-${p.name}-linearity`,
        value: median(own) / MEGABYTE,
        unit: 'ms per char',
        size,
        baseline: median(ownQuarter) / (MEGABYTE / 4),
        ratio: median(own.map((ms, i) => ms / 4 / ownQuarter[i]!)),
        against: `the same text at ${(MEGABYTE / 4).toLocaleString('en')} chars`,
      }),
    );
  }
  return rows;
}

/** Peak resident memory growth, in MB, while one attribution of the named 1 MB text runs. */
function peakMemoryMb(name: string): number {
  const out = execFileSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url)],
    {
      env: { ...process.env, [PROBE_ENV]: name },
      encoding: 'utf8',
    },
  );
  const mb = Number(/peak-growth-mb=(\S+)/.exec(out)?.[1]);
  if (!Number.isFinite(mb)) throw new Error(`the memory probe for ${name} printed no figure`);
  return mb;
}

/** In the probe process: attribute one text and print how far the peak resident set grew. */
function probeMemory(name: string): void {
  const text = pathologicalInputs(MEGABYTE).get(name);
  if (text === undefined) throw new Error(`no benchmark text named ${name}`);
  const before = process.resourceUsage().maxRSS;
  const found = attribute(text).attributions.length;
  const growth = (process.resourceUsage().maxRSS - before) / 1024;
  console.log(`peak-growth-mb=${growth.toFixed(1)} statements=${found}`);
}

const probe = process.env[PROBE_ENV];
if (probe !== undefined) probeMemory(probe);
