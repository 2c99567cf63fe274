/**
 * What the reader marks in a stored article must match what the engine finds in the file as
 * published: the stored body has lost its headline, and its first paragraph is still body text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attribute } from '../../../common/attribution/index.ts';
import { analyseArticle } from '../../../common/analysis/article-analysis.ts';
import { library, removeTempDirs } from './helpers.ts';

const SEED = path.resolve(__dirname, '..', '..', '..', 'assets', '000_8366b94cf810edf5.txt');

afterEach(removeTempDirs);

/** The words that follow an offset, to find the same place in another copy of the text. */
function following(text: string, offset: number): string {
  return text.slice(offset, offset + 24).replace(/\s+/g, ' ');
}

describe('the analysis stored with an article', () => {
  it('marks the gaps of the opening paragraph of the bundled article, as in the file', async () => {
    const { library: lib } = await library();
    const outcome = await lib.importFile(SEED);
    const { article } = await lib.open(outcome.id);

    // "and are again facing ...": both leading names were stripped, and so was the last word.
    const opening = article.text.slice(0, article.text.indexOf('\n'));
    expect(opening.startsWith('and are again facing')).toBe(true);
    const stored = article.gaps.map((g) => g.offset);
    expect(stored).toContain(0);
    expect(stored).toContain(article.text.indexOf('are again facing'));
    expect(stored).toContain(opening.length);

    // Every gap the engine finds in the body of the file is marked in the stored article.
    const file = fs.readFileSync(SEED, 'utf8');
    const bodyStart = file.indexOf('and are again facing');
    const fileGaps = attribute(file).gaps.filter((g) => g.offset >= bodyStart);
    const storedPlaces = stored.map((o) => following(article.text, o));
    for (const gap of fileGaps) {
      const place = following(file, gap.offset);
      expect(storedPlaces, `the gap before ${JSON.stringify(place)}`).toContain(place);
    }
    expect(article.gaps.length).toBe(fileGaps.length);
  });

  it('keeps statements of the first paragraph, with offsets into the body', () => {
    const body =
      'Critics said the plan would cost more than it saves, a view the mayor rejected on Monday.\n\nThe council votes next week.';
    const { attributions } = analyseArticle('Council weighs plan', body);
    expect(attributions.length).toBeGreaterThan(0);
    for (const a of attributions) expect(body.slice(a.start, a.end)).toBe(a.quote);
    expect(attributions[0]!.quote).toContain('the plan would cost more');
  });
});
