/**
 * Benchmarks of bringing things in, each against a baseline measured in the same run:
 *
 * - import-epub-per-mb: ms per MB of book text to import an EPUB (unzip, spine, XHTML through
 *   DOMPurify into blocks, metadata, analysis, durable store, search index) into a fresh
 *   library; baseline: importing the same text as one plain-text file into a fresh library.
 * - feed-refresh-50-items: ms to refresh a feed of 50 full-text items served on 127.0.0.1 (fetch,
 *   parse, 50 articles saved); baseline: fetching and parsing the same feed without saving.
 *
 * Run alone: npm run bench -- --only=ingest
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { fetchFeed, refreshFeeds } from '../../electron/services/feeds/refresh.ts';
import { addFeedsUnchecked } from '../../electron/services/feeds/subscribe.ts';
import { openLibrary } from '../../electron/services/open-library.ts';
import { median, newsText, row, type BenchResult } from './generate.ts';

const SAMPLES = 3;
const CHAPTERS = 40;
const CHAPTER_CHARS = 50_000;
const FEED_ITEMS = 50;

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An EPUB 3 of CHAPTERS chapters of news-like paragraphs, and its text. */
function buildBook(): { epub: Uint8Array; text: string } {
  const chapters = Array.from({ length: CHAPTERS }, (_, i) => newsText(CHAPTER_CHARS, i + 1));
  const files: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0 }] };
  files['META-INF/container.xml'] = strToU8(
    '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">' +
      '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
  );
  const manifest = chapters
    .map((_, i) => `<item id="c${i}" href="c${i}.xhtml" media-type="application/xhtml+xml"/>`)
    .join('');
  const spine = chapters.map((_, i) => `<itemref idref="c${i}"/>`).join('');
  files['OEBPS/content.opf'] = strToU8(
    '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">' +
      '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:uuid:bench</dc:identifier>' +
      '<dc:title>The Bench Book</dc:title><dc:creator>Ann Lee</dc:creator><dc:language>en</dc:language></metadata>' +
      `<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>${manifest}</manifest>` +
      `<spine>${spine}</spine></package>`,
  );
  files['OEBPS/nav.xhtml'] = strToU8(
    '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">' +
      `<body><nav epub:type="toc"><ol>${chapters.map((_, i) => `<li><a href="c${i}.xhtml">Chapter ${i + 1}</a></li>`).join('')}</ol></nav></body></html>`,
  );
  chapters.forEach((chapter, i) => {
    const paragraphs = chapter
      .split('\n\n')
      .map((p) => `<p>${escapeXml(p)}</p>`)
      .join('');
    files[`OEBPS/c${i}.xhtml`] = strToU8(
      '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>c</title></head>' +
        `<body><h1>Chapter ${i + 1}</h1>${paragraphs}</body></html>`,
    );
  });
  const text = chapters.map((c, i) => `Chapter ${i + 1}\n\n${c}`).join('\n\n');
  return { epub: zipSync(files), text: `The Bench Book\n\n${text}` };
}

/** Median ms of `run` in a fresh data folder each time (setup and teardown not measured). */
async function timeInFreshLibrary(run: (dir: string) => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-bench-ingest-'));
    try {
      const start = performance.now();
      await run(dir);
      times.push(performance.now() - start);
    } finally {
      await rm(dir, { recursive: true, force: true, maxRetries: 5 });
    }
  }
  return median(times);
}

async function epubRow(): Promise<BenchResult> {
  const { epub, text } = buildBook();
  const work = await mkdtemp(path.join(os.tmpdir(), 'gloss-bench-book-'));
  try {
    const bookFile = path.join(work, 'book.epub');
    const textFile = path.join(work, 'book.txt');
    await writeFile(bookFile, epub);
    await writeFile(textFile, text);
    const mb = Buffer.byteLength(text) / (1024 * 1024);
    const book = await timeInFreshLibrary(async (dir) => {
      const { library } = await openLibrary(path.join(dir, 'data'), { importWorker: false });
      await library.importFile(bookFile);
      await library.close();
    });
    const plain = await timeInFreshLibrary(async (dir) => {
      const { library } = await openLibrary(path.join(dir, 'data'), { importWorker: false });
      await library.importFile(textFile);
      await library.close();
    });
    return row({
      name: 'import-epub-per-mb',
      value: book / mb,
      unit: 'ms/MB',
      size: `${CHAPTERS} chapters, ${mb.toFixed(2)} MB of text (${(epub.length / 1024 / 1024).toFixed(2)} MB zipped)`,
      baseline: plain / mb,
      against: 'importing the same text as one .txt file into a fresh library',
    });
  } finally {
    await rm(work, { recursive: true, force: true, maxRetries: 5 });
  }
}

function feedXml(base: string): string {
  const items = Array.from({ length: FEED_ITEMS }, (_, i) => {
    const body = newsText(6_000, 100 + i)
      .split('\n\n')
      .map((p) => `<p>${escapeXml(p)}</p>`)
      .join('');
    return (
      `<item><title>Bench item ${i + 1}</title><link>${base}/items/${i}</link><guid>bench-${i}</guid>` +
      `<pubDate>Tue, 02 Dec 2025 09:00:00 GMT</pubDate><description>${escapeXml(body)}</description></item>`
    );
  }).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench Feed</title>${items}</channel></rss>`;
}

async function feedRow(): Promise<BenchResult> {
  let xml = '';
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/rss+xml');
    res.end(xml);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  xml = feedXml(base);
  const url = `${base}/feed.xml`;
  try {
    const refresh = await timeInFreshLibrary(async (dir) => {
      const data = path.join(dir, 'data');
      const { library } = await openLibrary(data, { importWorker: false });
      await addFeedsUnchecked(data, [{ url, title: null }]);
      const [report] = await refreshFeeds(library, data);
      if (report?.new !== FEED_ITEMS) throw new Error(`saved ${report?.new} of ${FEED_ITEMS}`);
      await library.close();
    });
    const readOnly = await timeInFreshLibrary(async () => {
      const feed = await fetchFeed(url);
      if (feed.items.length !== FEED_ITEMS) throw new Error('the feed lost items');
    });
    return row({
      name: 'feed-refresh-50-items',
      value: refresh,
      unit: 'ms',
      size: `${FEED_ITEMS} full-text items of ~6,000 chars, ${(Buffer.byteLength(xml) / 1024).toFixed(0)} KB feed on 127.0.0.1`,
      baseline: readOnly,
      against: 'fetching and parsing the same feed without saving anything',
    });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

export async function run(): Promise<BenchResult[]> {
  return [await epubRow(), await feedRow()];
}
