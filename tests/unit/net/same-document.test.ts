import { describe, expect, it } from 'vitest';
import { documentKey, sameDocument } from '../../../electron/services/net/same-document.ts';

describe('matching an annotation’s address to a saved article', () => {
  it('ignores what does not change the page: case of the host, fragment, slash, tracking', () => {
    const saved = 'https://www.ledger.test/2025/12/ferry';
    expect(sameDocument(saved, 'https://WWW.Ledger.test/2025/12/ferry/#para-3')).toBe(true);
    expect(sameDocument(saved, 'http://www.ledger.test/2025/12/ferry?utm_source=rss')).toBe(true);
    expect(sameDocument(saved, 'https://www.ledger.test/2025/12/ferry?fbclid=x&gclid=y')).toBe(
      true,
    );
  });

  it('keeps what does: the path and the other query parameters', () => {
    const saved = 'https://ledger.test/story?id=7';
    expect(sameDocument(saved, 'https://ledger.test/story?id=8')).toBe(false);
    expect(sameDocument(saved, 'https://ledger.test/story')).toBe(false);
    expect(sameDocument('https://ledger.test/a', 'https://ledger.test/b')).toBe(false);
    expect(sameDocument('https://ledger.test/a', 'https://other.test/a')).toBe(false);
  });

  it('matches no address that is not a web address', () => {
    expect(documentKey('urn:x-pdf:123')).toBeNull();
    expect(sameDocument('not a url', 'not a url')).toBe(false);
  });
});
