/**
 * RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed, read by feedsmith into one shape: the feed's title
 * and its items with what Gloss keeps as provenance (title, author, date, link) and the item's
 * HTML when the feed carries it. A pure function of the feed's text.
 */
import { parseFeed } from 'feedsmith';
import { GlossError } from '../../../common/errors.ts';
import { cleanText, webAddressOrNull } from '../../../common/ingest/web-page.ts';

/** One item of a feed, normalised. */
export interface FeedItem {
  /** What identifies the item across refreshes: its guid or id, else its link. */
  key: string;
  title: string | null;
  /** The item's web address (absolute, http or https), or null. */
  link: string | null;
  author: string | null;
  /** The date as the feed wrote it. */
  published: string | null;
  /** The item's HTML: full content when the feed has it, else its summary. */
  html: string | null;
  /** True when `html` is the item's full text rather than a summary. */
  fullContent: boolean;
  categories: string[];
}

/** A parsed feed. */
export interface ParsedFeed {
  title: string | null;
  /** The site the feed belongs to. */
  siteUrl: string | null;
  items: FeedItem[];
}

/** Words of body text from which an item's description counts as the full article. */
export const FULL_TEXT_WORDS = 150;

function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value) {
    const v = value.value;
    return typeof v === 'string' ? v : null;
  }
  return null;
}

function absolute(raw: string | null | undefined, base: string): string | null {
  if (!raw) return null;
  try {
    return webAddressOrNull(new URL(raw.trim(), base).href);
  } catch {
    return null;
  }
}

function names(list: unknown): string | null {
  if (!Array.isArray(list)) return null;
  const all = list
    .map((a) => {
      const name = cleanText(str((a as { name?: unknown }).name) ?? str(a));
      // RSS <author> is "email (Name)"; the name is what a reader wants.
      const inParens = name && /\(([^)]+)\)\s*$/.exec(name);
      return inParens ? inParens[1]! : name && !/^\S+@\S+$/.test(name) ? name : null;
    })
    .filter((n): n is string => !!n);
  return all.length ? all.join(', ') : null;
}

function wordsIn(html: string): number {
  const text = html.replace(/<[^>]*>/g, ' ');
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

function categoriesOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .map((c) =>
      cleanText(
        str((c as { name?: unknown; term?: unknown }).name) ??
          str((c as { term?: unknown }).term) ??
          str(c),
      ),
    )
    .filter((c): c is string => !!c);
}

type Loose = Record<string, unknown>;

function item(
  raw: Loose,
  base: string,
  fields: { id: unknown; link: unknown; content: unknown; summary: unknown; date: unknown },
): FeedItem | null {
  const link = absolute(str(fields.link), base);
  const id = cleanText(str(fields.id));
  const key = id ?? link;
  if (!key) return null;
  const content = str(fields.content);
  const summary = str(fields.summary);
  const html = content ?? summary;
  return {
    key,
    title: cleanText(str(raw.title)?.replace(/<[^>]*>/g, ' ')),
    link,
    author: names(raw.authors),
    published: cleanText(str(fields.date)),
    html: html?.trim() ? html : null,
    fullContent: !!html && wordsIn(html) >= FULL_TEXT_WORDS,
    categories: categoriesOf(raw.categories),
  };
}

/**
 * Parses a feed's text; `feedUrl` resolves relative links. Throws GlossError
 * (`unreadable-import`) for text that is no feed Gloss reads.
 */
export function parseFeedText(text: string, feedUrl: string): ParsedFeed {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(text);
  } catch {
    throw new GlossError('unreadable-import', `${feedUrl} is not an RSS, Atom or JSON feed`);
  }
  const feed = parsed.feed as Loose;
  const items: FeedItem[] = [];
  const push = (i: FeedItem | null) => {
    if (i) items.push(i);
  };
  switch (parsed.format) {
    case 'rss':
    case 'rdf':
      for (const raw of (feed.items as Loose[] | undefined) ?? []) {
        const guid = raw.guid as Loose | string | undefined;
        push(
          item(raw, feedUrl, {
            id: typeof guid === 'string' ? guid : guid?.value,
            link: raw.link,
            content: (raw.content as Loose | undefined)?.encoded,
            summary: raw.description,
            date: raw.pubDate ?? (raw.dc as Loose | undefined)?.date,
          }),
        );
      }
      break;
    case 'atom':
      for (const raw of (feed.entries as Loose[] | undefined) ?? []) {
        const links = (raw.links as Loose[] | undefined) ?? [];
        const alternate = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
        push(
          item(raw, feedUrl, {
            id: raw.id,
            link: alternate?.href,
            content: raw.content,
            summary: raw.summary,
            date: raw.published ?? raw.updated,
          }),
        );
      }
      break;
    case 'json':
      for (const raw of (feed.items as Loose[] | undefined) ?? []) {
        push(
          item(raw, feedUrl, {
            id: raw.id,
            link: raw.url,
            content: raw.content_html ?? raw.contentHtml,
            summary: raw.summary,
            date: raw.date_published ?? raw.datePublished,
          }),
        );
      }
      break;
  }
  const links = feed.links as Loose[] | undefined;
  return {
    title: cleanText(str(feed.title)),
    siteUrl: absolute(str(feed.link) ?? str(links?.[0]?.href) ?? str(feed.home_page_url), feedUrl),
    items,
  };
}
