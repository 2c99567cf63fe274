/** `gloss annotations import` finds the article a Hypothesis export was made on by its `uri`. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import { tempDir } from '../../helpers/temp.ts';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (text: string) => void (out += `${text}\n`),
    err: (text: string) => void (err += `${text}\n`),
  });
  return { code, out, err };
}

const page = (title: string, canonical: string, sentence: string) =>
  `<!doctype html><html><head><title>${title}</title><link rel="canonical" href="${canonical}">` +
  `</head><body><article><h1>${title}</h1><p>${sentence}</p><p>${'More of the story. '.repeat(40)}</p>` +
  `</article></body></html>`;

describe('gloss annotations import, matched by address', () => {
  it('puts a Hypothesis export on the saved page whose URL its uri names', async () => {
    const dir = tempDir('hyp-url');
    const data = path.join(dir, 'data');
    const ferry = path.join(dir, 'ferry.html');
    const other = path.join(dir, 'other.html');
    writeFileSync(
      ferry,
      page('Night ferry returns', 'https://ledger.test/ferry', 'The ferry sailed at dawn.'),
    );
    writeFileSync(
      other,
      page('Harbour dues rise', 'https://ledger.test/dues', 'Dues rise in spring.'),
    );
    const imported = JSON.parse(
      (await run(['import', ferry, other, '--json', '--data', data])).out,
    ) as { imported: Array<{ id: string; title: string }> };
    const ferryId = imported.imported.find((a) => a.title === 'Night ferry returns')!.id;
    const hyp = path.join(dir, 'hypothesis.json');
    writeFileSync(
      hyp,
      JSON.stringify([
        {
          id: 'h1',
          uri: 'https://ledger.test/ferry/?utm_source=newsletter',
          text: 'Dawn, not dusk',
          tags: [],
          target: [
            {
              source: 'https://ledger.test/ferry/?utm_source=newsletter',
              selector: [{ type: 'TextQuoteSelector', exact: 'sailed at dawn' }],
            },
          ],
          // A title that names neither article: only the address can tell.
          document: { title: ['Ledger — mobile edition'] },
        },
      ]),
    );
    const result = await run(['annotations', 'import', hyp, '--json', '--data', data]);
    expect(result.err).toBe('');
    expect(JSON.parse(result.out)).toMatchObject({ imported: 1 });
    const shown = JSON.parse((await run(['show', ferryId, '--json', '--data', data])).out) as {
      highlights: Array<{ exact: string; note: string }>;
    };
    expect(shown.highlights).toEqual([
      expect.objectContaining({ exact: 'sailed at dawn', note: 'Dawn, not dusk' }),
    ]);
  });
});
