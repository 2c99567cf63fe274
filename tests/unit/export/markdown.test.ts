import { describe, expect, it } from 'vitest';
import { blockIdFor } from '../../../common/export/block-id.ts';
import { exportMarkdown, ORPHANS_HEADING } from '../../../common/export/markdown.ts';
import { makeArticle, makeAttribution, makeHighlight } from './article-factory.ts';
import { findQuote, lex, quoteContent, splitExport } from './helpers.ts';

const TEXT =
  'First paragraph, plain.\n\nSecond *starred* paragraph.\n\n# Third, a hash line\n\nFourth.';

describe('exportMarkdown', () => {
  it('writes only the title when there are no highlights', () => {
    const out = exportMarkdown(makeArticle({ title: 'Just a *title*' }), [], { exported: 'e' });
    expect(out.slice(out.indexOf('\n---\n') + 5)).toBe('\n# Just a \\*title\\*\n');
    expect(splitExport(out).data.highlights).toBe(0);
    expect(out).not.toContain(ORPHANS_HEADING);
  });

  it('quotes a highlight over several paragraphs with > on every line, blank ones as >', () => {
    const article = makeArticle({ text: TEXT });
    const exact = 'Second *starred* paragraph.\n\n# Third, a hash line\n\nFourth.';
    const h = makeHighlight(article, exact, { id: 'multi' });
    const out = exportMarkdown(article, [h], { exported: 'e' });
    expect(out).toContain(
      `\n> Second \\*starred\\* paragraph.\n>\n> \\# Third, a hash line\n>\n> Fourth. ^${blockIdFor('multi')}\n`,
    );
    const found = findQuote(lex(splitExport(out).body), blockIdFor('multi'));
    expect(quoteContent(found!.quote).text).toBe(exact);
  });

  it('adds the colour as a tag after the note only when asked', () => {
    const article = makeArticle({ text: TEXT });
    const hs = [
      makeHighlight(article, 'First paragraph', { id: 'a', color: 'pink', note: 'My note' }),
      makeHighlight(article, 'Fourth.', { id: 'b', color: 'blue' }),
    ];
    const plain = exportMarkdown(article, hs, { exported: 'e' });
    expect(plain).not.toMatch(/#pink|#blue/);
    const tagged = exportMarkdown(article, hs, { exported: 'e', colorTags: true });
    expect(tagged).toContain(
      `> First paragraph ^${blockIdFor('a')}\n\nMy note\n\n#pink\n\n> Fourth. ^${blockIdFor('b')}\n\n#blue\n`,
    );
  });

  it('separates highlights without notes by one blank line', () => {
    const article = makeArticle({ text: TEXT });
    const hs = [
      makeHighlight(article, 'Fourth.', { id: 'b' }),
      makeHighlight(article, 'First paragraph', { id: 'a' }),
    ];
    const out = exportMarkdown(article, hs, { exported: 'e' });
    expect(out).toContain(
      `\n\n> First paragraph ^${blockIdFor('a')}\n\n> Fourth. ^${blockIdFor('b')}\n`,
    );
    expect(out.endsWith(`^${blockIdFor('b')}\n`)).toBe(true);
  });

  it('puts orphans and highlights whose position is outside the text under the last heading', () => {
    const article = makeArticle({ text: TEXT });
    const placed = makeHighlight(article, 'Fourth.', { id: 'p' });
    const orphan = makeHighlight(article, 'Gone *text*', {
      id: 'o',
      orphan: true,
      note: 'kept',
      created: '2026-01-01T00:00:00Z',
    });
    const stale = {
      ...makeHighlight(article, 'Fourth.', { id: 's', created: '2026-01-05T00:00:00Z' }),
      position: {
        type: 'TextPositionSelector' as const,
        start: TEXT.length - 2,
        end: TEXT.length + 40,
      },
    };
    const out = exportMarkdown(article, [stale, orphan, placed], { exported: 'e' });
    const tail = out.slice(out.indexOf(ORPHANS_HEADING));
    expect(tail).toBe(
      `${ORPHANS_HEADING}\n\n> Gone \\*text\\* ^${blockIdFor('o')}\n\nkept\n\n> Fourth. ^${blockIdFor('s')}\n`,
    );
    expect(out.indexOf(`^${blockIdFor('p')}`)).toBeLessThan(out.indexOf(ORPHANS_HEADING));
    expect(splitExport(out).data.highlights).toBe(3);
  });

  it('does not attribute an orphan even if its old position overlapped a quotation', () => {
    const text = 'She said "all is well" today.';
    const article = makeArticle({
      text,
      attributions: [makeAttribution(text, 'all is well', { name: 'Ann' })],
    });
    const orphan = makeHighlight(article, 'all is well', { id: 'o', orphan: true });
    expect(exportMarkdown(article, [orphan], { exported: 'e' })).not.toContain('— Ann');
    const placed = makeHighlight(article, 'all is well', { id: 'p' });
    expect(exportMarkdown(article, [placed], { exported: 'e' })).toContain(
      `> all is well\n> — Ann ^${blockIdFor('p')}\n`,
    );
  });

  it('refuses highlights of another article', () => {
    const article = makeArticle({ text: TEXT });
    const h = makeHighlight(article, 'Fourth.', { articleId: 'other' });
    expect(() => exportMarkdown(article, [h], { exported: 'e' })).toThrow(
      /belongs to article other/,
    );
  });

  it('keeps the quote a block quote when the text starts with spaces, tabs or markers', () => {
    const text = '    indented four\n\t-tabbed dash\n1) one';
    const article = makeArticle({ text });
    const out = exportMarkdown(article, [makeHighlight(article, text, { id: 'x' })], {
      exported: 'e',
    });
    const found = findQuote(lex(splitExport(out).body), blockIdFor('x'));
    expect(found!.quote.tokens.map((t) => t.type)).toEqual(['paragraph']);
    expect(quoteContent(found!.quote).text).toBe(text);
  });
});
