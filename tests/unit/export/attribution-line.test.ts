import { describe, expect, it } from 'vitest';
import {
  attributionText,
  findAttribution,
  UNKNOWN_SOURCE,
} from '../../../common/export/attribution-line.ts';
import { exportMarkdown } from '../../../common/export/markdown.ts';
import { makeArticle, makeAttribution, makeHighlight } from './article-factory.ts';

const TEXT = 'Ali said "we will stay," and Bea said "we will go home now." Nobody else spoke.';

describe('attribution of a highlight', () => {
  const a1 = makeAttribution(TEXT, 'we will stay,', { name: 'Ali', role: 'a farmer' });
  const a2 = makeAttribution(TEXT, 'we will go home now.', { name: 'Bea', role: null });

  it('picks the attribution with the largest overlap', () => {
    const start = TEXT.indexOf('stay');
    const end = TEXT.indexOf('go home') + 'go home'.length;
    expect(findAttribution([a1, a2], start, end)).toBe(a2);
    expect(findAttribution([a2, a1], TEXT.indexOf('we will stay'), TEXT.indexOf('and Bea'))).toBe(
      a1,
    );
  });

  it('finds none when the highlight only touches the end of an attributed range', () => {
    expect(findAttribution([a1], a1.end, a1.end + 5)).toBeNull();
    expect(findAttribution([a1], a1.start - 3, a1.start)).toBeNull();
    expect(findAttribution([a1, a2], TEXT.indexOf('Nobody'), TEXT.length)).toBeNull();
  });

  it('breaks ties by the earlier attribution', () => {
    const left = { ...a1, start: 0, end: 10 };
    const right = { ...a2, start: 10, end: 20 };
    expect(findAttribution([right, left], 5, 15)).toBe(left);
  });

  it('writes name and role, name alone, or the unknown-source phrase', () => {
    expect(attributionText({ name: 'Aaron Stein', role: 'the director', kind: 'person' })).toBe(
      'Aaron Stein, the director',
    );
    expect(attributionText({ name: 'Putin', role: null, kind: 'person' })).toBe('Putin');
    expect(attributionText({ name: null, role: null, kind: 'unknown' })).toBe(UNKNOWN_SOURCE);
    expect(attributionText({ name: null, role: 'a spokesman', kind: 'person' })).toBe(
      `${UNKNOWN_SOURCE}, a spokesman`,
    );
    expect(attributionText({ name: ' Emre\nErsan ', role: '', kind: 'person' })).toBe('Emre Ersan');
  });

  it('writes the line inside the quote, escaped, before the block id', () => {
    const article = makeArticle({
      text: TEXT,
      attributions: [
        makeAttribution(TEXT, 'we will stay,', { name: 'Ali *the* [farmer]', role: null }),
      ],
    });
    const out = exportMarkdown(article, [makeHighlight(article, 'we will stay', { id: 'h' })], {
      exported: 'e',
    });
    expect(out).toMatch(/\n> we will stay\n> — Ali \\\*the\\\* \\\[farmer\\\] \^h-[0-9a-f]{8}\n/);
  });
});
