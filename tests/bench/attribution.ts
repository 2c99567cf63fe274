import { attribute } from '../../common/attribution/index.ts';
import { countWords } from '../../common/ingest/index.ts';
import { median, newsText, type BenchResult } from './generate.ts';

/**
 * Attribution time per 1,000 words on generated news prose of about 20,000 words. The baseline
 * is one linear pass over the same text (splitting it into sentences with a regular
 * expression), to show what the analysis costs beyond merely reading the text.
 *
 * `attribution-linearity` is the same cost per 1,000 words at about 20,000 words against its
 * baseline at about 2,000 words: near 1 while the engine stays linear, far above if a
 * quadratic step slips in.
 */
export async function run(): Promise<BenchResult[]> {
  const text = newsText(120_000, 7);
  const short = newsText(12_000, 7);
  const words = countWords(text);
  const shortWords = countWords(short);
  // Warm the JIT on both sizes, then interleave the runs so that a busy moment on the
  // machine falls on both measurements alike.
  for (let i = 0; i < 3; i++) {
    attribute(text);
    attribute(short);
  }
  const times: number[] = [];
  const shortTimes: number[] = [];
  const baselines: number[] = [];
  for (let i = 0; i < 9; i++) {
    let t0 = performance.now();
    attribute(text);
    times.push(performance.now() - t0);
    t0 = performance.now();
    for (let k = 0; k < 10; k++) attribute(short);
    shortTimes.push((performance.now() - t0) / 10);
    t0 = performance.now();
    text.split(/(?<=[.!?]["”]?)\s+/).filter((s) => s.includes('said')).length;
    baselines.push(performance.now() - t0);
  }
  const value = (median(times) / words) * 1000;
  const baseline = (median(baselines) / words) * 1000;
  const shortValue = (median(shortTimes) / shortWords) * 1000;
  return [
    {
      name: 'attribution-per-1000-words',
      value: round(value),
      unit: 'ms',
      baseline: round(baseline),
      ratio: round(value / baseline),
    },
    {
      name: 'attribution-linearity',
      value: round(value),
      unit: 'ms per 1,000 words at ~20k words',
      baseline: round(shortValue),
      ratio: round(value / shortValue),
    },
  ];
}

const round = (n: number) => Math.round(n * 1000) / 1000;
