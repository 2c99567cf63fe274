/**
 * YAML front matter at the head of a Markdown file (the block between two `---` lines that
 * Jekyll, Hugo, Obsidian and Gloss's own export write): the fields Gloss knows become the
 * article's metadata; the block never becomes body text.
 */
import { parse as parseYaml } from 'yaml';
import { normalizePublished, webAddressOrNull } from './web-page.ts';

/** The metadata Gloss reads from front matter; absent fields are null (tags: empty). */
export interface FrontMatter {
  title: string | null;
  author: string | null;
  published: string | null;
  /** A web address given as `url` or `source`. */
  url: string | null;
  /** The wire or agency named as `source` (when it is not an address). */
  source: string | null;
  dateline: string | null;
  publisher: string | null;
  tags: string[];
}

/** The front matter block and the body after it. */
export interface SplitMarkdown {
  frontMatter: FrontMatter | null;
  body: string;
}

const FENCE = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** The largest front matter read; a longer block is not metadata but a mistake, kept as text. */
const MAX_FRONT_MATTER = 64 * 1024;

function text(value: unknown): string | null {
  if (typeof value === 'string' || typeof value === 'number') {
    const t = String(value).replace(/\s+/g, ' ').trim();
    return t || null;
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return null;
}

/** A person as a string, `{name}`, or a list of either, joined with commas. */
function names(value: unknown): string | null {
  if (Array.isArray(value)) {
    const all = value.map(names).filter((n): n is string => !!n);
    return all.length ? all.join(', ') : null;
  }
  if (value && typeof value === 'object' && 'name' in value) return text(value.name);
  return text(value);
}

/** Tags as a YAML list or a comma- or space-separated string; a leading `#` is dropped. */
function tagsOf(value: unknown): string[] {
  const raw = Array.isArray(value)
    ? value.map(text)
    : typeof value === 'string'
      ? value.split(/[,\s]+/)
      : [];
  const seen = new Map<string, string>();
  for (const t of raw) {
    const tag = (t ?? '').trim().replace(/^#/, '');
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

/** A front matter date ("2024-05-01", "2024-05-01 09:30", ISO with offset) as ISO 8601. */
function dateOf(value: unknown): string | null {
  const t = text(value);
  return t ? normalizePublished(t) : null;
}

/** Reads one field case-insensitively. */
function field(data: Record<string, unknown>, ...names: string[]): unknown {
  for (const [key, value] of Object.entries(data)) {
    if (names.includes(key.toLowerCase())) return value;
  }
  return undefined;
}

/**
 * Splits front matter from a Markdown text. A block that is not a YAML mapping (a horizontal
 * rule followed by prose, broken YAML) is left in the body as the author wrote it.
 */
export function splitFrontMatter(markdown: string): SplitMarkdown {
  const m = FENCE.exec(markdown);
  if (!m || m[0].length > MAX_FRONT_MATTER) return { frontMatter: null, body: markdown };
  let data: unknown;
  try {
    data = parseYaml(m[1] ?? '', { maxAliasCount: 10 });
  } catch {
    return { frontMatter: null, body: markdown };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return { frontMatter: null, body: markdown };
  const record = data as Record<string, unknown>;
  const source = text(field(record, 'source'));
  const sourceUrl = webAddressOrNull(source);
  return {
    frontMatter: {
      title: text(field(record, 'title')),
      author: names(field(record, 'author', 'authors', 'creator', 'by')),
      published: dateOf(field(record, 'published', 'date', 'pubdate', 'created')),
      url: webAddressOrNull(text(field(record, 'url', 'link', 'canonical'))) ?? sourceUrl,
      source: sourceUrl ? null : source,
      dateline: text(field(record, 'dateline')),
      publisher: text(field(record, 'publisher', 'site', 'site_name')),
      tags: tagsOf(field(record, 'tags', 'tag', 'keywords', 'categories')),
    },
    body: markdown.slice(m[0].length),
  };
}
