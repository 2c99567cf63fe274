import { describe, expect, it } from 'vitest';
import { parseAnnotations } from '../../../common/annotations/parse.ts';

/** Search results as the Hypothesis API returns them (GET /api/search?uri=…), trimmed by hand. */
const HYPOTHESIS_SEARCH = {
  total: 3,
  rows: [
    {
      id: 'Qb2dVOgOEe6k7yM8xYz1Aw',
      created: '2024-03-02T10:15:30.123456+00:00',
      updated: '2024-03-02T10:20:01.000000+00:00',
      user: 'acct:mkariuki@hypothes.is',
      uri: 'https://news.example.com/world/africa/kenya-floods-2024-03-02',
      text: 'Compare with the **2018** floods, when the same bridge failed.',
      tags: ['floods', 'kenya', ' infrastructure '],
      group: '__world__',
      permissions: {
        read: ['group:__world__'],
        admin: ['acct:mkariuki@hypothes.is'],
        update: ['acct:mkariuki@hypothes.is'],
        delete: ['acct:mkariuki@hypothes.is'],
      },
      target: [
        {
          source: 'https://news.example.com/world/africa/kenya-floods-2024-03-02',
          selector: [
            {
              type: 'RangeSelector',
              startContainer: '/main[1]/article[1]/p[3]',
              startOffset: 0,
              endContainer: '/main[1]/article[1]/p[3]',
              endOffset: 44,
            },
            { type: 'TextPositionSelector', start: 1204, end: 1248 },
            {
              type: 'TextQuoteSelector',
              exact: 'several bridges had collapsed near Kakamega',
              prefix: 'the Red Cross said in a statement, adding that ',
              suffix: '. The meteorological department warned',
            },
          ],
        },
      ],
      document: { title: ['Floods sweep western Kenya, cutting power to thousands'] },
      links: {
        html: 'https://hypothes.is/a/Qb2dVOgOEe6k7yM8xYz1Aw',
        incontext:
          'https://hyp.is/Qb2dVOgOEe6k7yM8xYz1Aw/news.example.com/world/africa/kenya-floods-2024-03-02',
      },
      flagged: false,
      hidden: false,
      user_info: { display_name: 'M. Kariuki' },
    },
    {
      id: 'Rc3eWPhPEe6k8zN9yZa2Bx',
      created: '2024-03-02T11:02:11.000000+00:00',
      updated: '2024-03-02T11:02:11.000000+00:00',
      user: 'acct:mkariuki@hypothes.is',
      uri: 'https://news.example.com/world/africa/kenya-floods-2024-03-02',
      text: 'Page note: follow up next week.',
      tags: [],
      target: [{ source: 'https://news.example.com/world/africa/kenya-floods-2024-03-02' }],
      document: { title: ['Floods sweep western Kenya, cutting power to thousands'] },
    },
    {
      id: 'Sd4fXQiQEe6k9aO0zAb3Cy',
      created: '2024-03-03T08:00:00.000000+00:00',
      updated: '2024-03-03T08:00:00.000000+00:00',
      user: 'acct:mkariuki@hypothes.is',
      uri: 'https://news.example.com/world/africa/kenya-floods-2024-03-02',
      text: '',
      tags: [],
      target: [
        {
          source: 'https://news.example.com/world/africa/kenya-floods-2024-03-02',
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: 'urged residents to move to higher ground',
              prefix: 'through the weekend and ',
              suffix: '.',
            },
          ],
        },
      ],
      document: {},
    },
  ],
};

describe('parseAnnotations with Hypothesis JSON', () => {
  it('reads search results: quote, position, note, tags, times, source; page notes are reported', () => {
    const { annotations, errors } = parseAnnotations(HYPOTHESIS_SEARCH);
    expect(annotations).toHaveLength(2);
    expect(annotations[0]).toEqual({
      id: 'Qb2dVOgOEe6k7yM8xYz1Aw',
      quote: {
        type: 'TextQuoteSelector',
        exact: 'several bridges had collapsed near Kakamega',
        prefix: 'the Red Cross said in a statement, adding that ',
        suffix: '. The meteorological department warned',
      },
      position: { type: 'TextPositionSelector', start: 1204, end: 1248 },
      note: 'Compare with the **2018** floods, when the same bridge failed.',
      tags: ['floods', 'kenya', 'infrastructure'],
      created: '2024-03-02T10:15:30.123456+00:00',
      updated: '2024-03-02T10:20:01.000000+00:00',
      sourceUrl: 'https://news.example.com/world/africa/kenya-floods-2024-03-02',
      sourceTitle: 'Floods sweep western Kenya, cutting power to thousands',
    });
    expect(annotations[1]).toMatchObject({
      quote: { exact: 'urged residents to move to higher ground' },
      note: '',
      tags: [],
    });
    expect(annotations[1]?.position).toBeUndefined();
    expect(annotations[1]?.sourceTitle).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^item 1: a page note with no TextQuoteSelector or TextPositionSelector/,
    );
  });

  it('reads a single Hypothesis annotation', () => {
    const { annotations, errors } = parseAnnotations(HYPOTHESIS_SEARCH.rows[0]);
    expect(errors).toEqual([]);
    expect(annotations[0]?.quote?.exact).toBe('several bridges had collapsed near Kakamega');
  });
});

