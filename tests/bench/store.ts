/**
 * Benchmarks of the store's write and open costs, each against the cheapest durable write of the
 * same data measured in the same run (setup is not measured):
 *
 * - highlight-write-10k-in-article: p95 of creating a highlight and of editing its note, through
 *   the library services, in an article that already has 10,000 highlights; baseline: p95 of an
 *   fsync'ed append of the same record to a file in the same folder.
 * - highlight-write-200k-library: the same over a library of 2,000 articles × 100 highlights,
 *   each write on a random article (most not yet in memory); same baseline.
 * - open-article-10k-highlights: opening that article (text and highlights) in a freshly opened
 *   library; baseline: reading and parsing the same highlights stored as one plain JSON array.
 *
 * Run alone: npx tsx tests/bench/run.ts --only=store
 */
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Article } from '../../common/model/article.ts';
import { openLibrary } from '../../electron/services/open-library.ts';
import type { Library } from '../../electron/services/library.ts';
import { benchHighlight, newsText, row, seeded, type BenchResult } from './generate.ts';

const SAMPLES = 200;

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
}

/** p95 of fsync'ed appends of `line` to a fresh file in `dir`. */
async function appendBaseline(dir: string, line: string, count: number): Promise<number> {
  const handle = await open(path.join(dir, 'baseline.log'), 'wx');
  const times: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      await handle.write(line);
      await handle.datasync();
      times.push(performance.now() - start);
    }
  } finally {
    await handle.close();
  }
  await rm(path.join(dir, 'baseline.log'));
  return p95(times);
}

const highlightAt = (articleId: string, i: number, text: string) =>
  benchHighlight(articleId, i, text, { idPrefix: 'b', noteEvery: 3, tag: 'bench' });

async function openLib(dir: string): Promise<Library> {
  return (await openLibrary(dir, { search: { persist: false }, store: { device: 'bench' } }))
    .library;
}

/** Creates and edits `SAMPLES` highlights on random articles; p95 of each, in ms. */
async function writes(lib: Library, articles: Article[], seed: number) {
  const rand = seeded(seed);
  const create: number[] = [];
  const edit: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const article = articles[Math.floor(rand() * articles.length)]!;
    const start = Math.floor(rand() * (article.text.length - 20));
    let t = performance.now();
    const h = await lib.createHighlight({
      articleId: article.id,
      start,
      end: start + 10,
      color: 'green',
    });
    create.push(performance.now() - t);
    t = performance.now();
    await lib.updateHighlight({ articleId: article.id, id: h.id, note: `edited ${i}` });
    edit.push(performance.now() - t);
  }
  return { create: p95(create), edit: p95(edit), both: p95([...create, ...edit]) };
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-bench-store-'));
  try {
    // One article with 10,000 highlights.
    const bigDir = path.join(dir, 'big');
    let lib = await openLib(bigDir);
    const { id } = await lib.importText('long-read.txt', newsText(300_000, 7));
    const big = (await lib.open(id)).article;
    const many = Array.from({ length: 10_000 }, (_, i) => highlightAt(id, i, big.text));
    await lib.store.updateHighlights(id, (tx) => many.forEach((h) => tx.put(h)));
    await lib.close();
    lib = await openLib(bigDir);

    const record = JSON.stringify(many[1]) + '\n';
    const baseline10k = await appendBaseline(dir, record, SAMPLES);
    const w10k = await writes(lib, [big], 1);
    results.push(
      row({
        name: 'highlight-write-10k-in-article',
        value: w10k.both,
        unit: 'ms p95',
        size: `create ${w10k.create.toFixed(1)} / edit ${w10k.edit.toFixed(1)} ms p95, ${SAMPLES} each, 10,000 highlights in the article`,
        baseline: baseline10k,
        against: "fsync'ed append of the same record",
      }),
    );
    await lib.close();

    // Opening that article in a freshly opened library, against the bare highlights as JSON.
    const plain = path.join(dir, 'plain-highlights.json');
    await writeFile(plain, JSON.stringify(many));
    const opens: number[] = [];
    const parses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const fresh = await openLib(bigDir);
      let t = performance.now();
      const opened = await fresh.open(id);
      opens.push(performance.now() - t);
      if (opened.highlights.length < 10_000) throw new Error('the article lost highlights');
      await fresh.close();
      t = performance.now();
      JSON.parse(await readFile(plain, 'utf8'));
      parses.push(performance.now() - t);
    }
    results.push(
      row({
        name: 'open-article-10k-highlights',
        value: Math.min(...opens),
        unit: 'ms',
        size: `best of 5; article of ${big.text.length.toLocaleString('en')} chars + 10,000 highlights`,
        baseline: Math.min(...parses),
        against: 'reading and parsing the same highlights as one JSON array',
      }),
    );

    // 2,000 articles × 100 highlights.
    const wideDir = path.join(dir, 'wide');
    lib = await openLib(wideDir);
    const template = (await lib.open((await lib.importText('one.txt', newsText(6_000, 3))).id))
      .article;
    const articles: Article[] = [];
    for (let n = 0; n < 2_000; n++) {
      const text = newsText(6_000, 100 + n);
      const article: Article = {
        ...template,
        id: `w${String(n).padStart(5, '0')}`,
        title: `Article ${n}`,
        text,
        blocks: [{ start: 0, end: text.length, kind: 'paragraph' }],
        attributions: [],
        gaps: [],
        contentHash: `hash${n}`,
      };
      await lib.store.addArticle(article);
      await lib.store.updateHighlights(article.id, (tx) => {
        for (let i = 0; i < 100; i++) tx.put(highlightAt(article.id, i, text));
      });
      articles.push(article);
    }
    await lib.close();
    lib = await openLib(wideDir);
    const baselineWide = await appendBaseline(dir, record, SAMPLES);
    const wWide = await writes(lib, articles, 2);
    results.push(
      row({
        name: 'highlight-write-200k-library',
        value: wWide.both,
        unit: 'ms p95',
        size: `create ${wWide.create.toFixed(1)} / edit ${wWide.edit.toFixed(1)} ms p95, ${SAMPLES} each on random articles of 2,000 × 100 highlights`,
        baseline: baselineWide,
        against: "fsync'ed append of the same record",
      }),
    );
    await lib.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}
