import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle, parsePublishedLine } from '../../../common/ingest/index.ts';

const SEED = readFileSync(
  path.resolve(__dirname, '../../../assets/000_8366b94cf810edf5.txt'),
  'utf8',
);

describe('the bundled feed story', () => {
  const article = parseArticle('000.txt', SEED);

  it('reads title, byline, publisher and time into metadata', () => {
    expect(article).toMatchObject({
      title: "Turkey, Russia face conflicts over Syria's push into Idlib",
      source: 'AP',
      dateline: 'Istanbul',
      publisher: 'Business Standard',
      syndicated: true,
      published: '2019-06-01T13:35:00+05:30',
      format: 'news-text',
    });
  });

  it('keeps only the story in the text, its paragraphs joined by blank lines', () => {
    expect(article.text).not.toContain('Turkey, Russia face conflicts');
    expect(article.text).not.toMatch(/AP\s+\|/);
    expect(article.text).not.toContain('auto-generated');
    expect(article.text).not.toContain('First Published');
    expect(article.text.startsWith('and are again facing')).toBe(true);
    expect(
      article.text.endsWith(
        '"Apart from this dialogue and cooperation, there is nothing on the ground that can prevent a catastrophe in Idlib," Ersan says.',
      ),
    ).toBe(true);
    for (const b of article.blocks)
      expect(article.text.slice(b.end, b.end + 2)).toMatch(/^(\n\n)?$/);
    expect(article.blocks.map((b) => article.text.slice(b.start, b.end)).join('\n\n')).toBe(
      article.text,
    );
  });

  it('joins the sentence the feed broke over two paragraphs, and nothing else', () => {
    expect(article.text).toContain(
      'with some of its members joining Turkish-backed opposition forces',
    );
    // Paragraphs that lost a linked name at their end are still separate paragraphs.
    expect(article.text).toContain('that has devastated\n\nTurkey, which');
    expect(article.text).toContain('crowded camps in\n\nTurkey has accused');
    expect(article.text).toContain('conference in\n\n"Apart from');
    expect(article.blocks).toHaveLength(22);
  });
});

describe('other feeds and plain files', () => {
  it('reads a Reuters story with a GMT time and no syndication note', () => {
    const raw =
      'Markets slip as rates rise\n\nReuters | London\n\nShares fell on Monday.\n\nTraders said the mood was glum.\n\nFirst Published: Mon, March 04 2024. 09:05 GMT\n';
    const a = parseArticle('r.txt', raw);
    expect(a).toMatchObject({
      title: 'Markets slip as rates rise',
      source: 'Reuters',
      dateline: 'London',
      publisher: null,
      syndicated: false,
      published: '2024-03-04T09:05:00+00:00',
    });
    expect(a.text).toBe('Shares fell on Monday.\n\nTraders said the mood was glum.');
  });

  it('reads a PTI story with a syndication note from another paper', () => {
    const raw =
      'Monsoon arrives early\n\nMonsoon arrives early\n\nPTI  |  New Delhi \n\nRain lashed the city.\n\n(This story has not been edited by The Daily Ledger staff and is auto-generated from a syndicated feed.)\n';
    const a = parseArticle('p.txt', raw);
    expect(a).toMatchObject({
      source: 'PTI',
      dateline: 'New Delhi',
      publisher: 'The Daily Ledger',
      syndicated: true,
    });
    expect(a.text).toBe('Rain lashed the city.');
  });

  it.each([
    ['EDT', '-04:00'],
    ['EST', '-05:00'],
    ['PST', '-08:00'],
    ['PDT', '-07:00'],
    ['BST', '+01:00'],
    ['CET', '+01:00'],
    ['UTC', '+00:00'],
  ])('knows the %s zone', (zone, offset) => {
    expect(parsePublishedLine(`First Published: Tue, July 09 2019. 07:15 ${zone}`)?.iso).toBe(
      `2019-07-09T07:15:00${offset}`,
    );
  });

  it('leaves the time unknown rather than guessing an unknown zone', () => {
    const a = parseArticle(
      'x.txt',
      'Title\n\nIANS | Mumbai\n\nBody.\n\nFirst Published: Sat, June 01 2019. 13:35 XYZT\n',
    );
    expect(a.published).toBeNull();
    expect(a.text).toBe('Body.');
  });

  it('imports a file with none of the feed lines: first line title, rest body', () => {
    const a = parseArticle(
      'notes.txt',
      'My reading list\nline two of the first paragraph\n\nSecond paragraph\nwraps here.',
    );
    expect(a).toMatchObject({ title: 'My reading list', source: null, format: 'text' });
    expect(a.text).toBe('line two of the first paragraph\n\nSecond paragraph wraps here.');
  });

  it('reads Markdown into headings, paragraphs, list items, quotes and code blocks', () => {
    const md =
      '# The title\n\nIntro with *emphasis* and a [link](http://x.test).\n\n## Part one\n\n- first item\n- second item\n\n> A quoted line\n\n```\ncode here\n```\n';
    const a = parseArticle('a.md', md);
    expect(a.title).toBe('The title');
    expect(a.blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'heading',
      'list-item',
      'list-item',
      'blockquote',
      'code',
    ]);
    expect(a.text).toBe(
      'Intro with emphasis and a link.\n\nPart one\n\nfirst item\n\nsecond item\n\nA quoted line\n\ncode here',
    );
  });

  it('refuses an empty text with a reason', () => {
    expect(() => parseArticle('e.txt', '  \n\n ')).toThrow(/empty/);
  });
});
