/**
 * attribute() must stay linear: roughly under 10 ms per 1,000 words. The bound asserted here
 * is looser, so that a busy test machine does not fail it, but a quadratic slip would.
 */
import { describe, expect, it } from 'vitest';
import { attribute } from '../../../common/attribution/index.ts';

const PARAGRAPHS = [
  '"We have made offers on pensions and on taxes, and every time the answer has been no," said Lukas Brenner, the party\'s chief negotiator. "At some point you have to ask whether the other side wants a deal."',
  'The for Human Rights said more than 291 civilians and 369 fighters have been killed since April 30 in the rebel stronghold, according to the monitor.',
  'Emre Ersan, an associate professor at Marmara University, believes the plan may have failed. He says the talks with the ministry have not worked.',
  'Residents of the township told reporters the water had reached their doorsteps within twenty minutes, and police said boats had been sent to help families stranded near the border with',
  'Analysts say the deadlock reflects deeper problems in the coalition, which has struggled to agree on a budget since the election in the spring.',
];

/** An article of about `words` words built from news-style paragraphs. */
function article(words: number): string {
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = PARAGRAPHS[i % PARAGRAPHS.length] ?? '';
    out.push(p);
    count += p.split(/\s+/).length;
  }
  return out.join('\n\n');
}

function msPer1000Words(words: number, runs: number): number {
  const text = article(words);
  attribute(text); // warm up
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) attribute(text);
  return ((performance.now() - t0) / runs / words) * 1000;
}

describe('attribute speed', () => {
  it('stays linear and fast on long texts', () => {
    const small = msPer1000Words(2_000, 10);
    const large = msPer1000Words(20_000, 3);
    console.log(`attribute(): ${small.toFixed(2)} ms per 1,000 words at 2,000 words; ${large.toFixed(2)} ms at 20,000 words`);
    expect(large).toBeLessThan(40);
    expect(large / small).toBeLessThan(4);
  });
});
