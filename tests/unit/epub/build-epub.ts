/** Builds small EPUB files in memory for tests (fflate's zip writer; `mimetype` first, stored). */
import { strToU8, zipSync, type Zippable } from 'fflate';

/** A 1×1 PNG. */
export const PNG_1X1 = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
);

export function zipEpub(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0 }] };
  for (const [name, body] of Object.entries(files))
    entries[name] = typeof body === 'string' ? strToU8(body) : body;
  return zipSync(entries);
}

const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

const xhtml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>x</title><script>window.hacked = 1</script></head><body>${body}</body></html>`;

/** An EPUB 3 book: nav document with a nested TOC, an image, a footnote, a hostile chapter. */
export function epub3(): Uint8Array {
  return zipEpub({
    'META-INF/container.xml': CONTAINER,
    'OEBPS/content.opf': `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:1</dc:identifier>
    <dc:title>The Harbour Book</dc:title>
    <dc:creator id="c1">Ines Marlow</dc:creator>
    <dc:creator id="c2">Tom Rae</dc:creator>
    <dc:creator id="c3">Ed Itor</dc:creator>
    <meta refines="#c3" property="role" scheme="marc:relators">edt</meta>
    <dc:publisher>Kestrel Press</dc:publisher>
    <dc:date>2021-04-09</dc:date>
    <dc:language>en</dc:language>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="c1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>
    <item id="c2" href="text/ch2.xhtml" media-type="application/xhtml+xml"/>
    <item id="img" href="images/quay.png" media-type="image/png"/>
  </manifest>
  <spine><itemref idref="c1"/><itemref idref="c2"/></spine>
</package>`,
    'OEBPS/nav.xhtml': xhtml(`<nav epub:type="toc"><ol>
  <li><a href="text/ch1.xhtml">One: The Quay</a>
    <ol><li><a href="text/ch1.xhtml#s2">A nested section</a></li></ol></li>
  <li><a href="text/ch2.xhtml">Two: The Crossing</a></li></ol></nav>`),
    'OEBPS/text/ch1.xhtml': xhtml(`<h1>One: The Quay</h1>
<p>The ferry left the <em>quay</em> at dusk.<a epub:type="noteref" href="#fn1">1</a></p>
<figure><img src="../images/quay.png" alt="The quay at dusk"/><figcaption>The quay at dusk.</figcaption></figure>
<h2 id="s2">A nested section</h2>
<blockquote><p>We sail at nine, the master said.</p></blockquote>
<ul><li>Tickets</li><li>Timetables</li></ul>
<img src="https://tracker.example/pixel.png" alt="" onerror="alert(1)"/>
<aside epub:type="footnote" id="fn1"><p>1. The old quay, rebuilt in 1902.</p></aside>`),
    'OEBPS/text/ch2.xhtml': xhtml(`<p>Nobody slept on the crossing.</p>
<p onclick="alert(1)">The sea was calm<script>alert(2)</script>.</p>
<iframe src="https://evil.example/"></iframe>`),
    'OEBPS/images/quay.png': PNG_1X1,
  });
}

/** An EPUB 2 book: NCX table of contents, `opf:role`, chapters under a subfolder. */
export function epub2(): Uint8Array {
  return zipEpub({
    'META-INF/container.xml': CONTAINER,
    'OEBPS/content.opf': `<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:title>Old Ferries</dc:title>
    <dc:creator opf:role="aut">Ann Lee</dc:creator>
    <dc:creator opf:role="ill">Bo Chan</dc:creator>
    <dc:date opf:event="publication">1998</dc:date>
  </metadata>
  <manifest>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="a" href="a.html" media-type="application/xhtml+xml"/>
    <item id="b" href="b.html" media-type="application/xhtml+xml"/>
  </manifest>
  <spine toc="ncx"><itemref idref="a"/><itemref idref="b"/></spine>
</package>`,
    'OEBPS/toc.ncx': `<?xml version="1.0"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
  <navPoint id="p1"><navLabel><text>Chapter I</text></navLabel><content src="a.html"/>
    <navPoint id="p1a"><navLabel><text>Inner</text></navLabel><content src="a.html#x"/></navPoint>
  </navPoint>
  <navPoint id="p2"><navLabel><text>Chapter II</text></navLabel><content src="b.html"/></navPoint>
</navMap></ncx>`,
    'OEBPS/a.html': xhtml('<p>The first steam ferry ran in 1850.</p>'),
    'OEBPS/b.html': xhtml('<p>The last one ran in 1961.</p>'),
  });
}
