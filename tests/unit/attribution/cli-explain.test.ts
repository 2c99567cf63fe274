/**
 * `gloss attribute FILE --json --explain`: the same JSON with the stage and rule that decided
 * each attribution and gap; without --explain the shape is unchanged.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';

const SEED = path.resolve(__dirname, '..', '..', '..', 'assets', '000_8366b94cf810edf5.txt');

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: () => undefined });
  return { code, out };
}

interface Row {
  quote?: string;
  by?: string;
}

describe('gloss attribute --explain', () => {
  it('adds "by": "stage/rule" to every attribution and gap, and nothing else', async () => {
    const plain = JSON.parse((await run(['attribute', SEED, '--json'])).out) as {
      attributions: Row[];
      gaps: Row[];
    };
    const { code, out } = await run(['attribute', SEED, '--json', '--explain']);
    expect(code).toBe(0);
    const explained = JSON.parse(out) as { attributions: Row[]; gaps: Row[] };
    expect(explained.attributions.length).toBe(plain.attributions.length);
    expect(explained.gaps.length).toBe(plain.gaps.length);
    for (const [i, a] of explained.attributions.entries()) {
      expect(a.by).toMatch(/^(?:direct|reported|split)\/[a-z-]+$/);
      const { by: _by, ...rest } = a;
      expect(rest).toEqual(plain.attributions[i]);
    }
    for (const g of explained.gaps) expect(g.by).toMatch(/^gaps\/[a-z-]+$/);
    for (const a of plain.attributions) expect(a).not.toHaveProperty('by');
  });

  it('names the rule on each line of the readable listing', async () => {
    const { out } = await run(['attribute', SEED, '--explain']);
    expect(out).toMatch(/Aaron Stein.*\[direct\/[a-z-]+\]/);
    expect(out).toMatch(/at \d+: .*\[gaps\/[a-z-]+\]/);
  });
});
