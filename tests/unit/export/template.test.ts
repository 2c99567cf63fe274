import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../../common/export/markdown.ts';
import { lineAndColumn, TemplateError } from '../../../common/export/template.ts';
import { seedArticle } from '../../fixtures/export/seed-article.ts';
import { seedHighlights } from '../../fixtures/export/seed-highlights.ts';
import { makeArticle, makeAttribution, makeHighlight } from './article-factory.ts';

const TEXT = 'Ali said "we <will> stay & fight," then left. A *starred* line.';

function sample() {
  const article = makeArticle({
    title: 'Fish & "Chips" <b>',
    source: 'AP',
    publisher: null,
    text: TEXT,
    attributions: [
      makeAttribution(TEXT, 'we <will> stay & fight,', { name: 'Ali', role: 'a farmer' }),
    ],
  });
  const highlights = [
    makeHighlight(article, 'we <will> stay', {
      id: 'h1',
      note: 'Note *one* & <i>',
      tags: ['b', 'a'],
      color: 'green',
    }),
    makeHighlight(article, 'A *starred* line.', { id: 'h2', note: '', tags: [] }),
  ];
  return { article, highlights };
}

describe('templates', () => {
  it('renders the documented placeholders without HTML escaping', () => {
    const { article, highlights } = sample();
    const template = [
      'T={{title}} R={{rawTitle}} S={{source}} P=[{{publisher}}] X={{exported}} ID={{id}} TAGS={{tags}}',
      '{{#highlights}}',
      '{{index}}. {{rawText}} | {{text}} | {{source}} | {{color}} | {{tags}} | {{blockId}} | {{note}}',
      '{{quoted}}',
      '{{/highlights}}',
    ].join('\n');
    const out = exportMarkdown(article, highlights, { exported: '2026-11-24T10:00:00Z', template });
    const blockId = (id: string) =>
      exportMarkdown(article, highlights, {
        exported: 'x',
        template: '{{#highlights}}{{id}}={{blockId}};{{/highlights}}',
      })
        .split(';')
        .find((s) => s.startsWith(`${id}=`))!
        .slice(id.length + 1);
    expect(out).toBe(
      [
        'T=Fish & "Chips" \\<b\\> R=Fish & "Chips" <b> S=AP P=[] X=2026-11-24T10:00:00Z ID=art-1 TAGS=a, b',
        `1. we <will> stay | we \\<will\\> stay | Ali, a farmer | green | a, b | ${blockId('h1')} | Note *one* & <i>`,
        '> we \\<will\\> stay',
        `2. A *starred* line. | A \\*starred\\* line. |  | yellow |  | ${blockId('h2')} | `,
        '> A \\*starred\\* line.',
        '',
      ].join('\n'),
    );
    expect(blockId('h1')).toMatch(/^\^h-[0-9a-f]{8}$/);
  });

  it('can rebuild the default layout from the documented placeholders', () => {
    const article = seedArticle();
    const highlights = seedHighlights(article);
    const template = [
      '{{{frontMatter}}}',
      '# {{title}}',
      '{{#highlights}}',
      '',
      '{{quoted}}',
      '{{#source}}',
      '> — {{source}}',
      '{{/source}}',
      '{{blockId}}',
      '',
      '{{note}}',
      '{{/highlights}}',
    ].join('\n');
    const out = exportMarkdown(article, highlights, { exported: 'now', template });
    const plain = exportMarkdown(article, highlights, { exported: 'now' });
    expect(out.startsWith(plain.slice(0, plain.indexOf('\n# ')))).toBe(true);
    for (const h of highlights.filter((x) => !x.orphan))
      expect(out).toContain(h.note.split('\n')[0]);
    expect(out).toContain('> — Aaron Stein, the director of the program in American think-tank');
  });

  it('offers YAML-safe values for templates that write their own front matter', () => {
    const { article, highlights } = sample();
    const out = exportMarkdown(article, highlights, {
      exported: 'e',
      template: 'title: {{yaml.title}}\ntags: {{yaml.tags}}\nsource: {{yaml.source}}',
    });
    expect(out).toBe('title: "Fish & \\"Chips\\" <b>"\ntags: [a, b]\nsource: AP');
  });

  it('lists the orphans and the colour tags', () => {
    const { article, highlights } = sample();
    const orphan = makeHighlight(article, 'gone text', { id: 'o', orphan: true, color: 'pink' });
    const out = exportMarkdown(article, [...highlights, orphan], {
      exported: 'e',
      colorTags: true,
      template:
        '{{#highlights}}{{colorTag}};{{/highlights}}{{#hasOrphans}}|{{#orphans}}{{rawText}} {{colorTag}}{{/orphans}}{{/hasOrphans}}',
    });
    expect(out).toBe('#green;#yellow;|gone text #pink');
    const without = exportMarkdown(article, [...highlights, orphan], {
      exported: 'e',
      template: '{{#highlights}}[{{colorTag}}]{{/highlights}}',
    });
    expect(without).toBe('[][]');
  });

  const BROKEN: Array<[string, string, number, number, RegExp]> = [
    [
      'an unclosed section',
      '# {{title}}\n\n{{#highlights}}\n> {{text}}\n',
      3,
      1,
      /unclosed section "highlights"/,
    ],
    [
      'an unopened section',
      'line one\nline two {{/highlights}}',
      2,
      10,
      /unopened section "highlights"/,
    ],
    [
      'a mismatched section',
      '{{#highlights}}\n  {{/orphans}}',
      2,
      3,
      /unclosed section "highlights"/,
    ],
    ['an unclosed tag', 'ok\nok\n  {{title', 3, 3, /unclosed tag/],
  ];

  it.each(BROKEN)('names the line and column of %s', (_name, template, line, column, reason) => {
    const { article, highlights } = sample();
    let error: unknown;
    try {
      exportMarkdown(article, highlights, { exported: 'e', template });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateError);
    const te = error as TemplateError;
    expect(te.message).toMatch(new RegExp(`^Template error at line ${line}, column ${column}: `));
    expect(te.message).toMatch(reason);
    expect([te.line, te.column]).toEqual([line, column]);
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
  });
});

describe('the documented example template', () => {
  const doc = readFileSync(new URL('../../../common/export/TEMPLATES.md', import.meta.url), 'utf8');
  const example = /## Example[\s\S]*?```\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

  it('reproduces the default layout byte for byte', () => {
    expect(example).toContain('{{#highlights}}');
    const article = seedArticle();
    const highlights = seedHighlights(article);
    for (const colorTags of [false, true]) {
      const options = { exported: '2026-11-24T10:00:00Z', colorTags };
      expect(exportMarkdown(article, highlights, { ...options, template: example })).toBe(
        exportMarkdown(article, highlights, options),
      );
    }
    const bare = makeArticle();
    expect(exportMarkdown(bare, [], { exported: 'e', template: example })).toBe(
      exportMarkdown(bare, [], { exported: 'e' }),
    );
  });
});
