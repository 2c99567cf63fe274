/** Builders and folder helpers shared by the store tests. */
import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../../../common/model/article.ts';
import type { Highlight } from '../../../common/model/highlight.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp.ts';

/** A fresh, empty temp folder for one test, removed after the test file. */
export function freshDir(): string {
  return tempDir('store');
}

/** Removes the folders freshDir made (kept when GLOSS_KEEP_TEST_DIRS is set, for a look inside). */
export const removeFreshDirs = removeTempDirs;

/** An article whose every field depends on `n`, with a text of about `paragraphs` paragraphs. */
export function makeArticle(n: number, paragraphs = 3): Article {
  const paras = Array.from(
    { length: paragraphs },
    (_, i) => `Paragraph ${i + 1} of article ${n}, "quoted words," the minister said.`,
  );
  const text = paras.join('\n\n');
  let at = 0;
  const blocks = paras.map((p) => {
    const block = { start: at, end: at + p.length, kind: 'paragraph' as const };
    at += p.length + 2;
    return block;
  });
  return {
    id: `art${String(n).padStart(4, '0')}`,
    title: `Article number ${n}`,
    source: n % 2 ? 'AP' : null,
    author: null,
    url: null,
    dateline: 'Istanbul',
    publisher: null,
    published: '2024-03-01T10:00:00+03:00',
    publishedZone: null,
    syndicated: n % 3 === 0,
    text,
    blocks: [{ start: 0, end: paras[0]!.length, kind: 'heading', level: 1 }, ...blocks.slice(1)],
    format: 'news-text',
    contentHash: `hash-${n}`,
    words: text.split(/\s+/).length,
    file: `article-${n}.txt`,
    addedAt: new Date(Date.UTC(2024, 0, 1, 0, 0, n)).toISOString(),
    attributions: [
      {
        start: 30,
        end: 42,
        quote: 'quoted words',
        kind: 'direct',
        cue: 'said',
        source: { name: 'the minister', role: 'minister', kind: 'person' },
        nearGap: n % 2 === 0,
      },
    ],
    gaps: n % 2 ? [] : [{ offset: 5 }],
    analysisVersion: 1,
  };
}

/**
 * `count` highlights on an article; the ones at odd positions carry a note. `tag` makes each set
 * unique.
 */
export function makeHighlights(articleId: string, count: number, tag = 0): Highlight[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `h${tag}x${i}`,
    articleId,
    position: { type: 'TextPositionSelector' as const, start: i, end: i + 5 },
    quote: {
      type: 'TextQuoteSelector' as const,
      exact: `quote ${tag}/${i}`,
      prefix: 'before ',
      suffix: ' after',
    },
    color: 'yellow' as const,
    note: i % 2 ? `note ${tag}/${i} #tag${tag}` : '',
    tags: i % 2 ? [`tag${tag}`] : [],
    created: '2024-03-02T09:00:00.000Z',
    updated: '2024-03-02T09:00:00.000Z',
    orphan: false,
    ...(i % 3 === 0
      ? { attribution: { name: 'the minister', role: null, kind: 'person' as const } }
      : {}),
  }));
}

/** What the tests read of the stored index, library.json. */
export interface StoredIndex {
  schemaVersion: number;
  seeded: boolean;
  articles: StoredRow[];
}
/** One article's row in the stored index. */
export type StoredRow = { id: string; highlights: number; position?: number } & Record<
  string,
  unknown
>;
/** What the tests read of a stored highlights file, highlights/<id>.json. */
export interface StoredHighlights {
  highlights: Array<Record<string, unknown>>;
}

/** Reads and parses a JSON file under `dir`, as the shape the caller names. */
export function readJson<T>(dir: string, rel: string): T {
  return JSON.parse(fs.readFileSync(path.join(dir, rel), 'utf8')) as T;
}

/** Every file under `dir` (relative paths, forward slashes), sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk('');
  return out.sort();
}
