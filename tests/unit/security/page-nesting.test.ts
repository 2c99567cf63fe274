import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseHtmlPage } from '../../../electron/services/html/read-page.ts';
import {
  MAX_TAG_DEPTH,
  flattenDeepNesting,
  removeEmptyElements,
  tagDepth,
} from '../../../electron/services/html/nesting.ts';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'html');
const nested = (depth: number, text = 'The council agreed the budget.') =>
  `<html><body><article>${'<div>'.repeat(depth)}<p>${text}</p>${'</div>'.repeat(depth)}</article></body></html>`;

describe('pages nested deeper than any article', () => {
  it('refuses a page nested past the limit before parsing it, saying how deep', () => {
    expect(() => parseHtmlPage(nested(20_000), 'nested.html')).toThrow(
      /nests its tags 20,00\d levels deep; Gloss reads pages nested up to 1,000 levels/,
    );
  });

  it('reads the text of a page nested deep but within the limit', () => {
    const article = parseHtmlPage(nested(MAX_TAG_DEPTH - 10), 'deep.html');
    expect(article.text).toContain('The council agreed the budget.');
  });

  it('measures real pages as nested a few levels, as their parsed tree is', () => {
    for (const name of ['blog-post.html', 'harbour-ferry.html', 'hostile.html']) {
      const html = readFileSync(path.join(FIXTURES, name), 'utf8');
      const { document } = new JSDOM(html).window;
      let parsed = 0;
      for (const el of document.querySelectorAll('*')) {
        let depth = 0;
        for (let p: Element | null = el; p.parentElement; p = p.parentElement) depth++;
        parsed = Math.max(parsed, depth);
      }
      expect(tagDepth(html)).toBeGreaterThanOrEqual(parsed - 1);
      expect(tagDepth(html)).toBeLessThan(20);
    }
  });

  it('does not count void or implicitly closed elements, comments or scripts', () => {
    expect(tagDepth('<p>a<p>b<p>c<br><img src=x><li>d<li>e')).toBe(0);
    expect(tagDepth('<!-- <div><div> --><script>"<div><div>"</script><div></div>')).toBe(1);
  });

  it('collapses elements below the depth bound to their text, keeping every word', () => {
    const { document } = new JSDOM(`<body>${'<div>'.repeat(300)}<b>deep</b> words</body>`).window;
    expect(flattenDeepNesting(document.body, 64)).toBe(1);
    expect(document.body.textContent).toBe('deep words');
    expect(document.querySelectorAll('div').length).toBe(64);
  });

  it('removes empty elements before reading, keeping text, pictures and table cells', () => {
    const { document } = new JSDOM(
      `<body>${'<p>'.repeat(3000)}<div><span> </span></div><p>Kept.</p><img src="a.png">` +
        '<table><tr><td></td><td>cell</td></tr></table></body>',
    ).window;
    expect(removeEmptyElements(document.body)).toBe(3002);
    expect(document.body.innerHTML).toBe(
      '<p>Kept.</p><img src="a.png"><table><tbody><tr><td></td><td>cell</td></tr></tbody></table>',
    );
  });

  it('reads a page of thousands of empty paragraphs as the text it has', () => {
    const article = parseHtmlPage(
      `<html><body>${'<p>'.repeat(5000)}The council agreed the budget.</body></html>`,
      'empty.html',
    );
    expect(article.text).toBe('The council agreed the budget.');
  });
});
