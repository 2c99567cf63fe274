/**
 * The search engines the library could use, side by side on the library benchmark's generated
 * data (tests/bench/library.ts: 2,000 articles, 100 noted highlights each; every paragraph, title
 * and note one passage): build, save, load, memory and query p95 of the same 100 queries, each
 * against a case-insensitive includes() scan of the same passages in the same run.
 *
 * - PassageIndex (common/search/passage-index.ts), the one the app uses, with its binary snapshot;
 * - MiniSearch 7 (prefix and fuzzy search, AND), saved and loaded as its JSON;
 * - FlexSearch 0.8 (`forward` tokenizer: prefixes), exported and imported in its parts;
 * - SQLite FTS5 through better-sqlite3 (on disk: nothing to load, prefix queries `"word"*`).
 *
 * FlexSearch and better-sqlite3 are not dependencies of the app (see library-search.ts for why);
 * install them to compare (`npm install --no-save flexsearch better-sqlite3`), otherwise their
 * rows say they were skipped. node:sqlite needs Node 22.5 or later and is skipped on older ones.
 *
 * Run alone: npm run bench -- --only=search-engines
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import MiniSearch from 'minisearch';
import { messageOf } from '../../common/errors.ts';
import { PassageIndex } from '../../common/search/passage-index.ts';
import { passagesOf } from '../../common/search/passages.ts';
import { readSnapshot, writeSnapshot } from '../../electron/services/search/snapshot-file.ts';
import { row, type BenchResult } from './generate.ts';
import { generate, queries } from './library.ts';

const ARTICLES = 2_000;
const HIGHLIGHTS = 100;
const LIMIT = 50;

interface Doc {
  id: number;
  articleId: string;
  text: string;
}

/** What one engine measured. */
interface Figures {
  buildMs: number;
  saveMs: number;
  loadMs: number;
  bytes: number;
  /** Heap and array buffers held by the loaded (or opened) index, after GC. */
  memoryMb: number;
  queries: number[];
}

interface Engine {
  key: string;
  label: string;
  /** Null when the engine can run here, else why not. */
  unavailable(): string | null;
  measure(docs: Doc[], list: string[], dir: string): Promise<Figures>;
}

const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

