// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isPlain, renderMarkdown, renderNote } from '../../renderer/reader/note-markdown.ts';
import { seeded } from '../bench/generate.ts';

describe('rendering notes', () => {
  it('writes plain one-line notes out as marked and DOMPurify would', () => {
    const samples = [
      'Note 0: worth checking against the council minutes. #bench',
      'Check this (again) later, 40% of it and/or more!',
      'Is this right? Ask the desk',
      'Typed and gone',
    ];
    const random = seeded(5);
    const alphabet = 'abcXYZ019 ,.;:?!#%()/-';
    for (let i = 0; i < 600; i++) {
      let text = 'A';
      const length = 1 + Math.floor(random() * 40);
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      samples.push(text);
    }
    let plain = 0;
    for (const text of samples) {
      if (!isPlain(text)) continue;
      plain++;
      expect(renderNote(text), text).toBe(renderMarkdown(text));
    }
    expect(plain).toBeGreaterThan(300);
  });

  it('leaves anything Markdown or HTML would change to the full renderer', () => {
    for (const text of [
      '# Heading',
      '1. item',
      '- item',
      '> quote',
      'a *b*',
      'a_b_',
      'see www.example.com',
      'see https://example.com',
      'mail a@b.org',
      'a <b>',
      'a & b',
      'two\nlines',
      'trailing ',
      'double  space',
      "it's",
      'a "quote"',
      'x',
    ]) {
      expect(isPlain(text), text).toBe(false);
    }
    expect(renderNote('a *b* <img src=x onerror=alert(1)>')).toBe(
      renderMarkdown('a *b* <img src=x onerror=alert(1)>'),
    );
    expect(renderNote('see https://example.com')).toContain('<a href="https://example.com">');
  });
});
