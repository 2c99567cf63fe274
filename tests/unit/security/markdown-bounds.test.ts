// @vitest-environment jsdom
import { Lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { parseAnnotations } from '../../../common/annotations/parse.ts';
import { parseMarkdown } from '../../../common/ingest/markdown.ts';
import {
  boundQuotes,
  MAX_QUOTE_DEPTH,
  MAX_QUOTE_RUN_LINES,
} from '../../../common/markdown/bound-quotes.ts';
import { MAX_NOTE_LENGTH } from '../../../common/notes/limits.ts';
import { renderMarkdown } from '../../../renderer/reader/note-markdown.ts';

/** The deepest block-quote nesting in marked's tokens. */
function quoteDepth(tokens: Token[]): number {
  let deepest = 0;
  for (const token of tokens) {
    if (token.type === 'blockquote')
      deepest = Math.max(deepest, 1 + quoteDepth((token as Tokens.Blockquote).tokens));
  }
  return deepest;
}

describe('block quotes are bounded before marked reads them', () => {
  it('keeps at most eight levels of the 400-fold nested quote, and all of its words', () => {
    const hostile = `${'>>>> '.repeat(400)}deep words\n${'lazy line\n'.repeat(20)}`;
    const bounded = boundQuotes(hostile);
    expect(quoteDepth(new Lexer().lex(bounded))).toBe(MAX_QUOTE_DEPTH);
    const article = parseMarkdown(hostile);
    expect(article.text).toContain('deep words');
    expect(article.text.match(/lazy line/g)).toHaveLength(20);
  });

  it('leaves ordinary quotes, quoted lists and quotes in lists exactly as they are', () => {
    const ordinary = [
      '# A story',
      '',
      '> She said it was over.',
      '> > And he replied.',
      'lazily continued',
      '',
      '- > a quote in a list',
      '1. > > two levels in an ordered list',
      '',
      'Plain text with a > sign and >> arrows.',
    ].join('\n');
    expect(boundQuotes(ordinary)).toBe(ordinary);
  });

  it('caps quotes inside list items by the same count', () => {
    const line = `- ${'> '.repeat(20)}text`;
    const bounded = boundQuotes(line);
    expect(bounded.match(/>/g)).toHaveLength(MAX_QUOTE_DEPTH);
    expect(bounded.endsWith('text')).toBe(true);
  });

  it('breaks a quote that runs on without a blank line, keeping every line', () => {
    const lines = Array.from({ length: MAX_QUOTE_RUN_LINES * 3 }, (_, i) =>
      i % 2 ? `line ${i}` : `>>>> line ${i}`,
    );
    const bounded = boundQuotes(lines.join('\n')).split('\n');
    expect(bounded.filter((l) => l === '')).toHaveLength(2);
    expect(bounded.filter((l) => l !== '')).toEqual(lines);
  });

  it('renders a hostile note with at most eight nested quotes', () => {
    const html = renderMarkdown(`${'> '.repeat(300)}note`);
    expect(html.match(/<blockquote>/g)).toHaveLength(MAX_QUOTE_DEPTH);
    expect(html).toContain('note');
  });
});

describe('notes are limited wherever they enter', () => {
  it('refuses an imported annotation whose note is longer than a typed note may be', () => {
    const target = { selector: { type: 'TextQuoteSelector', exact: 'over' } };
    const annotation = (note: string) => ({ type: 'Annotation', bodyValue: note, target });
    const { annotations, errors } = parseAnnotations([
      annotation('x'.repeat(MAX_NOTE_LENGTH + 1)),
      annotation('fits'),
    ]);
    expect(annotations.map((a) => a.note)).toEqual(['fits']);
    expect(errors).toEqual([
      'item 0: the note is 100,001 characters; Gloss keeps notes up to 100,000',
    ]);
  });
});
