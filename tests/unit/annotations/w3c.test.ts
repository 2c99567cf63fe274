import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../common/anchoring/describe-range.ts';
import { parseAnnotations } from '../../../common/annotations/parse.ts';
import { toW3C } from '../../../common/annotations/w3c.ts';
import type { Highlight } from '../../../common/model/highlight.ts';

const TEXT =
  'ATHENS (Reuters) - Greece’s parliament approved the budget late on Saturday. ' +
  'The finance minister said growth would reach 2.3% next year, helped by tourism 🏖️ and exports.';

function highlight(id: string, passage: string, extra: Partial<Highlight> = {}): Highlight {
  const start = TEXT.indexOf(passage);
  return {
    id,
    articleId: 'art-1',
    ...describeRange(TEXT, start, start + passage.length),
    color: 'yellow',
    note: '',
    tags: [],
    created: '2024-05-01T09:00:00.000Z',
    updated: '2024-05-01T09:00:00.000Z',
    orphan: false,
    ...extra,
  };
}

const HIGHLIGHTS: Highlight[] = [
  highlight('h1', 'parliament approved the budget'),
  highlight('h2', 'growth would reach 2.3% next year', {
    color: 'blue',
    note: 'Optimistic? See *IMF* forecast. #economy #greece',
    tags: ['economy', 'greece'],
    updated: '2024-05-02T18:30:00.000Z',
  }),
  highlight('h3', 'tourism 🏖️ and exports', { color: 'pink', tags: ['tourism'] }),
];

describe('toW3C', () => {
  const collection = toW3C(
    { id: 'art-1', title: 'Greek budget approved', file: 'greece.txt' },
    HIGHLIGHTS,
  );

  it('produces an AnnotationCollection with one embedded page of annotations', () => {
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.label).toBe('Greek budget approved');
    expect(collection['gloss:file']).toBe('greece.txt');
    expect(collection.total).toBe(3);
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.first.items.map((a) => a.id)).toEqual([
      'urn:gloss:highlight:h1',
      'urn:gloss:highlight:h2',
      'urn:gloss:highlight:h3',
    ]);
    expect('gloss:file' in toW3C({ id: 'a', title: 't', file: null }, [])).toBe(false);
  });

  it('writes each highlight as a W3C annotation with note, tag and colour bodies and both selectors', () => {
    const [plain, noted] = collection.first.items;
    expect(plain).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      motivation: 'highlighting',
      created: '2024-05-01T09:00:00.000Z',
      modified: '2024-05-01T09:00:00.000Z',
      body: [{ type: 'TextualBody', purpose: 'highlighting', value: 'yellow' }],
      target: { source: 'urn:gloss:article:art-1' },
    });
    expect(noted?.motivation).toBe('commenting');
    expect(noted?.body).toEqual([
      {
        type: 'TextualBody',
        value: 'Optimistic? See *IMF* forecast. #economy #greece',
        format: 'text/markdown',
        purpose: 'commenting',
      },
      { type: 'TextualBody', value: 'economy', purpose: 'tagging' },
      { type: 'TextualBody', value: 'greece', purpose: 'tagging' },
      { type: 'TextualBody', value: 'blue', purpose: 'highlighting' },
    ]);
    expect(noted?.target.selector).toEqual([HIGHLIGHTS[1]?.position, HIGHLIGHTS[1]?.quote]);
  });

  it('round-trips through JSON and parseAnnotations with the same selectors, notes, tags, colours and times', () => {
    const { annotations, errors } = parseAnnotations(JSON.parse(JSON.stringify(collection)));
    expect(errors).toEqual([]);
    expect(annotations).toEqual(
      HIGHLIGHTS.map((h) => ({
        id: `urn:gloss:highlight:${h.id}`,
        quote: h.quote,
        position: h.position,
        note: h.note,
        tags: h.tags,
        color: h.color,
        created: h.created,
        updated: h.updated,
        sourceUrl: 'urn:gloss:article:art-1',
        sourceTitle: 'Greek budget approved',
      })),
    );
  });

  it('round-trips a single annotation, an array and a bare page too', () => {
    const items = collection.first.items;
    expect(parseAnnotations(items[1]).annotations[0]?.note).toBe(HIGHLIGHTS[1]?.note);
    expect(parseAnnotations(items).annotations.map((a) => a.color)).toEqual([
      'yellow',
      'blue',
      'pink',
    ]);
    expect(parseAnnotations(collection.first).annotations.map((a) => a.quote?.exact)).toEqual(
      HIGHLIGHTS.map((h) => h.quote.exact),
    );
    const { first, ...rest } = collection;
    expect(parseAnnotations({ ...rest, items: first.items }).annotations).toHaveLength(3);
  });
});
