import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../../common/model/article.ts';
import { readEpub } from '../../../electron/services/epub/read-epub.ts';
import { epub2, epub3, PNG_1X1, zipEpub } from './build-epub.ts';

const blocksOf = (a: ParsedArticle) =>
  a.blocks.map((b) => ({ kind: b.kind, text: a.text.slice(b.start, b.end), level: b.level }));

describe('EPUB 3', () => {
  const book = readEpub(epub3(), 'harbour.epub');
  const { article } = book;

  it('reads title, authors (not the editor), publisher and date from the package', () => {
    expect(article).toMatchObject({
      title: 'The Harbour Book',
      author: 'Ines Marlow, Tom Rae',
      publisher: 'Kestrel Press',
      published: '2021-04-09',
      format: 'epub',
    });
  });

  it('follows the spine: chapter headings, paragraphs, figures, quotes, lists, footnotes', () => {
    expect(blocksOf(article)).toEqual([
      { kind: 'heading', text: 'One: The Quay', level: 1 },
      { kind: 'paragraph', text: 'The ferry left the quay at dusk.1', level: undefined },
      { kind: 'figure', text: 'The quay at dusk.', level: undefined },
      { kind: 'heading', text: 'A nested section', level: 2 },
      { kind: 'blockquote', text: 'We sail at nine, the master said.', level: undefined },
      { kind: 'list-item', text: 'Tickets', level: 1 },
      { kind: 'list-item', text: 'Timetables', level: 1 },
      { kind: 'paragraph', text: '1. The old quay, rebuilt in 1902.', level: undefined },
      // The second chapter has no heading of its own: the table of contents gives it one.
      { kind: 'heading', text: 'Two: The Crossing', level: 1 },
      { kind: 'paragraph', text: 'Nobody slept on the crossing.', level: undefined },
      { kind: 'paragraph', text: 'The sea was calm.', level: undefined },
    ]);
  });

  it('keeps the picture inside the book and drops the remote one and every script', () => {
    const figures = article.blocks.filter((b) => b.image);
    expect(figures.map((f) => f.image)).toEqual([
      { src: 'epub:OEBPS/images/quay.png', alt: 'The quay at dusk' },
    ]);
    expect(book.image('epub:OEBPS/images/quay.png')).toEqual(PNG_1X1);
    expect(book.image('epub:../../etc/passwd')).toBeNull();
    expect(article.text).not.toMatch(/alert|hacked|evil/);
  });
});

describe('EPUB 2', () => {
  it('takes chapter titles from the NCX and skips illustrators', () => {
    const { article } = readEpub(epub2(), 'old.epub');
    expect(article).toMatchObject({ title: 'Old Ferries', author: 'Ann Lee', published: '1998' });
    expect(blocksOf(article).map((b) => `${b.kind}:${b.text}`)).toEqual([
      'heading:Chapter I',
      'paragraph:The first steam ferry ran in 1850.',
      'heading:Chapter II',
      'paragraph:The last one ran in 1961.',
    ]);
  });
});

describe('EPUBs Gloss refuses, with one line saying why', () => {
  const reason = (bytes: Uint8Array) => {
    try {
      readEpub(bytes, 'x.epub');
    } catch (error) {
      return (error as Error).message;
    }
    return 'read';
  };

  it('refuses a DRM-protected book but not one with obfuscated fonts', () => {
    const encryption = (algorithm: string) => `<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
  xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>
  <enc:EncryptionMethod Algorithm="${algorithm}"/>
  <enc:CipherData><enc:CipherReference URI="OEBPS/a.html"/></enc:CipherData>
</enc:EncryptedData></encryption>`;
    const withFile = (name: string, body: string) => {
      return zipEpub({ ...epubFiles(epub2()), [name]: body });
    };
    expect(
      reason(
        withFile(
          'META-INF/encryption.xml',
          encryption('http://www.w3.org/2001/04/xmlenc#aes128-cbc'),
        ),
      ),
    ).toBe('the book is protected by DRM, which Gloss cannot read');
    expect(reason(withFile('META-INF/rights.xml', '<rights/>'))).toBe(
      'the book is protected by DRM, which Gloss cannot read',
    );
    expect(
      reason(withFile('META-INF/encryption.xml', encryption('http://www.idpf.org/2008/embedding'))),
    ).toBe('read');
  });

  it('refuses what is not a zip, a zip without a container, and a book without chapters', () => {
    expect(reason(strToU8('<html>not a book</html>'))).toBe(
      'the file is not an EPUB (not a zip archive)',
    );
    expect(reason(zipEpub({ 'OEBPS/a.html': '<p>x</p>' }))).toBe(
      'the EPUB is damaged (its META-INF/container.xml is missing)',
    );
    const truncated = epub3().slice(0, 400);
    expect(reason(truncated)).toMatch(/^the EPUB is damaged/);
    const files = epubFiles(epub2());
    files['OEBPS/content.opf'] = files['OEBPS/content.opf']!.replace(
      /<spine[\s\S]*<\/spine>/,
      '<spine/>',
    );
    expect(reason(zipEpub(files))).toBe('the EPUB has no readable chapters in its spine');
  });
});

/** A built book's entries as text, to vary one. */
function epubFiles(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes)))
    if (name !== 'mimetype') out[name] = strFromU8(data);
  return out;
}
