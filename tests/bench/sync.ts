/**
 * Benchmarks of sync through a shared folder, each against a real alternative in the same run
 * (setup is not measured):
 *
 * - sync-merge-200k: ms for an open library to take in another device's 200,000 highlight
 *   changes (creates, note edits, deletes over 200 articles, one record each, as that device's
 *   app writes them) once a file-sync engine has delivered its log; baseline: reading the same
 *   log and parsing every line, without merging.
 * - sync-bytes-per-1k-changes: bytes on disk per 1,000 of those changes: the other device's
 *   log as delivered, and its folder after that device compacted it; baseline: the same changes
 *   as plain JSON highlights (one line per change, no stamps).
 *
 * Run alone: npx tsx tests/bench/run.ts --only=sync
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Article } from '../../common/model/article.ts';
import type { Highlight } from '../../common/model/highlight.ts';
import { HybridClock } from '../../common/store/hlc.ts';
import { highlightOps, type LogRecord } from '../../common/store/merge.ts';
import { openLibrary } from '../../electron/services/open-library.ts';
import type { Library } from '../../electron/services/library.ts';
import { JournalStore } from '../../electron/services/store/journal-store.ts';
import { benchHighlight, newsText, row, seeded, type BenchResult } from './generate.ts';

const ARTICLES = 200;
const CHANGES = 200_000;

async function openAs(dir: string, device: string): Promise<Library> {
  return (await openLibrary(dir, { search: { persist: false }, store: { device } })).library;
}

function journalOf(lib: Library): JournalStore {
  if (!(lib.store instanceof JournalStore)) throw new Error('the library has no change logs');
  return lib.store;
}

const highlightAt = (articleId: string, i: number, text: string) =>
  benchHighlight(articleId, i, text, { idPrefix: 's', noteEvery: 4 });

/**
 * The other device's log: one record per change, as its app writes them (7 creates, 2 note
 * edits and 1 delete in every 10 changes), stamped by its own clock.
 */
export function otherDeviceLog(
  articles: Article[],
  seed: number,
): { lines: string; plain: string } {
  const rand = seeded(seed);
  const clock = new HybridClock('there~bench', () => Date.UTC(2026, 0, 2));
  const live: Highlight[] = [];
  const out: string[] = [];
  const plain: string[] = [];
  const heads = new Map<string, string>();
  for (let n = 0; n < CHANGES; n++) {
    const kind = n % 10;
    const t = clock.now();
    let record: LogRecord;
    if (kind < 7 || live.length < 10) {
      const article = articles[Math.floor(rand() * articles.length)]!;
      const h = highlightAt(article.id, n, article.text);
      live.push(h);
      record = { t, ops: highlightOps(article.id, null, h, []) };
      plain.push(JSON.stringify(h));
    } else {
      const at = Math.floor(rand() * live.length);
      const h = live[at]!;
      if (kind < 9) {
        const next = { ...h, note: `edited ${n}`, updated: '2026-01-02T00:00:00.000Z' };
        live[at] = next;
        record = { t, ops: highlightOps(h.articleId, h, next, [heads.get(h.id) ?? t]) };
        plain.push(JSON.stringify(next));
      } else {
        live[at] = live[live.length - 1]!;
        live.pop();
        record = { t, ops: [{ o: 'hl', a: h.articleId, h: h.id, f: { live: false } }] };
        plain.push(JSON.stringify({ id: h.id, deleted: true }));
      }
    }
    for (const op of record.ops) if (op.o === 'note') heads.set(op.h, t);
    out.push(JSON.stringify(record));
  }
  return { lines: out.join('\n') + '\n', plain: plain.join('\n') + '\n' };
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  return total;
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-bench-sync-'));
  try {
    // This device's library: 200 articles.
    const here = path.join(dir, 'here');
    let lib = await openAs(here, 'here');
    const template = (await lib.open((await lib.importText('one.txt', newsText(6_000, 3))).id))
      .article;
    const articles: Article[] = [];
    for (let n = 0; n < ARTICLES; n++) {
      const text = newsText(6_000, 100 + n);
      const article: Article = {
        ...template,
        id: `s${String(n).padStart(4, '0')}`,
        title: `Article ${n}`,
        text,
        blocks: [{ start: 0, end: text.length, kind: 'paragraph' }],
        attributions: [],
        gaps: [],
        contentHash: `hash${n}`,
      };
      await lib.store.addArticle(article);
      articles.push(article);
    }
    await lib.close();
    // The other device starts from a copy of the folder (as a sync engine would carry it).
    const there = path.join(dir, 'there');
    await cp(here, there, { recursive: true });

    const { lines, plain } = otherDeviceLog(articles, 11);
    const logRel = path.join('devices', 'there', 'logs', 'bench.jsonl');
    await mkdir(path.dirname(path.join(there, logRel)), { recursive: true });
    await writeFile(path.join(there, logRel), lines);

    // Merging: the open library reads the delivered log and applies it.
    lib = await openAs(here, 'here');
    await lib.open(articles[0]!.id); // the library is in use: an article is open
    await mkdir(path.dirname(path.join(here, logRel)), { recursive: true });
    await writeFile(path.join(here, logRel), lines);
    let t = performance.now();
    const changed = await journalOf(lib).refresh();
    const merge = performance.now() - t;
    if (changed.length !== ARTICLES) throw new Error(`merged ${changed.length} articles`);
    const total = (await Promise.all(articles.map((a) => lib.store.getHighlights(a.id)))).reduce(
      (n, list) => n + list.length,
      0,
    );
    await lib.close();

    t = performance.now();
    const text = await readFile(path.join(here, logRel), 'utf8');
    let parsed = 0;
    for (const line of text.split('\n')) if (line) parsed += JSON.parse(line) ? 1 : 0;
    const read = performance.now() - t;
    if (parsed !== CHANGES) throw new Error(`read ${parsed} records`);

    results.push(
      row({
        name: 'sync-merge-200k',
        value: merge,
        unit: 'ms',
        size: `${CHANGES.toLocaleString('en')} changes over ${ARTICLES} articles (${total.toLocaleString('en')} highlights after), ${(lines.length / 1e6).toFixed(1)} MB of log`,
        baseline: read,
        against: 'reading the same log and parsing every line, without merging',
      }),
    );

    // Bytes per 1,000 changes: the log as delivered, then the other device's folder compacted.
    const logBytes = Buffer.byteLength(lines);
    const plainBytes = Buffer.byteLength(plain);
    results.push(
      row({
        name: 'sync-bytes-per-1k-changes',
        value: (logBytes / CHANGES) * 1000,
        unit: 'bytes',
        size: `before compaction: one device's log of ${CHANGES.toLocaleString('en')} changes`,
        baseline: (plainBytes / CHANGES) * 1000,
        against: 'the same changes as plain JSON highlights, one line each',
      }),
    );
    const other = await openAs(there, 'there');
    await journalOf(other).compact();
    await other.close();
    const compacted = await folderBytes(path.join(there, 'devices', 'there'));
    results.push(
      row({
        name: 'sync-bytes-per-1k-changes-compacted',
        value: (compacted / CHANGES) * 1000,
        unit: 'bytes',
        size: `after that device compacted: its snapshot and what is left of its logs`,
        baseline: (plainBytes / CHANGES) * 1000,
        against: 'the same changes as plain JSON highlights, one line each',
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}
