import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../common/analysis/article-analysis.ts';
import { buildPageArticle } from '../../../common/ingest/web-page.ts';
import type { DraftBlock } from '../../../common/ingest/blocks.ts';

const META = {
  title: 'Fire at the port',
  author: 'Jane Doe',
  published: null,
  siteName: null,
  url: null,
};
const p = (text: string): DraftBlock => ({ kind: 'paragraph', text });

describe('saved page clutter', () => {
  it('removes advertisement and sponsorship labels between paragraphs, not story text', () => {
    const article = buildPageArticle(
      META,
      [
        p('A fire broke out at the container port on Tuesday night, officials said.'),
        p('Advertisement'),
        p('Sponsored: The best waterproof jackets of the year'),
        p('STORY CONTINUES BELOW ADVERTISEMENT'),
        p('The harbour master said the sponsored ferry service would resume.'),
        { kind: 'heading', text: 'Sponsored', level: 2 },
      ],
      'fire',
    );
    expect(article.text).toBe(
      'A fire broke out at the container port on Tuesday night, officials said.\n\n' +
        'The harbour master said the sponsored ferry service would resume.\n\nSponsored',
    );
  });

  it('drops photo credits, so no false gap mark follows them', () => {
    const credits = [
      'Photograph: Jane Doe/AP',
      '(AP Photo/Mark Lennihan)',
      'Credit: Getty Images',
      'REUTERS/Jane Doe',
      'Photo by Tom Rae for The Ledger',
    ];
    const drafts: DraftBlock[] = [
      p('A fire broke out at the container port on Tuesday night, officials said.'),
      {
        kind: 'figure',
        text: 'Smoke rises over the terminal on Tuesday. Photo: Jane Doe for The',
        image: { src: null, alt: 'Smoke' },
      },
      ...credits.map(p),
      p('The harbour master said the cause was not yet known.'),
    ];
    const article = buildPageArticle(META, drafts, 'fire');
    expect(article.text).toBe(
      'A fire broke out at the container port on Tuesday night, officials said.\n\n' +
        'Smoke rises over the terminal on Tuesday.\n\n' +
        'The harbour master said the cause was not yet known.',
    );
    expect(analyseArticle(article.title, article.text).gaps).toEqual([]);
  });

  it('stores the byline as the author, leaving the wire source empty', () => {
    const article = buildPageArticle(META, [p('Body text here.')], 'fire');
    expect(article).toMatchObject({ author: 'Jane Doe', source: null });
  });
});
