/**
 * The parts of an EPUB that say what the book is: `META-INF/container.xml` names the package
 * document (OPF), whose metadata, manifest and spine give the title, authors and reading order;
 * the navigation document (EPUB 3) or NCX (EPUB 2) gives chapter titles. DRM is recognised by
 * `META-INF/encryption.xml` encrypting anything but fonts.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { IngestError } from '../../../common/ingest/index.ts';
import { entryText, resolveEntry, type EpubFiles } from './epub-archive.ts';

/** The book's description from its package document. */
export interface EpubPackage {
  /** The OPF's path, against which manifest hrefs are resolved. */
  opfPath: string;
  version: string;
  title: string | null;
  authors: string[];
  publisher: string | null;
  date: string | null;
  language: string | null;
  /** Archive paths of the spine's content documents, in reading order (non-linear ones kept). */
  spine: string[];
  /** Chapter titles from the table of contents, by archive path (the first entry for a file). */
  tocTitles: Map<string, string>;
}

/** Font obfuscation, which is not DRM: IDPF's and Adobe's. */
const FONT_OBFUSCATION = new Set([
  'http://www.idpf.org/2008/embedding',
  'http://ns.adobe.com/pdf/enc#RC',
]);

function parseXml(text: string): Document {
  const dom = new JSDOM(text, {
    contentType: 'application/xml',
    virtualConsole: new VirtualConsole(),
  });
  return dom.window.document;
}

/** Elements by local name, whatever their namespace prefix (`dc:title`, `opf:item`). */
function byName(root: Document | Element, name: string): Element[] {
  return [...root.getElementsByTagNameNS('*', name)];
}

