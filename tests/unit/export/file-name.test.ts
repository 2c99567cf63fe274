import { describe, expect, it } from 'vitest';
import {
  fileNameKey,
  MAX_NAME_LENGTH,
  safeFileNames,
  suggestedFileName,
} from '../../../common/export/file-name.ts';

/** Checks a name against the rules of Windows, macOS and Linux (and Obsidian links). */
function assertPortable(name: string): void {
  expect(name.endsWith('.md'), name).toBe(true);
  // \p{Cc}: the C0 and C1 control characters, U+0000–U+001F and U+007F–U+009F.
  expect(name, name).not.toMatch(/[<>:"/\\|?*#^[\]\p{Cc}]/u);
  expect(name.slice(0, -3), name).not.toMatch(/[. ]$/);
  expect(name, name).not.toMatch(/^[. ]/);
  expect(name.length, name).toBeLessThanOrEqual(MAX_NAME_LENGTH);
  expect(Buffer.byteLength(name, 'utf8'), name).toBeLessThanOrEqual(255);
  expect(name, name).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i);
  // No lone surrogate: the name survives a UTF-8 round trip unchanged.
  expect(Buffer.from(name, 'utf8').toString('utf8'), name).toBe(name);
}

const TITLES = [
  "Turkey, Russia face conflicts over Syria's push into Idlib",
  'What: a <title> with "every" / forbidden \\ char | ? *',
  'Tabs\tand\nnew lines\r\nand \u0007 bells \u0000 nulls',
  'Ends with dots...',
  'Ends with spaces   ',
  '...leading dots',
  'CON',
  'con.md',
  'Nul',
  'COM1',
  'lpt9',
  'Aux. The trouble with devices',
  'CONSOLE is not reserved',
  '#tag ^id [[link]]',
  '',
  '   ',
  '???',
  'a'.repeat(300),
  '😀'.repeat(100),
  'x' + '😀'.repeat(100),
  '北京'.repeat(100),
  'e\u0301'.repeat(80),
  'Right-to-left \u202e override',
];

describe('file names', () => {
  it.each(TITLES)('makes a portable name from %j', (title) => {
    assertPortable(suggestedFileName({ title, id: 'x' }));
  });

  it('keeps ordinary titles readable', () => {
    expect(
      suggestedFileName({
        title: "Turkey, Russia face conflicts over Syria's push into Idlib",
        id: '1',
      }),
    ).toBe("Turkey, Russia face conflicts over Syria's push into Idlib.md");
    expect(suggestedFileName({ title: 'Idlib: what next?', id: '1' })).toBe('Idlib what next.md');
    expect(suggestedFileName({ title: '', id: '1' })).toBe('Untitled.md');
  });

  it('avoids reserved device names, with or without an extension', () => {
    for (const title of ['CON', 'con.md', 'Nul', 'COM1', 'Aux. The trouble']) {
      const stem = suggestedFileName({ title, id: '1' }).slice(0, -3);
      expect(stem.split('.')[0]!.trimEnd(), title).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
    }
    expect(suggestedFileName({ title: 'CONSOLE is not reserved', id: '1' })).toBe(
      'CONSOLE is not reserved.md',
    );
  });

  it('cuts long names without splitting a surrogate pair', () => {
    const name = suggestedFileName({ title: 'x' + '😀'.repeat(100), id: '1' });
    expect(name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(name).toMatch(/^x(😀)+\.md$/);
  });

  it('gives every article its own name, case-insensitively, and keeps the first one plain', () => {
    const articles = [
      { id: 'a', title: 'Idlib' },
      { id: 'b', title: 'IDLIB' },
      { id: 'c', title: 'idlib?' },
      { id: 'd', title: 'Idlib (2)' },
      { id: 'e', title: 'a'.repeat(300) },
      { id: 'f', title: 'A'.repeat(300) },
      { id: 'g', title: 'Cafe\u0301' },
      { id: 'h', title: 'Caf\u00e9' },
    ];
    const names = safeFileNames(articles);
    expect(names.size).toBe(articles.length);
    const values = [...names.values()];
    for (const n of values) assertPortable(n);
    expect(new Set(values.map(fileNameKey)).size).toBe(values.length);
    expect(names.get('a')).toBe('Idlib.md');
    expect(names.get('d')).toBe('Idlib (2).md');
    expect(names.get('b')).toBe('IDLIB (3).md');
    expect(names.get('c')).toBe('idlib (4).md');
    expect(names.get('f')!.endsWith(' (2).md')).toBe(true);
  });

  it('numbers many articles with one title without reusing a number', () => {
    const articles = Array.from({ length: 300 }, (_, i) => ({
      id: `id${i}`,
      title: i % 2 ? 'Breaking: news' : 'BREAKING news',
    }));
    const names = [...safeFileNames(articles).values()];
    expect(names[0]).toBe('BREAKING news.md');
    expect(names[1]).toBe('Breaking news (2).md');
    expect(names[299]).toBe('Breaking news (300).md');
    expect(new Set(names.map(fileNameKey)).size).toBe(300);
  });

  it('gives the same names for the same list', () => {
    const articles = Array.from({ length: 50 }, (_, i) => ({
      id: `id${i}`,
      title: i % 3 === 0 ? 'Same' : `T${i % 7}`,
    }));
    expect([...safeFileNames(articles)]).toEqual([...safeFileNames(articles)]);
  });
});
