import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { exportMarkdown } from '../../../common/export/markdown.ts';
import { makeArticle, makeHighlight } from './article-factory.ts';
import { splitExport } from './helpers.ts';

const TITLES = [
  'Turkey: the road to Idlib',
  'He said "no" — and left',
  "It's a #1 hit: 'quoted' & more",
  '# Hash first',
  '---',
  'Ends with a colon:',
  '- starts like a list',
  '[brackets] {braces} *stars* | pipes',
  'yes',
  'null',
  '123',
  '2019-06-01',
  'A very long title '.repeat(12).trim(),
  'Line one\nline two',
  'Tab\there and a backslash \\ too',
  '@at start, `backtick`, %percent, !bang, &amp',
  'Ünïcödé 北京 🚀 emoji',
];

describe('front matter', () => {
  it.each(TITLES)('keeps the title %j valid YAML that round-trips', (title) => {
    const out = exportMarkdown(makeArticle({ title }), [], { exported: '2026-11-24T10:00:00Z' });
    const end = out.indexOf('\n---\n', 4);
    const doc = parseDocument(out.slice(4, end + 1));
    expect(doc.errors).toEqual([]);
    // The heading shows the title on one line; YAML keeps line breaks collapsed the same way.
    expect((doc.toJS() as { title: string }).title).toBe(title.replace(/\s+/g, ' ').trim());
    // The front matter is closed by the first `---` line: nothing in the title can end it early.
    expect(out.slice(0, end).split('\n').slice(1)).not.toContain('---');
  });

  it('leaves out null fields and empty tags instead of writing empty values', () => {
    const out = exportMarkdown(makeArticle(), [], { exported: '2026-11-24T10:00:00Z' });
    const { data } = splitExport(out);
    expect(Object.keys(data)).toEqual(['title', 'highlights', 'exported', 'gloss_id']);
    expect(out).not.toMatch(/^(source|dateline|publisher|published|tags):/m);
  });

  it('writes every known field in the documented order, tags as a sorted flow list', () => {
    const article = makeArticle({
      source: 'AP',
      dateline: 'Istanbul',
      publisher: 'Business Standard',
      published: '2019-06-01T13:35:00+05:30',
    });
    const hs = [
      makeHighlight(article, 'One sentence.', { id: 'a', tags: ['turkey', 'syria'] }),
      makeHighlight(article, 'Another sentence.', { id: 'b', tags: ['#syria', 'aid', ''] }),
    ];
    const out = exportMarkdown(article, hs, { exported: '2026-11-24T10:00:00Z' });
    const header = out.slice(0, out.indexOf('\n---\n') + 5);
    expect(header.split('\n').map((l) => l.split(':')[0])).toEqual([
      '---',
      'title',
      'source',
      'dateline',
      'publisher',
      'published',
      'tags',
      'highlights',
      'exported',
      'gloss_id',
      '---',
      '',
    ]);
    expect(header).toContain('\ntags: [aid, syria, turkey]\n');
    expect(header).toContain('\nhighlights: 2\n');
    expect(header).toContain('\ntitle: "A title"\n');
    expect(splitExport(out).data.tags).toEqual(['aid', 'syria', 'turkey']);
  });

  it('quotes tags and values YAML would read as something other than a string', () => {
    const article = makeArticle({ source: 'yes', dateline: '42' });
    const hs = [makeHighlight(article, 'One sentence.', { tags: ['no', '3', 'a, b', 'x: y'] })];
    const { data } = splitExport(exportMarkdown(article, hs, { exported: 'e' }));
    expect(data.source).toBe('yes');
    expect(data.dateline).toBe('42');
    expect(data.tags).toEqual(['3', 'a, b', 'no', 'x: y']);
  });
});
