import { describe, expect, it } from 'vitest';
import type { Token, Tokens } from 'marked';
import { blockIdFor } from '../../../common/export/block-id.ts';
import { exportMarkdown } from '../../../common/export/markdown.ts';
import { safeNote } from '../../../common/export/safe-note.ts';
import type { Article } from '../../../common/model/article.ts';
import type { Highlight } from '../../../common/model/highlight.ts';
import { findQuote, lex, quoteContent, splitExport } from './helpers.ts';

const TEXT = 'First passage here.\n\nSecond passage here.\n\nThird passage here.';

function article(): Article {
  return {
    id: 'a1',
    title: 'Notes',
    source: null,
    author: null,
    url: null,
    dateline: null,
    publisher: null,
    published: null,
    publishedZone: null,
    syndicated: false,
    text: TEXT,
    blocks: [],
    format: 'text',
    contentHash: 'h',
    words: 9,
    file: null,
    addedAt: '2026-01-01T00:00:00Z',
    attributions: [],
    gaps: [],
    analysisVersion: 1,
  };
}

function highlight(id: string, exact: string, note: string): Highlight {
  const start = TEXT.indexOf(exact);
  return {
    id,
    articleId: 'a1',
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    color: 'yellow',
    note,
    tags: [],
    created: '2026-01-01T00:00:00Z',
    updated: '2026-01-01T00:00:00Z',
    orphan: false,
  };
}

/** Notes that, written naively, reach past their place in the file. */
const HOSTILE_NOTES: Record<string, string> = {
  'unclosed backtick fence': '```\ncode that never ends',
  'unclosed long fence': 'text\n`````python\nx = 1\n```\nstill code',
  'unclosed tilde fence': '~~~~\n> code',
  'fence in a list item': '- item\n\n  ```\n  code in the item',
  'fence in a nested list': '1. one\n   - two\n\n     ```\n     deep code',
  'fence in a block quote': '> ```\n> quoted code',
  'thematic break and setext': '---\nTitle?\n===\n---',
  'quote and headings': '> a quote of my own\n# Heading\n## Could not be placed',
  'script block': '<script>\nlet x = 1;',
  'pre block': '<pre>\nunclosed',
  'style block': '  <style>\np { color: red }',
  'html comment': '<!-- hidden\nstill hidden',
  'processing instruction': '<?php echo 1;',
  declaration: '<!DOCTYPE html>',
  cdata: '<![CDATA[ unclosed',
  'div block': '<div>\n\n*markdown*',
  'lone tag': '<span>',
  'html in a block quote': '> <script>\n> x',
  'html in a list item': '- <pre>\n  x',
  'obsidian comment': 'Before %% hidden\nafter',
  'crlf and lone cr': '```\r\ncode\rmore',
  'indented code': '    indented code\n\n    more',
  'front matter look-alike': '---\ntitle: fake\n---',
};

/** Every top-level token after `index` up to the next highlight quote belongs to the note. */
function checkIntact(tokens: Token[], first: string, second: string, third: string): void {
  const a = findQuote(tokens, blockIdFor(first));
  const b = findQuote(tokens, blockIdFor(second));
  const c = findQuote(tokens, blockIdFor(third));
  expect(a, 'first quote').not.toBeNull();
  expect(b, 'second quote').not.toBeNull();
  expect(c, 'third quote').not.toBeNull();
  expect(quoteContent(b!.quote).text).toBe('Second passage here.');
  expect(quoteContent(c!.quote).text).toBe('Third passage here.');
  expect(b!.index).toBeGreaterThan(a!.index);
  expect(c!.index).toBeGreaterThan(b!.index);
}

describe('notes cannot break the structure of the file', () => {
  it.each(Object.entries(HOSTILE_NOTES))('%s: the next highlights stay intact', (_name, note) => {
    const hs = [
      highlight('h1', 'First passage here.', note),
      highlight('h2', 'Second passage here.', note),
      highlight('h3', 'Third passage here.', note),
    ];
    const out = exportMarkdown(article(), hs, { exported: 'now' });
    const { data, body } = splitExport(out);
    expect(data.title).toBe('Notes');
    const tokens = lex(body);
    checkIntact(tokens, 'h1', 'h2', 'h3');
    // Only the notes' own content sits between the quotes; no raw HTML block survives.
    expect(tokens.filter((t) => t.type === 'html' && (t as Tokens.HTML).block)).toEqual([]);
  });

  it('closes an unclosed top-level fence with the same fence, and leaves a closed one alone', () => {
    expect(safeNote('```js\nx')).toBe('```js\nx\n```');
    expect(safeNote('~~~~\nx\n~~~')).toBe('~~~~\nx\n~~~\n~~~~');
    expect(safeNote('```\nx\n```')).toBe('```\nx\n```');
    // A fence inside a list item closes with the item; a fence at column 0 would open a new one.
    expect(safeNote('- item\n\n  ```\n  code')).toBe('- item\n\n  ```\n  code');
  });

  it('escapes only the < that starts an HTML block, not inline HTML or code', () => {
    expect(safeNote('<script>alert(1)</script>')).toBe('\\<script>alert(1)</script>');
    expect(safeNote('text with <mark>inline</mark> html')).toBe(
      'text with <mark>inline</mark> html',
    );
    expect(safeNote('```\n<script>\n```')).toBe('```\n<script>\n```');
    expect(safeNote('    <script>')).toBe('    <script>');
    expect(safeNote('> <div>')).toBe('> \\<div>');
    expect(safeNote('para\n<span>')).toBe('para\n<span>');
  });

  it('balances Obsidian comments outside code', () => {
    expect(safeNote('a %% b')).toBe('a %% b\n%%');
    expect(safeNote('a %% b %% c')).toBe('a %% b %% c');
    expect(safeNote('`%%` in code')).toBe('`%%` in code');
    expect(safeNote('```\n%%\n```')).toBe('```\n%%\n```');
  });

  it('keeps everything else as written, apart from line endings and outer blank lines', () => {
    const note = '# My heading\n\n> my quote\n\n- a\n- b\n\n---\n\n**bold** [link](x) #tag';
    expect(safeNote(`\n\n${note}\n\n`)).toBe(note);
    expect(safeNote('a\r\nb\rc')).toBe('a\nb\nc');
    expect(safeNote('  \n ')).toBe('');
  });
});