describe('parseAnnotations with W3C JSON from elsewhere', () => {
  it('takes a purpose-less body from the motivation and skips bodies it cannot use', () => {
    const { annotations } = parseAnnotations({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/anno1',
      type: 'Annotation',
      motivation: 'tagging',
      body: [
        { type: 'TextualBody', value: 'climate' },
        'http://example.org/image.png',
        { type: 'Image', id: 'http://example.org/x.png' },
      ],
      target: {
        source: 'http://example.org/page',
        selector: { type: 'TextQuoteSelector', exact: 'sea levels' },
      },
    });
    expect(annotations[0]).toEqual({
      id: 'http://example.org/anno1',
      quote: { type: 'TextQuoteSelector', exact: 'sea levels', prefix: '', suffix: '' },
      note: '',
      tags: ['climate'],
      sourceUrl: 'http://example.org/page',
    });
  });

  it('reads bodyValue as the note and ignores a colour Gloss does not have', () => {
    const { annotations } = parseAnnotations({
      type: 'Annotation',
      bodyValue: 'A plain comment',
      body: { type: 'TextualBody', purpose: 'highlighting', value: 'orange' },
      target: [{ source: 'x', selector: [{ type: 'TextPositionSelector', start: 4, end: 9 }] }],
    });
    expect(annotations[0]).toEqual({
      position: { type: 'TextPositionSelector', start: 4, end: 9 },
      note: 'A plain comment',
      tags: [],
      sourceUrl: 'x',
    });
  });
});

describe('parseAnnotations with malformed input', () => {
  it('throws, saying what it expected and what it got, when the overall shape is wrong', () => {
    const expected =
      'expected a W3C annotation, an array, an AnnotationCollection or Hypothesis JSON; got';
    expect(() => parseAnnotations(null)).toThrow(`${expected} null`);
    expect(() => parseAnnotations('annotations.json')).toThrow(
      `${expected} a string ("annotations.json")`,
    );
    expect(() => parseAnnotations(42)).toThrow(`${expected} a number`);
    expect(() => parseAnnotations({ name: 'x', notes: [] })).toThrow(
      `${expected} an object with keys name, notes`,
    );
    expect(() => parseAnnotations({ type: 'Note' })).toThrow(
      `${expected} an object of type "Note"`,
    );
    expect(() => parseAnnotations({ rows: 'none' })).toThrow(/"rows" is a string/);
    expect(() =>
      parseAnnotations({ type: 'AnnotationCollection', first: 'http://example.org/page1' }),
    ).toThrow(/first page is only a link \(http:\/\/example\.org\/page1\), not embedded/);
    expect(() => parseAnnotations({ type: 'AnnotationCollection' })).toThrow(
      /neither an embedded "first" page nor "items"/,
    );
    expect(() => parseAnnotations({ type: 'AnnotationPage', items: {} })).toThrow(
      /AnnotationPage without an "items" list/,
    );
  });

  it('reports each bad item with its index and reason and keeps the good ones', () => {
    const good = {
      type: 'Annotation',
      target: { source: 's', selector: { type: 'TextQuoteSelector', exact: 'fine' } },
    };
    const { annotations, errors } = parseAnnotations([
      good,
      'not an object',
      {
        type: 'Annotation',
        target: { source: 's', selector: { type: 'TextPositionSelector', start: -1, end: 'x' } },
      },
      { type: 'Annotation', target: 'http://example.org/whole-page' },
      {
        type: 'Annotation',
        created: 'yesterday',
        target: { selector: { type: 'TextQuoteSelector', exact: 'x' } },
      },
      { type: 'Annotation' },
      { type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: '' } } },
      {
        type: 'Annotation',
        target: { selector: { type: 'TextPositionSelector', start: 9, end: 3 } },
      },
      { type: 'Comment', target: [] },
      { uri: 'http://x', target: [{ selector: 'oops' }] },
    ]);
    expect(annotations).toHaveLength(1);
    expect(errors).toEqual([
      'item 1: expected an annotation object, got a string ("not an object")',
      expect.stringMatching(
        /^item 2: target: selector\[0\] \(TextPositionSelector\): start: .*>=0.*; end: .*expected number/,
      ),
      'item 3: no TextQuoteSelector or TextPositionSelector in its target, so there is nothing to place it by',
      'item 4: not a valid W3C annotation: created: not a date and time',
      'item 5: a W3C annotation without a target, so nothing says what it annotates',
      'item 6: target: selector[0] (TextQuoteSelector): exact: the quote (exact) is empty',
      'item 7: target: selector[0] (TextPositionSelector): end: end is before start',
      'item 8: not a W3C or Hypothesis annotation (got an object of type "Comment")',
      expect.stringMatching(/^item 9: not a valid Hypothesis annotation: target\[0\]\.selector: /),
    ]);
  });
});
