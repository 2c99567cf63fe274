/**
 * The feeds a library subscribes to, in `<dataDir>/feeds.json`: each feed's address, its
 * title, when it was last refreshed, and the keys (guid or link) of the items already saved,
 * so that an item is never saved twice. Written whole and atomically.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
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

/** Writes the subscriptions whole. */
export async function writeSubscriptions(dataDir: string, feeds: Subscription[]): Promise<void> {
  const trimmed = feeds.map((f) => ({ ...f, seen: f.seen.slice(-MAX_SEEN_KEYS) }));
  await writeFileAtomic(
    path.join(dataDir, FEEDS_FILE),
    `${JSON.stringify({ schemaVersion: 1, feeds: trimmed }, null, 2)}\n`,
  );
}
