/** A small hand-built article and highlights for focused tests. */

import type { Article } from '../../../common/model/article.ts';
import type { Attribution, Source } from '../../../common/model/attribution.ts';
import type { Highlight, HighlightColor } from '../../../common/model/highlight.ts';

export function makeArticle(overrides: Partial<Article> = {}): Article {
  const text = overrides.text ?? 'One sentence.\n\nAnother sentence.';
  return {
    id: 'art-1',
    title: 'A title',
    source: null,
    author: null,
    url: null,
    dateline: null,
    publisher: null,
    published: null,
    publishedZone: null,
    syndicated: false,
    text,
    blocks: [],
    format: 'text',
    contentHash: 'hash',
    words: text.split(/\s+/).length,
    file: null,
    addedAt: '2026-01-01T00:00:00Z',
    attributions: [],
    gaps: [],
    analysisVersion: 1,
    ...overrides,
  };
}

export function makeAttribution(text: string, quote: string, source: Partial<Source>): Attribution {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in text: ${quote}`);
  return {
    start,
    end: start + quote.length,
    quote,
    kind: 'direct',
    cue: 'said',
    source: { name: null, role: null, kind: 'person', ...source },
  };
}

export function makeHighlight(
  article: Article,
  exact: string,
  extra: Partial<Highlight> & { color?: HighlightColor } = {},
): Highlight {
  const start = article.text.indexOf(exact);
  if (start < 0 && extra.orphan !== true) throw new Error(`not in text: ${exact}`);
  return {
    id: `hl-${exact.length}-${start}`,
    articleId: article.id,
    position: {
      type: 'TextPositionSelector',
      start: Math.max(0, start),
      end: Math.max(0, start) + exact.length,
    },
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    color: 'yellow',
    note: '',
    tags: [],
    created: '2026-01-02T00:00:00Z',
    updated: '2026-01-02T00:00:00Z',
    orphan: false,
    ...extra,
  };
}
