import { attribute } from '../../common/attribution/index.ts';
import { countWords } from '../../common/ingest/index.ts';
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
  return Promise.resolve(measure());
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
