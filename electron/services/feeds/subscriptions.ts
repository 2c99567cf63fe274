/**
 * The feeds a library subscribes to, in `<dataDir>/feeds.json`: each feed's address, its
 * title, when it was last refreshed, and the keys (guid or link) of the items already saved,
 * so that an item is never saved twice. Written whole and atomically, and every change is a
 * read-change-write under a lock (in this process and across processes: the app and any
 * `gloss feeds` command), so that two writers at once never lose a subscription.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { z } from 'zod';
import { GlossError } from '../../../common/errors.ts';
import { describeZodError } from '../../../common/store/migrations.ts';
import { writeFileAtomic } from '../export/write-atomic.ts';

/** One subscription. */
export interface Subscription {
  url: string;
  title: string | null;
  addedAt: string;
  refreshedAt: string | null;
  /** Keys of the items saved (or skipped as already in the library), oldest first. */
  seen: string[];
  /** Ids of the articles saved from this feed, for unread counts. */
  articles: string[];
}

const subscriptionSchema = z.object({
  url: z.string(),
  title: z.string().nullable(),
  addedAt: z.string(),
  refreshedAt: z.string().nullable(),
  seen: z.array(z.string()),
  articles: z.array(z.string()),
});

const feedsDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  feeds: z.array(subscriptionSchema),
});

/** How many item keys are remembered per feed (far more than any feed lists at once). */
export const MAX_SEEN_KEYS = 2000;

export const FEEDS_FILE = 'feeds.json';

/** Reads the subscriptions; none when the file does not exist yet. */
export async function readSubscriptions(dataDir: string): Promise<Subscription[]> {
  const file = path.join(dataDir, FEEDS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new GlossError('damaged-file', `${FEEDS_FILE} could not be read`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new GlossError('damaged-file', `${FEEDS_FILE} is not valid JSON`);
  }
  const parsed = feedsDocumentSchema.safeParse(json);
  if (!parsed.success)
    throw new GlossError(
      'damaged-file',
      `${FEEDS_FILE} is damaged (${describeZodError(parsed.error)})`,
    );
  return parsed.data.feeds;
}

/** Writes the subscriptions whole; callers go through updateSubscriptions. */
async function writeSubscriptions(dataDir: string, feeds: Subscription[]): Promise<void> {
  const trimmed = feeds.map((f) => ({ ...f, seen: f.seen.slice(-MAX_SEEN_KEYS) }));
  await writeFileAtomic(
    path.join(dataDir, FEEDS_FILE),
    `${JSON.stringify({ schemaVersion: 1, feeds: trimmed }, null, 2)}\n`,
  );
}

/** The tail of each data folder's queue of changes in this process. */
const queues = new Map<string, Promise<unknown>>();

/** Holds the cross-process lock on feeds.json while `run` runs. */
async function underFileLock<T>(dataDir: string, run: () => Promise<T>): Promise<T> {
  await mkdir(dataDir, { recursive: true });
  const release = await lockfile.lock(path.join(dataDir, FEEDS_FILE), {
    lockfilePath: path.join(dataDir, `${FEEDS_FILE}.lock`),
    realpath: false,
    // A lock left by a killed process is taken over after this long; a change takes milliseconds.
    stale: 5_000,
    retries: { retries: 50, minTimeout: 10, maxTimeout: 200 },
  });
  try {
    return await run();
  } finally {
    await release().catch(() => undefined);
  }
}

/**
 * Applies `change` to the subscriptions as they are on disk now and writes the result, one
 * change at a time: queued behind this process's other changes to the same folder, and under
 * a lock file against other processes. `change` may edit the list in place; resolves to what
 * it returns.
 */
export function updateSubscriptions<T>(
  dataDir: string,
  change: (feeds: Subscription[]) => T,
): Promise<T> {
  const key = path.resolve(dataDir);
  const run = () =>
    underFileLock(dataDir, async () => {
      const feeds = await readSubscriptions(dataDir);
      const result = change(feeds);
      await writeSubscriptions(dataDir, feeds);
      return result;
    });
  const next = (queues.get(key) ?? Promise.resolve()).then(run, run);
  const tail = next.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return next;
}
