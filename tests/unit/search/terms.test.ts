import { describe, expect, it } from 'vitest';
import { buildSnippet } from '../../../common/search/snippet.ts';
import { indexTerms, queryTerms } from '../../../common/search/terms.ts';

describe('hyphenated compounds in search terms', () => {
  it('indexes a compound under its parts and its folded form', () => {
    expect(indexTerms('a cease-fire deal')).toEqual(['a', 'cease', 'fire', 'ceasefire', 'deal']);
    expect(indexTerms('a well\u2011known face')).toEqual([
      'a',
      'well',
      'known',
      'wellknown',
      'face',
    ]);
  });

  it('looks for a hyphenated query word as one folded term', () => {
    expect(queryTerms('cease-fire talks')).toEqual(['ceasefire', 'talks']);
    expect(queryTerms('ceasefire')).toEqual(['ceasefire']);
  });

  it('leaves dashes between words alone: an en dash or a spaced hyphen joins nothing', () => {
    expect(indexTerms('1990–2000 and war - peace')).toEqual([
      '1990',
      '2000',
      'and',
      'war',
      'peace',
    ]);
  });

  it('marks the whole compound in a snippet when its folded form matched', () => {
    const { snippet, marks } = buildSnippet(
      'They broke the cease-fire again.',
      (w) => w === 'ceasefire',
    );
    expect(marks.map(([s, e]) => snippet.slice(s, e))).toEqual(['cease-fire']);
  });
});
