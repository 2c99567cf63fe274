import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Tokens } from 'marked';
import { blockIdFor } from '../../../common/export/block-id.ts';
import { exportMarkdown, ORPHANS_HEADING } from '../../../common/export/markdown.ts';
import { seedArticle } from '../../fixtures/export/seed-article.ts';
import { HOSTILE_NOTE, seedHighlights } from '../../fixtures/export/seed-highlights.ts';
import { findQuote, lex, literalText, quoteContent, splitExport } from './helpers.ts';

const EXPORTED = '2026-11-24T10:00:00Z';
const article = seedArticle();
const highlights = seedHighlights(article);
const output = exportMarkdown(article, highlights, { exported: EXPORTED });

describe('golden export of the bundled article', () => {
  it('matches the hand-checked file byte for byte', () => {
    const expected = readFileSync(
      new URL('../../fixtures/export/seed.expected.md', import.meta.url),
      'utf8',
    );
    expect(output).toBe(expected);
  });

  it('has front matter the yaml library reads back to the article metadata', () => {
    const { data } = splitExport(output);
    expect(data).toEqual({
      title: article.title,
      source: 'AP',
      dateline: 'Istanbul',
      publisher: 'Business Standard',
      published: '2019-06-01T13:35:00+05:30',
      tags: ['cooperation', 'sochi', 'syria', 'turkey'],
      highlights: highlights.length,
      exported: EXPORTED,
      gloss_id: article.id,
    });
  });

  it('parses to the title, one intact block quote per highlight in text order, and the orphan section', () => {
    const tokens = lex(splitExport(output).body);
    const first = tokens.find((t) => t.type !== 'space') as Tokens.Heading;
    expect(first.type).toBe('heading');
    expect(first.depth).toBe(1);
    expect(literalText(first.tokens)).toBe(article.title);

    const placed = highlights
      .filter((h) => !h.orphan)
      .sort((a, b) => a.position.start - b.position.start);
    let previous = -1;
    for (const h of placed) {
      const found = findQuote(tokens, blockIdFor(h.id));
      expect(found, `quote of ${h.id}`).not.toBeNull();
      expect(found!.index).toBeGreaterThan(previous);
      previous = found!.index;
      const { text } = quoteContent(found!.quote);
      expect(text).toBe(h.quote.exact);
    }

    const orphanHeading = tokens.findIndex(
      (t) =>
        t.type === 'heading' &&
        (t as Tokens.Heading).depth === 2 &&
        t.text === 'Could not be placed',
    );
    expect(orphanHeading).toBeGreaterThan(previous);
    const orphan = highlights.find((h) => h.orphan)!;
    const orphanQuote = findQuote(tokens, blockIdFor(orphan.id));
    expect(orphanQuote!.index).toBeGreaterThan(orphanHeading);
    expect(quoteContent(orphanQuote!.quote).text).toBe(orphan.quote.exact);
    expect(output).toContain(`${ORPHANS_HEADING}\n`);
  });

  it('puts each source inside its quote, and none where the passage is unattributed', () => {
    const tokens = lex(splitExport(output).body);
    const source = (id: string) =>
      quoteContent(findQuote(tokens, blockIdFor(id))!.quote).attribution;
    expect(source('hl-0001-stein')).toBe(
      'Aaron Stein, the director of the program in American think-tank',
    );
    expect(source('hl-0003-regime')).toBe('unknown source (name missing in the text)');
    expect(source('hl-0004-ersan')).toBe(
      "Emre Ersan, an and political science at Istanbul's Marmara University",
    );
    expect(source('hl-0006-unicef')).toBe("U.N.'s children's agency");
    expect(source('hl-0002-hostile')).toBeNull();
    expect(source('hl-0005-orphan')).toBeNull();
  });

  it('keeps the hostile note inside its place: the code fence is closed before the next highlight', () => {
    const tokens = lex(splitExport(output).body);
    const hostile = findQuote(tokens, blockIdFor('hl-0002-hostile'))!;
    const next = findQuote(tokens, blockIdFor('hl-0006-unicef'))!;
    const between = tokens.slice(hostile.index + 1, next.index).filter((t) => t.type !== 'space');
    expect(between.map((t) => t.type)).toEqual([
      'hr',
      'blockquote',
      'heading',
      'paragraph',
      'code',
    ]);
    const code = between[4] as Tokens.Code;
    expect(code.text).toBe('const unclosed = true;');
    expect(between.some((t) => t.type === 'html')).toBe(false);
    // Apart from the added backslash and closing fence, the note is as written.
    const noteText = output.slice(
      output.indexOf('\n---\n> not part') + 1,
      output.indexOf('\n\n> The U.N.'),
    );
    expect(noteText.replace('\\<script>', '<script>').replace(/\n```$/, '')).toBe(HOSTILE_NOTE);
  });

  it('has no raw HTML anywhere and ends the unclosed comments of the last note before the orphans', () => {
    const tokens = lex(splitExport(output).body);
    expect(tokens.filter((t) => t.type === 'html')).toEqual([]);
    const comment = output.indexOf('%% private');
    const close = output.indexOf('\n%%\n', comment);
    expect(close).toBeGreaterThan(comment);
    expect(close).toBeLessThan(output.indexOf(ORPHANS_HEADING));
  });

  it('gives the same bytes for the same data, whatever the order of the highlights', () => {
    const again = exportMarkdown(seedArticle(), [...seedHighlights(article)].reverse(), {
      exported: EXPORTED,
    });
    expect(again).toBe(output);
    const later = exportMarkdown(article, highlights, { exported: '2027-01-01T00:00:00Z' });
    expect(later.replace('exported: 2027-01-01T00:00:00Z', `exported: ${EXPORTED}`)).toBe(output);
  });
});
