/**
 * The DOM-free half of importing a saved web page: reading its JSON-LD, normalising its dates and
 * address, and turning the metadata and blocks the DOM side found into an article.
 */
import type { ParsedArticle } from '../model/article.ts';
import { assembleText, type DraftBlock } from './blocks.ts';
import { removeClutter } from './page-clutter.ts';

/** What the DOM side reads from a page's head and byline, raw. */
export interface PageMetadata {
  /** `og:title`, else `<title>`, else Readability's title. */
  title: string | null;
  author: string | null;
  /** `article:published_time` or JSON-LD `datePublished`, as written. */
  published: string | null;
  /** `og:site_name`, else the JSON-LD publisher's name. */
  siteName: string | null;
  /** `link[rel=canonical]`, else `og:url`, as written. */
  url: string | null;
}

/** The fields of a page's JSON-LD story object that Gloss uses. */
export interface JsonLdFields {
  headline: string | null;
  author: string | null;
  datePublished: string | null;
  publisher: string | null;
  url: string | null;
}

const STORY_TYPES =
  /(^|:)(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|SocialMediaPosting|Report|ScholarlyArticle|TechArticle|LiveBlogPosting)$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function typesOf(node: { [key: string]: Json }): string[] {
  const t = node['@type'];
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

/** Every object in a JSON-LD value, depth first (arrays and `@graph` included). */
function objectsIn(
  value: Json,
  out: Array<{ [key: string]: Json }> = [],
  depth = 0,
): Array<{ [key: string]: Json }> {
  if (depth > 8 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const v of value) objectsIn(v, out, depth + 1);
    return out;
  }
  out.push(value);
  const graph = value['@graph'];
  if (graph) objectsIn(graph, out, depth + 1);
  return out;
}

/** A person or organisation named as a string, `{name}`, or a list of either. */
function namesOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) {
    const names = value.map((v) => namesOf(v)).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : null;
  }
  if (value && typeof value === 'object' && typeof value.name === 'string')
    return cleanText(value.name);
  return null;
}

function stringOf(value: Json | undefined): string | null {
  return typeof value === 'string' ? cleanText(value) : null;
}

/**
 * Reads the story object (Article, NewsArticle, BlogPosting…) out of a page's JSON-LD scripts'
 * texts. Texts that are not JSON are skipped: pages often carry broken ones.
 */
export function readJsonLd(texts: readonly string[]): JsonLdFields {
  for (const text of texts) {
    let parsed: Json;
    try {
      parsed = JSON.parse(text) as Json;
    } catch {
      continue;
    }
    const story = objectsIn(parsed).find((o) => typesOf(o).some((t) => STORY_TYPES.test(t)));
    if (!story) continue;
    const main = story.mainEntityOfPage;
    const url =
      stringOf(story.url) ??
      (typeof main === 'string'
        ? main
        : main && typeof main === 'object' && !Array.isArray(main)
          ? stringOf(main['@id'])
          : null);
    return {
      headline: stringOf(story.headline) ?? stringOf(story.name),
      author: namesOf(story.author),
      datePublished: stringOf(story.datePublished) ?? stringOf(story.dateCreated),
      publisher: namesOf(story.publisher),
      url,
    };
  }
  return { headline: null, author: null, datePublished: null, publisher: null, url: null };
}

/** Collapses white space; empty becomes null. */
export function cleanText(value: string | null | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text || null;
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * A page's publication time as ISO 8601, keeping the offset the page gave
 * ("2024-05-02T09:30:00+02:00"); "Z" stays "Z", a time without a zone stays without one, a bare
 * date stays a date. Anything that is not an ISO date is dropped rather than guessed at.
 */
export function normalizePublished(raw: string | null): string | null {
  const m = ISO_DATE.exec((raw ?? '').trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (h === undefined) return `${y}-${mo}-${d}`;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? '0') > 59) return null;
  let offset = '';
  if (zone) {
    if (zone.toUpperCase() === 'Z') offset = 'Z';
    else {
      const digits = zone.replace(':', '');
      offset = `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
    }
  }
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${offset}`;
}

/**
 * A page's canonical address when it is a plain web address (http or https, no credentials,
 * no spaces or quotes); anything else, `javascript:` and `data:` above all, is dropped.
 */
export function webAddressOrNull(raw: string | null): string | null {
  const url = (raw ?? '').trim();
  if (!/^https?:\/\/[^\s"'<>\\`]+$/i.test(url) || url.length > 2000) return null;
  const authority = url.replace(/^https?:\/\//i, '').split(/[/?#]/)[0] ?? '';
  if (!authority || authority.includes('@')) return null;
  return url;
}

/** Bylines often start with "By"; the name is what the library shows. */
export function cleanByline(raw: string | null): string | null {
  const text = cleanText(raw);
  if (!text) return null;
  return cleanText(text.replace(/^by\s+/i, '')) ?? null;
}

/** Whether a short paragraph is just the byline naming `author`. */
function isBylineOf(text: string, author: string | null): boolean {
  const line = cleanText(text);
  if (!line || !author || line.length > 120) return false;
  const name = cleanByline(line)?.toLowerCase();
  return (
    name === author.toLowerCase() ||
    (/^by\s/i.test(line) && line.toLowerCase().includes(author.toLowerCase()))
  );
}

/**
 * The article a reader sees: the page's title, author, date, site and address, and its blocks
 * joined into the canonical text. A leading heading that repeats the title is dropped, since the
 * reader shows the title above the text.
 */
export function buildPageArticle(
  meta: PageMetadata,
  drafts: DraftBlock[],
  fallbackTitle: string,
): ParsedArticle {
  const title = cleanText(meta.title) ?? cleanText(fallbackTitle) ?? 'Untitled page';
  const author = cleanByline(meta.author);
  const blocks = removeClutter(drafts);
  const lead = blocks[0];
  if (lead?.kind === 'heading' && cleanText(lead.text)?.toLowerCase() === title.toLowerCase())
    blocks.shift();
  // The printed byline ("By Ines Marlow") near the top is shown as metadata, not as text.
  const byline = blocks
    .slice(0, 3)
    .findIndex((b) => b.kind === 'paragraph' && isBylineOf(b.text, author));
  if (byline >= 0) blocks.splice(byline, 1);
  const { text, blocks: placed } = assembleText(blocks);
  return {
    title,
    source: null,
    author,
    dateline: null,
    publisher: cleanText(meta.siteName),
    published: normalizePublished(meta.published),
    publishedZone: null,
    syndicated: false,
    url: webAddressOrNull(meta.url),
    text,
    blocks: placed,
    format: 'html',
  };
}
