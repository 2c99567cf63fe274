import { describe, expect, it } from 'vitest';
import type { Tokens } from 'marked';
import { escapedLines, escapeLine, quoteLines } from '../../../common/export/escape-markdown.ts';
import { lex, literalText } from './helpers.ts';

/** Lines that would be Markdown syntax if written as they are. */
const HOSTILE_LINES = [
  '# Not a heading',
  '## Nor this ##',
  '> not a quote',
  '- not a list',
  '+ not a list',
  '* not a list',
  '1. not a list',
  '2019) not a list',
  '---',
  '***',
  '___',
  '===',
  '```js',
  '~~~',
  '    four spaces are not code',
  '\tnor is a tab',
  '<div>not html</div>',
  '<script>alert(1)</script>',
  '<!-- not a comment',
  '*not emphasis* and _not either_ and **nor bold**',
  '`not code` and ``neither``',
  '[not a link](http://example.com) and ![not an image](x.png)',
  '[[Not a wiki link]] and ![[nor an embed]]',
  'a #tag that is not a tag, a ^block-id, ~~not struck~~',
  'back\\slash \\*star\\* and a trailing backslash\\',
  '| not | a | table |',
  '&amp; &#35; &copy; stay as typed',
  '==not highlighted== and %%not a comment%% and $not math$ and $$x$$',
  'key:: value and ((block ref)) and {{macro}}',
  '<https://example.com> and <me@example.com>',
  '[^1] is not a footnote',
  'see https://example.com/a_b_c?x=1&y=2#frag, www.example.org/*x* and first_last@example.com.',
  '(http://example.com) and _www.example.com_ and ~ftp://files.example.net~',
  'A plain sentence, with "quotes" and it\'s (parenthesised) 3.6 million.',
];

/** The text a reader sees for one escaped line, as the only content of a document. */
function shown(line: string): string {
  const tokens = lex(escapeLine(line)).filter((t) => t.type !== 'space');
  expect(
    tokens.map((t) => t.type),
    JSON.stringify(line),
  ).toEqual(['paragraph']);
  return literalText((tokens[0] as Tokens.Paragraph).tokens);
}

describe('escaping highlighted text', () => {
  it.each(HOSTILE_LINES)('shows %j literally as one paragraph', (line) => {
    expect(shown(line)).toBe(line);
  });

  it('shows hostile lines literally inside a block quote, line after line', () => {
    const text = HOSTILE_LINES.join('\n');
    const tokens = lex(quoteLines(text).join('\n')).filter((t) => t.type !== 'space');
    expect(tokens.map((t) => t.type)).toEqual(['blockquote']);
    const inner = (tokens[0] as Tokens.Blockquote).tokens;
    expect(inner.map((t) => t.type)).toEqual(['paragraph']);
    // Soft line breaks come back as "\n" in the text tokens.
    expect(literalText((inner[0] as Tokens.Paragraph).tokens)).toBe(text);
  });

  it('keeps paragraphs as blank quote lines and drops blank lines at the ends', () => {
    expect(quoteLines('\n\nFirst *one*\n\n\nSecond\r\nthird\n')).toEqual([
      '> First \\*one\\*',
      '>',
      '>',
      '> Second',
      '> third',
    ]);
    expect(escapedLines(' \t \n')).toEqual([]);
  });

  it('does not escape ordinary prose', () => {
    const prose =
      "Turkey, which is already hosting more than 3.6 million Syrian refugees, isn't (yet) done.";
    expect(escapeLine(prose)).toBe(prose);
  });

  it('splits on a lone carriage return, which Markdown also reads as a line end', () => {
    expect(quoteLines('a\r# b')).toEqual(['> a', '> \\# b']);
  });
});
