import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../common/ingest/index.ts';
import type { ParsedArticle } from '../../../common/model/article.ts';

/** The marked words of an article, as `kind:text` (with the address for links). */
function marked(article: ParsedArticle): string[] {
  return article.blocks.flatMap((b) =>
    (b.marks ?? []).map(
      (m) => `${m.kind}:${article.text.slice(m.start, m.end)}${m.href ? ` <${m.href}>` : ''}`,
    ),
  );
}

describe('Markdown front matter', () => {
  const md = [
    '---',
    'title: Why ports burn',
    'author: [Ines Marlow, Tom Rae]',
    'date: 2024-05-02T09:30:00+02:00',
    'source: https://example.org/ports',
    'tags: [shipping, "safety"]',
    '---',
    '',
    'Fires at container ports are rarer than they look.',
    '',
  ].join('\n');
  const article = parseArticle('ports.md', md);

  it('becomes metadata, not the title or the body', () => {
    expect(article.title).toBe('Why ports burn');
    expect(article.author).toBe('Ines Marlow, Tom Rae');
    expect(article.published).toBe('2024-05-02T09:30:00+02:00');
    expect(article.url).toBe('https://example.org/ports');
    expect(article.tags).toEqual(['shipping', 'safety']);
    expect(article.text).toBe('Fires at container ports are rarer than they look.');
  });

  it('reads `published`, `url` and a wire `source` too, and drops a heading repeating the title', () => {
    const other = parseArticle(
      'x.md',
      '---\ntitle: Storm\npublished: 2023-01-05\nurl: http://a.example/s\nsource: AP\ntags: a, b\n---\n# Storm\n\nBody.',
    );
    expect(other).toMatchObject({
      title: 'Storm',
      published: '2023-01-05',
      url: 'http://a.example/s',
      source: 'AP',
      tags: ['a', 'b'],
      text: 'Body.',
    });
  });

  it('keeps a block that is not YAML, and never takes a script address as the url', () => {
    const rule = parseArticle('r.md', '---\nJust a rule: and: prose: here\n: :\n---\nMore.');
    expect(rule.text).toContain('More.');
    const js = parseArticle('j.md', '---\ntitle: T\nurl: "javascript:alert(1)"\n---\nText.');
    expect(js.url).toBeNull();
    expect(js.text).toBe('Text.');
  });
});

describe('Markdown inline formatting', () => {
  it('keeps emphasis, strong, code and links as marks over the plain text', () => {
    const a = parseArticle(
      'i.md',
      '# T\n\nThe *port* is **very\nbusy**, see `crane.log` and [the report](https://x.example/r).\n',
    );
    expect(a.text).toBe('The port is very busy, see crane.log and the report.');
    expect(marked(a)).toEqual([
      'emphasis:port',
      'strong:very busy',
      'code:crane.log',
      'link:the report <https://x.example/r>',
    ]);
  });

  it('keeps the words of a link to anything but the web, without its address', () => {
    const a = parseArticle('l.md', '# T\n\nA [bad link](javascript:alert(1)) here.');
    expect(marked(a)).toEqual(['link:bad link']);
  });

  it('nests marks and places them in list items and quotes', () => {
    const a = parseArticle(
      'n.md',
      '# T\n\n- one ***two*** three\n- **four**\n\n> a _quoted_ word\n',
    );
    expect(marked(a)).toEqual(['emphasis:two', 'strong:two', 'strong:four', 'emphasis:quoted']);
    for (const b of a.blocks)
      for (const m of b.marks ?? []) expect(m.start >= b.start && m.end <= b.end).toBe(true);
  });
});