function textOf(el: Element | undefined): string | null {
  const t = (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return t || null;
}

function xmlOrThrow(files: EpubFiles, path: string, what: string): Document {
  const text = entryText(files, path);
  if (text === null) throw new IngestError(`the EPUB is damaged (its ${what} is missing)`);
  let doc: Document;
  try {
    doc = parseXml(text);
  } catch {
    throw new IngestError(`the EPUB is damaged (its ${what} is not well-formed XML)`);
  }
  return doc;
}

/** Throws when the book is encrypted for a reading system (DRM), which Gloss cannot open. */
export function refuseDrm(files: EpubFiles): void {
  if (files.has('META-INF/rights.xml'))
    throw new IngestError('the book is protected by DRM, which Gloss cannot read');
  const text = entryText(files, 'META-INF/encryption.xml');
  if (text === null) return;
  let doc: Document;
  try {
    doc = parseXml(text);
  } catch {
    throw new IngestError('the book is protected by DRM, which Gloss cannot read');
  }
  for (const method of byName(doc, 'EncryptionMethod')) {
    if (!FONT_OBFUSCATION.has(method.getAttribute('Algorithm') ?? ''))
      throw new IngestError('the book is protected by DRM, which Gloss cannot read');
  }
}

/** Titles of the table of contents by file, depth first (nested entries included). */
function readToc(
  files: EpubFiles,
  opf: Document,
  opfPath: string,
  manifest: Map<string, { href: string; type: string; props: string }>,
): Map<string, string> {
  const titles = new Map<string, string>();
  const add = (from: string, href: string | null, label: string | null) => {
    const target = href ? resolveEntry(from, href) : null;
    if (target && label && !titles.has(target)) titles.set(target, label);
  };
  const nav = [...manifest.values()].find((m) => m.props.split(/\s+/).includes('nav'));
  if (nav) {
    const navText = entryText(files, nav.href);
    if (navText) {
      const doc = new JSDOM(navText, {
        contentType: 'text/html',
        virtualConsole: new VirtualConsole(),
      }).window.document;
      const tocNav =
        [...doc.querySelectorAll('nav')].find((n) =>
          /(^|\s)toc(\s|$)/.test(n.getAttribute('epub:type') ?? ''),
        ) ?? doc.querySelector('nav');
      for (const a of tocNav?.querySelectorAll('a[href]') ?? [])
        add(nav.href, a.getAttribute('href'), textOf(a));
    }
  }
  const spine = byName(opf, 'spine')[0];
  const ncxId = spine?.getAttribute('toc');
  const ncx =
    (ncxId ? manifest.get(ncxId) : undefined) ??
    [...manifest.values()].find((m) => m.type === 'application/x-dtbncx+xml');
  if (ncx) {
    const ncxText = entryText(files, ncx.href);
    if (ncxText) {
      try {
        const doc = parseXml(ncxText);
        for (const point of byName(doc, 'navPoint')) {
          const label = textOf(byName(point, 'text')[0]);
          add(ncx.href, byName(point, 'content')[0]?.getAttribute('src') ?? null, label);
        }
      } catch {
        // A broken NCX only costs chapter titles; the chapters' own headings remain.
      }
    }
  }
  void opfPath;
  return titles;
}

/** Reads the container, the package document and the table of contents. */
export function readEpubPackage(files: EpubFiles): EpubPackage {
  const container = xmlOrThrow(files, 'META-INF/container.xml', 'META-INF/container.xml');
  const rootfile = byName(container, 'rootfile').find(
    (r) =>
      (r.getAttribute('media-type') ?? 'application/oebps-package+xml') ===
      'application/oebps-package+xml',
  );
  const opfPath = rootfile?.getAttribute('full-path')?.replace(/^\/+/, '');
  if (!opfPath) throw new IngestError('the EPUB is damaged (its container names no package)');
  const opf = xmlOrThrow(files, opfPath, 'package document');
  const pkg = byName(opf, 'package')[0];
  if (!pkg) throw new IngestError('the EPUB is damaged (its package document has no <package>)');

  const manifest = new Map<string, { href: string; type: string; props: string }>();
  for (const item of byName(opf, 'item')) {
    const id = item.getAttribute('id');
    const href = resolveEntry(opfPath, item.getAttribute('href') ?? '');
    if (id && href)
      manifest.set(id, {
        href,
        type: item.getAttribute('media-type') ?? '',
        props: item.getAttribute('properties') ?? '',
      });
  }
  const spine: string[] = [];
  for (const ref of byName(opf, 'itemref')) {
    const item = manifest.get(ref.getAttribute('idref') ?? '');
    if (item && /html/.test(item.type) && files.has(item.href)) spine.push(item.href);
  }
  if (!spine.length) throw new IngestError('the EPUB has no readable chapters in its spine');

  const metadata = byName(opf, 'metadata')[0] ?? pkg;
  const dc = (name: string) =>
    byName(metadata, name).filter((el) => el.namespaceURI === 'http://purl.org/dc/elements/1.1/');
  const creators = dc('creator');
  // EPUB 3 marks roles with <meta refines="#id" property="role">; EPUB 2 with opf:role.
  const roleOf = (el: Element): string | null => {
    const id = el.getAttribute('id');
    const refined = id
      ? byName(metadata, 'meta').find(
          (m) => m.getAttribute('refines') === `#${id}` && m.getAttribute('property') === 'role',
        )
      : undefined;
    return (
      textOf(refined) ??
      el.getAttributeNS('http://www.idpf.org/2007/opf', 'role') ??
      el.getAttribute('opf:role')
    );
  };
  const authors = creators
    .filter((c) => {
      const role = roleOf(c);
      return !role || role === 'aut';
    })
    .map((c) => textOf(c))
    .filter((n): n is string => !!n);
  const dates = dc('date');
  const published =
    dates.find((d) =>
      /publication/i.test(d.getAttributeNS('http://www.idpf.org/2007/opf', 'event') ?? ''),
    ) ?? dates[0];
  return {
    opfPath,
    version: pkg.getAttribute('version') ?? '',
    title: textOf(dc('title')[0]),
    authors,
    publisher: textOf(dc('publisher')[0]),
    date: textOf(published),
    language: textOf(dc('language')[0]),
    spine,
    tocTitles: readToc(files, opf, opfPath, manifest),
  };
}
