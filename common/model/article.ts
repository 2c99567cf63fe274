import type { Attribution, Gap } from './attribution.ts';

/** The kinds of block a reader sees; each is one run of the canonical text. */
export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'blockquote' | 'code' | 'figure';

/**
 * A figure's picture. `src` is a file name relative to the data folder's `media/<articleId>/`
 * for an image that was saved with the page and copied into the library; null for an image
 * that was only on the web, which is never fetched (the reader shows the alt text instead).
 */
export interface BlockImage {
  src: string | null;
  alt: string;
}

/**
 * One block of an article: a half-open range [start, end) of UTF-16 offsets into the
 * article's canonical text. Blocks are joined in the text by exactly one blank line ("\n\n").
 */
export interface Block {
  start: number;
  end: number;
  kind: BlockKind;
  /** Heading level (1-6) for headings, nesting depth for list items; absent otherwise. */
  level?: number;
  /** For a figure: its picture. The block's text is the caption, or the alt text without one. */
  image?: BlockImage;
}

/** Where an article came from, as far as its own text says. Unknown values are null. */
export interface ArticleMeta {
  title: string;
  /** The wire or author that wrote the story ("AP", "Reuters"). */
  source: string | null;
  /** Where it was filed from ("Istanbul"). */
  dateline: string | null;
  /** Who published it ("Business Standard"). */
  publisher: string | null;
  /** ISO 8601 with the source's own offset ("2019-06-01T13:35:00+05:30"), or null. */
  published: string | null;
  /** The zone abbreviation the source wrote ("IST"), kept for showing the time as the source did. */
  publishedZone: string | null;
  /** True when the publisher ran the story unedited from a feed. */
  syndicated: boolean;
  /** The byline of a saved web page ("Jane Doe"), when the page names one. */
  author?: string | null;
  /** A saved web page's canonical address (http or https only); its identity across re-imports. */
  url?: string | null;
}

/** What an importer makes of a file: metadata, one canonical text and its blocks. */
export interface ParsedArticle extends ArticleMeta {
  text: string;
  blocks: Block[];
  format: 'news-text' | 'markdown' | 'text' | 'html';
}

/** An article as stored: a parsed article with identity and bookkeeping. */
export interface Article extends ParsedArticle {
  id: string;
  /** Hash of title and text; importing identical content again is recognised by it. */
  contentHash: string;
  words: number;
  /** The file name it was imported from, when it came from one. */
  file: string | null;
  addedAt: string;
  /** Computed once at import; recomputed when `analysisVersion` is older than the code's. */
  attributions: Attribution[];
  gaps: Gap[];
  analysisVersion: number;
}

/** The row the library shows: everything but the text. */
export interface ArticleSummary {
  id: string;
  title: string;
  source: string | null;
  dateline: string | null;
  publisher: string | null;
  published: string | null;
  syndicated: boolean;
  words: number;
  highlights: number;
  notes: number;
  addedAt: string;
  /** The user's tags for the article. */
  tags?: string[];
  /** How far through the article the reader got (0–1), and where exactly (a text offset). */
  progress?: number;
  position?: number;
  lastReadAt?: string | null;
  /** Set while the article is in the trash. */
  trashedAt?: string | null;
}
