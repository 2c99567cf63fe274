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

/** The kinds of inline formatting a reader keeps inside a block. */
export type InlineMarkKind = 'emphasis' | 'strong' | 'code' | 'link';

/**
 * Inline formatting over [start, end) of the canonical text, inside one block. Marks only
 * describe how a run looks: the text and every offset stay those of the plain canonical text.
 */
export interface InlineMark {
  start: number;
  end: number;
  kind: InlineMarkKind;
  /** For a link: its web address (http or https only; any other link keeps no address). */
  href?: string;
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
  /** Emphasis, strong, code and links inside the block, in text order; absent when none. */
  marks?: InlineMark[];
}

/** Where an article came from, as far as its own text says. Unknown values are null. */
export interface ArticleMeta {
  title: string;
  /** The wire or agency that supplied the story ("AP", "Reuters"); a person goes in `author`. */
  source: string | null;
  /** Where it was filed from ("Istanbul"). */
  dateline: string | null;
  /** Who published it ("Business Standard"). */
  publisher: string | null;
  /** ISO 8601 with the source's own offset ("2019-06-01T13:35:00+05:30"), or null. */
  published: string | null;
  /** The zone abbreviation the source wrote ("IST"), to show the time as the source did. */
  publishedZone: string | null;
  /** True when the publisher ran the story unedited from a feed. */
  syndicated: boolean;
  /** The person or people who wrote it ("Jane Doe", "Ann Lee, Bo Chan"), when named. */
  author: string | null;
  /**
   * The canonical address of a saved or fetched page (else the address it was fetched from;
   * http or https only); its identity across re-imports.
   */
  url: string | null;
}

/** What an importer makes of a file: metadata, one canonical text and its blocks. */
export interface ParsedArticle extends ArticleMeta {
  text: string;
  blocks: Block[];
  format: ArticleFormat;
  /**
   * Tags the source itself gives (Markdown front matter, a feed's categories); the library's
   * own tags for the article start from them.
   */
  tags?: string[];
}

/** What an article was read from. */
export type ArticleFormat = 'news-text' | 'markdown' | 'text' | 'html' | 'epub';

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
  author: string | null;
  /** The canonical or fetched address, or null. */
  url: string | null;
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
