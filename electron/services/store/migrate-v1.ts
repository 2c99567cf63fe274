/**
 * Migration 2: a library in the previous format (`library.json`, `articles/<id>.json`,
 * `highlights/<id>.json`, `backups/`) becomes one change log of this device plus content files.
 * The previous format's own reader (library-store.ts, with its recovery from backups) reads
 * it; the log is written whole or not at all, and its stamps are fixed (the earliest possible
 * time, in a fixed order), so running the migration again after a crash writes the very same
 * file and anything changed later wins over it. Only then are the old files moved into
 * `legacy-v1/`, the index first, since its presence is what starts the migration.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { clampHighlight } from '../../../common/store/clamp-highlight.ts';
import { HybridClock } from '../../../common/store/hlc.ts';
import { JOURNAL_FORMAT_VERSION } from '../../../common/store/journal-schema.ts';
import { highlightOps, type LogRecord } from '../../../common/store/merge.ts';
import { articleSchema } from '../../../common/store/schema.ts';
import { writeFileDurably } from './durable-file.ts';
import { openLibraryStore as openLegacyStore } from './library-store.ts';
import { CONTENT_DIR, contentRel, full, LEGACY_DIR, LEGACY_INDEX, logsDir } from './layout.ts';
import type { StoreNotice } from './types.ts';

/** The log a converted library becomes. */
export function migratedLogRel(device: string): string {
  return `${logsDir(device)}/v1-migrated.jsonl`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Whether the folder holds a library in the previous format. */
export function needsMigration(dataDir: string): Promise<boolean> {
  return exists(path.join(dataDir, LEGACY_INDEX));
}

/** Converts the previous format; returns the notices its reader met (damaged files and such). */
export async function migrateFromV1(dataDir: string, device: string): Promise<StoreNotice[]> {
  const legacy = await openLegacyStore(dataDir);
  const notices = [...legacy.notices];
  const clock = new HybridClock(`${device}~v1`, () => 1);
  const lines: string[] = [];
  const push = (record: LogRecord) => lines.push(JSON.stringify(record) + '\n');
  await mkdir(path.join(dataDir, CONTENT_DIR), { recursive: true });
  for (const row of [...legacy.listArticles(), ...legacy.listTrash()]) {
    const stored = await legacy.getArticle(row.id);
    const article = articleSchema.safeParse(stored);
    if (!article.success) continue; // its reader has already said it could not be read
    const text = JSON.stringify({ format: JOURNAL_FORMAT_VERSION, article: article.data });
    const key = createHash('sha256').update(text).digest('hex').slice(0, 32);
    await writeFileDurably(full(dataDir, contentRel(key)), text);
    const a = article.data;
    push({
      t: clock.now(),
      ops: [
        {
          o: 'row',
          a: a.id,
          f: {
            live: true,
            content: key,
            title: a.title,
            source: a.source,
            dateline: a.dateline,
            publisher: a.publisher,
            published: a.published,
            syndicated: a.syndicated,
            words: a.words,
            addedAt: a.addedAt,
            contentHash: a.contentHash,
            url: a.url ?? null,
            ...(row.tags ? { tags: row.tags } : {}),
            ...(row.progress !== undefined ? { progress: row.progress } : {}),
            ...(row.position !== undefined ? { position: row.position } : {}),
            ...(row.lastReadAt ? { lastReadAt: row.lastReadAt } : {}),
            ...(row.trashedAt ? { trashedAt: row.trashedAt } : {}),
          },
        },
      ],
    });
    for (const stored of await legacy.getHighlights(a.id)) {
      const { highlight, noteCut } = clampHighlight(stored);
      if (noteCut)
        notices.push({
          file: a.title,
          message: `A note in “${a.title}” was longer than notes may be and was shortened.`,
        });
      push({ t: clock.now(), ops: highlightOps(a.id, null, highlight, []) });
    }
  }
  if (legacy.seeded) push({ t: clock.now(), ops: [{ o: 'lib', f: { seeded: true } }] });
  await mkdir(full(dataDir, logsDir(device)), { recursive: true });
  await writeFileDurably(full(dataDir, migratedLogRel(device)), lines.join(''));

  const legacyDir = path.join(dataDir, LEGACY_DIR);
  await mkdir(legacyDir, { recursive: true });
  await rename(path.join(dataDir, LEGACY_INDEX), path.join(legacyDir, LEGACY_INDEX));
  for (const name of ['articles', 'highlights', 'backups']) {
    const from = path.join(dataDir, name);
    if (await exists(from)) await rename(from, path.join(legacyDir, name)).catch(() => undefined);
  }
  return notices;
}