function memory(): number {
  collectGarbage();
  collectGarbage();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const noPause = () => Promise.resolve();
const require = createRequire(import.meta.url);

/** A package that may not be installed: its export, or the reason it cannot be loaded. */
function optional<T>(name: string): T | string {
  try {
    return require(name) as T;
  } catch (error) {
    return `${name} is not installed here (${messageOf(error).split('\n')[0]})`;
  }
}

function timed<T>(work: () => T): [T, number] {
  const began = performance.now();
  const value = work();
  return [value, performance.now() - began];
}

async function timedAsync<T>(work: () => Promise<T>): Promise<[T, number]> {
  const began = performance.now();
  const value = await work();
  return [value, performance.now() - began];
}

const passageIndex: Engine = {
  key: 'passage-index',
  label: 'PassageIndex (ours), binary snapshot',
  unavailable: () => null,
  async measure(docs, list, dir) {
    const file = path.join(dir, 'passages.bin');
    const byArticle = new Map<string, Doc[]>();
    for (const d of docs) byArticle.set(d.articleId, [...(byArticle.get(d.articleId) ?? []), d]);
    let built: PassageIndex | null = new PassageIndex();
    const buildMs = timed(() => {
      for (const [id, ds] of byArticle)
        built!.add(
          id,
          ds.map((d) => ({ kind: 'text' as const, text: d.text, offset: 0 })),
        );
    })[1];
    const [, saveMs] = await timedAsync(async () =>
      writeSnapshot(file, {}, await built!.toSnapshot(noPause), noPause),
    );
    built = null;
    const before = memory();
    const [index, loadMs] = await timedAsync(async () => {
      const loaded = await readSnapshot<unknown>(file, noPause);
      if (!loaded) throw new Error('the snapshot did not load');
      return PassageIndex.fromSnapshot(loaded.index, loaded.textOf, noPause);
    });
    const memoryMb = (memory() - before) / 2 ** 20;
    const times = list.map((q) => timed(() => index.search(q, LIMIT))[1]);
    return { buildMs, saveMs, loadMs, bytes: (await stat(file)).size, memoryMb, queries: times };
  },
};

const SEARCH = { prefix: true, fuzzy: 0.2, combineWith: 'AND' } as const;

const miniSearch: Engine = {
  key: 'minisearch',
  label: 'MiniSearch 7, JSON snapshot',
  unavailable: () => null,
  async measure(docs, list, dir) {
    const file = path.join(dir, 'minisearch.json');
    const options = { fields: ['text'], searchOptions: SEARCH };
    let built: MiniSearch<Doc> | null = new MiniSearch<Doc>(options);
    const buildMs = timed(() => built!.addAll(docs))[1];
    const [, saveMs] = await timedAsync(() => writeFile(file, JSON.stringify(built)));
    built = null;
    const before = memory();
    const [index, loadMs] = await timedAsync(async () =>
      MiniSearch.loadJSON<Doc>(await readFile(file, 'utf8'), options),
    );
    const memoryMb = (memory() - before) / 2 ** 20;
    const times = list.map((q) => timed(() => index.search(q).slice(0, LIMIT))[1]);
    return { buildMs, saveMs, loadMs, bytes: (await stat(file)).size, memoryMb, queries: times };
  },
};

interface FlexIndex {
  add(id: number, text: string): void;
  search(query: string, options: { limit: number }): unknown;
  export(write: (key: string, value: string) => void): Promise<void> | void;
  import(key: string, value: string): void;
}
type FlexModule = { Index: new (options: object) => FlexIndex };

const flexSearch: Engine = {
  key: 'flexsearch',
  label: 'FlexSearch 0.8 Index (forward), exported parts',
  unavailable() {
    const mod = optional<FlexModule>('flexsearch');
    return typeof mod === 'string' ? mod : null;
  },
  async measure(docs, list, dir) {
    const { Index } = optional<FlexModule>('flexsearch') as FlexModule;
    const file = path.join(dir, 'flexsearch.json');
    const options = { tokenize: 'forward', resolution: 9 };
    let built: FlexIndex | null = new Index(options);
    const buildMs = timed(() => {
      for (const d of docs) built!.add(d.id, d.text);
    })[1];
    const [, saveMs] = await timedAsync(async () => {
      const parts: Record<string, string> = {};
      await built!.export((key, value) => (parts[key] = value));
      await writeFile(file, JSON.stringify(parts));
    });
    built = null;
    const before = memory();
    const [index, loadMs] = await timedAsync(async () => {
      const loaded = new Index(options);
      const parts = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
      for (const [key, value] of Object.entries(parts)) loaded.import(key, value);
      return loaded;
    });
    const memoryMb = (memory() - before) / 2 ** 20;
    const times = list.map((q) => timed(() => index.search(q, { limit: LIMIT }))[1]);
    return { buildMs, saveMs, loadMs, bytes: (await stat(file)).size, memoryMb, queries: times };
  },
};

interface Statement {
  run(...values: unknown[]): unknown;
  all(...values: unknown[]): unknown[];
}
interface Database {
  exec(sql: string): void;
  prepare(sql: string): Statement;
  transaction(work: () => void): () => void;
  close(): void;
}
type DatabaseClass = new (file: string, options?: { readonly?: boolean }) => Database;

const sqliteFts5: Engine = {
  key: 'sqlite-fts5',
  label: 'SQLite FTS5 (better-sqlite3), on disk',
  unavailable() {
    const mod = optional<DatabaseClass>('better-sqlite3');
    return typeof mod === 'string' ? mod : null;
  },
  async measure(docs, list, dir) {
    const Sqlite = optional<DatabaseClass>('better-sqlite3') as DatabaseClass;
    const file = path.join(dir, 'passages.db');
    const buildMs = timed(() => {
      const db = new Sqlite(file);
      db.exec("CREATE VIRTUAL TABLE p USING fts5(text, article UNINDEXED, tokenize='unicode61')");
      const insert = db.prepare('INSERT INTO p(rowid, text, article) VALUES (?, ?, ?)');
      db.transaction(() => {
        for (const d of docs) insert.run(d.id, d.text, d.articleId);
      })();
      db.close();
    })[1];
    const before = memory();
    const [db, loadMs] = timed(() => new Sqlite(file, { readonly: true }));
    const select = db.prepare(
      "SELECT rowid, article, snippet(p, 0, '[', ']', '…', 16) FROM p WHERE p MATCH ? " +
        'ORDER BY rank LIMIT ?',
    );
    // Prefix queries, as the others search as one types; FTS5 has no typo tolerance.
    const match = (q: string) =>
      q
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => `"${w.replace(/"/g, '')}"*`)
        .join(' ');
    const times = list.map((q) => timed(() => select.all(match(q), LIMIT))[1]);
    const memoryMb = (memory() - before) / 2 ** 20;
    db.close();
    return { buildMs, saveMs: 0, loadMs, bytes: (await stat(file)).size, memoryMb, queries: times };
  },
};

function percentile95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
}

export async function run(): Promise<BenchResult[]> {
  const data = generate(ARTICLES, HIGHLIGHTS);
  const docs: Doc[] = [];
  for (const a of data.articles)
    for (const p of passagesOf(a, data.highlights.get(a.id) ?? [], []))
      docs.push({ id: docs.length, articleId: a.id, text: p.text });
  const list = queries(data);
  const lowered = docs.map((d) => d.text.toLowerCase());
  const scan = percentile95(
    list.map((q) => timed(() => lowered.filter((t) => t.includes(q.toLowerCase())))[1]),
  );
  const size = `${ARTICLES.toLocaleString('en')} articles, ${docs.length.toLocaleString('en')} passages; ${list.length} queries, ${LIMIT} results`;
  const results: BenchResult[] = [];
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  for (const engine of [passageIndex, miniSearch, flexSearch, sqliteFts5]) {
    const why = engine.unavailable();
    if (why) {
      console.error(`search-engines: ${engine.label} skipped: ${why}`);
      continue;
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), `gloss-bench-${engine.key}-`));
    try {
      console.error(`search-engines: ${engine.label}…`);
      const f = await engine.measure(docs, list, dir);
      results.push(
        row({
          name: `search-engine-${engine.key}-p95`,
          value: percentile95(f.queries),
          unit: 'ms p95',
          size:
            `${size}; ${engine.label}: build ${(f.buildMs / 1000).toFixed(1)} s, save ` +
            `${(f.saveMs / 1000).toFixed(1)} s, ${(f.bytes / 2 ** 20).toFixed(1)} MB on disk, ` +
            `load ${f.loadMs.toFixed(0)} ms, ${f.memoryMb.toFixed(0)} MB held once loaded`,
          baseline: scan,
          against: 'case-insensitive includes() scan of the same passages, same queries',
        }),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  if (nodeMajor < 22)
    console.error(`search-engines: node:sqlite skipped: Node ${process.versions.node} lacks it`);
  return results;
}
