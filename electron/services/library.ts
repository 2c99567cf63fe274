import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { GlossError, messageOf } from '../../common/errors.ts';
import type { ImportSummary, OpenedArticle, SearchResult } from '../../common/api.ts';
import type { ImportedAnnotation } from '../../common/annotations/parse.ts';
import { describeRange } from '../../common/anchoring/describe-range.ts';
import { anchor } from '../../common/anchoring/match-quote.ts';
import { reanchorAll } from '../../common/anchoring/reanchor.ts';
import { ANALYSIS_VERSION, analyseArticle } from '../../common/analysis/article-analysis.ts';
import { exportMarkdown } from '../../common/export/markdown.ts';
import { attributionAt } from '../../common/highlights/attribution-at.ts';
import { tagsFromNote } from '../../common/highlights/tags.ts';
import { countWords, IngestError, parseArticle } from '../../common/ingest/index.ts';
import type { Article, ArticleSummary, ParsedArticle } from '../../common/model/article.ts';
import type { Highlight, HighlightColor } from '../../common/model/highlight.ts';
import { isHtmlFileName, parseHtmlPage } from './html/read-page.ts';
import { copyPageImages, type ImageLoader } from './html/page-images.ts';
import { inThreadParser, type FileParser } from './import-worker/file-parser.ts';
import { isEpubFileName } from './epub/epub-name.ts';
import { readEpub } from './epub/read-epub.ts';
import { fetchArticle } from './net/fetch-article.ts';
import type { FetchLimits } from './net/fetch-resource.ts';
import { exportLibraryToFolder } from './export/export-all.ts';
import { readImportBytes, UnreadableFileError } from './read-article-file.ts';
import { LibrarySearch, type LibrarySearchOptions } from './search/library-search.ts';
import type { HighlightsTx, LibraryChange, LibraryStore } from './store/types.ts';
import { clampHighlight } from '../../common/store/clamp-highlight.ts';
import { highlightSchema } from '../../common/store/schema.ts';
import { describeZodError } from '../../common/store/migrations.ts';

/** The channel on which the main process tells the window what changed on disk elsewhere. */
export { LIBRARY_CHANGED_CHANNEL } from '../../common/library-events.ts';

/** How long a trashed article is kept before it is deleted for good. */
export const TRASH_DAYS = 30;

/** What became of one file given to import. */
export interface ImportOutcome {
  id: string;
  title: string;
  file: string;
  duplicate: boolean;
  /** Present when the file was a changed version of a stored article and replaced it. */
  updated?: { kept: number; moved: number; orphaned: number };
  /** True when the file matched an article in the trash, which was brought back. */
  restored?: boolean;
}

/** A request to highlight [start, end) of an article's text. */
export interface NewHighlight {
  articleId: string;
  start: number;
  end: number;
  color: HighlightColor;
  note?: string;
}

/** Thrown for requests about things that are not there; the message is for people. */
export class NotFoundError extends GlossError {
  constructor(message: string) {
    super('not-found', message);
    this.name = 'NotFoundError';
  }
}

function contentHashOf(parsed: ParsedArticle): string {
  return createHash('sha256').update(parsed.title).update('\n\n').update(parsed.text).digest('hex');
}

/** The media file names a parsed article's figures refer to. */
function mediaNamesOf(parsed: ParsedArticle): Set<string> {
  const names = new Set<string>();
  for (const b of parsed.blocks) if (b.image?.src) names.add(b.image.src);
  return names;
}

/** Refuses a highlight the store could not keep, naming the field and the reason. */
function checkHighlight(highlight: Highlight): void {
  const checked = highlightSchema.safeParse(highlight);
  if (!checked.success)
    throw new GlossError(
      'invalid-argument',
      `The highlight cannot be saved: ${describeZodError(checked.error)}.`,
    );
}

function newId(prefix: string): string {
  return prefix + randomBytes(8).toString('hex');
}

/**
 * The library: importing, reading and annotating articles on top of the durable store. Used
 * alike by the Electron main process (through the API table) and the `gloss` command.
 */
export class Library {
  /**
   * Reads and parses files to import: in this thread by default; openLibrary gives the app and
   * the `gloss` command a worker thread held to a time, memory and size budget.
   */
  parser: FileParser = inThreadParser;

  /** The library's full-text index; built or loaded on first use, never while opening. */
  readonly search: LibrarySearch;

  constructor(
    readonly store: LibraryStore,
    private readonly now: () => Date = () => new Date(),
    searchOptions: LibrarySearchOptions = {},
  ) {
    this.search = new LibrarySearch(store, searchOptions);
    // What another process or device changed: the search index follows it.
    store.onChange(({ articles }) => {
      for (const id of articles) void this.search.refresh(id).catch(() => undefined);
    });
  }

  /**
   * Calls `listener` when another process or device changed articles on disk (the main process
   * forwards it to the window as `library:changed`); returns a function that stops it.
   */
  onChanged(listener: (change: LibraryChange) => void): () => void {
    return this.store.onChange(listener);
  }

  /** Writes everything pending and stops watching; for app quit. */
  async close(): Promise<void> {
    await this.search.flush().catch(() => undefined);
    this.search.close();
    await this.store.close();
  }

  /** The library's rows (not the trash), in the order added. */
  list(): ArticleSummary[] {
    return this.store.listArticles();
  }

  /**
   * Every highlight in the library (not the trash), grouped under the row of its article, for
   * the notebook. Read as stored: an article's highlights are re-checked when it is opened.
   */
  async allHighlights(): Promise<Array<{ article: ArticleSummary; highlights: Highlight[] }>> {
    const rows = this.list();
    return Promise.all(
      rows.map(async (article) => ({
        article,
        highlights: await this.store.getHighlights(article.id),
      })),
    );
  }

  /** The trash's rows, each with `trashedAt`. */
  listTrash(): ArticleSummary[] {
    return this.store.listTrash();
  }

  /**
   * Reads and imports a file: a saved web page (.html, .htm) or a text or Markdown article.
   * Throws UnreadableFileError or IngestError with a reason.
   */
  async importFile(file: string): Promise<ImportOutcome> {
    if (isEpubFileName(file)) {
      const book = readEpub(await readImportBytes(file), path.basename(file));
      return this.importParsed(path.basename(file), book.article, (src) =>
        Promise.resolve(book.image(src)),
      );
    }
    // Pages and text parse in the budgeted import worker when the app or the command runs.
    const parsed = await this.parser.parseFile(file);
    return this.importParsed(path.basename(file), parsed);
  }

  /**
   * Imports an article's text (for `.html`/`.htm` names, a page's HTML, whose images are then
   * all treated as remote); the same content imported again is reported as a duplicate.
   */
  async importText(fileName: string, raw: string): Promise<ImportOutcome> {
    const parsed = isHtmlFileName(fileName)
      ? parseHtmlPage(raw, fileName)
      : parseArticle(fileName, raw);
    return this.importParsed(fileName, parsed);
  }

  /**
   * Saves the article at a web address: fetched once with its pictures, then stored like a
   * saved page (the same address or canonical URL again updates it). Throws GlossError with a
   * reason (offline, not an article, too large) before anything is stored.
   */
  async importUrl(url: string, limits?: FetchLimits): Promise<ImportOutcome> {
    const fetched = await fetchArticle(url, limits);
    return this.importParsed(fetched.fetchedUrl, fetched.article, fetched.image);
  }

  /**
   * Imports an article read elsewhere (a feed item); `label` is what it came from, `loadImage`
   * gives its figures' pictures.
   */
  async importArticle(
    label: string,
    parsed: ParsedArticle,
    loadImage?: ImageLoader,
  ): Promise<ImportOutcome> {
    return this.importParsed(label, parsed, loadImage);
  }

  /**
   * Imports each file and says what became of it; one file's failure does not stop the others.
   */
  async importFiles(files: readonly string[]): Promise<ImportSummary> {
    const results: ImportSummary['results'] = [];
    for (const file of files) {
      try {
        const outcome = await this.importFile(file);
        const status = outcome.duplicate ? 'duplicate' : outcome.updated ? 'updated' : 'imported';
        const entry: ImportSummary['results'][number] = {
          file,
          status,
          id: outcome.id,
          title: outcome.title,
        };
        if (outcome.updated) entry.highlights = outcome.updated;
        results.push(entry);
      } catch (error) {
        const reason = error instanceof UnreadableFileError ? error.reason : messageOf(error);
        results.push({ file, status: 'failed', error: reason });
      }
    }
    return { results };
  }

  private async importParsed(
    fileName: string,
    parsedWithTags: ParsedArticle,
    loadImage?: ImageLoader,
  ): Promise<ImportOutcome> {
    // Tags the source gives start the article's own tags; they are not part of the article.
    const { tags: sourceTags, ...parsedWithPaths } = parsedWithTags;
    if (!parsedWithPaths.text) throw new IngestError('the page has no readable text');
    const contentHash = contentHashOf(parsedWithPaths);
    const existing = this.store.findByContentHash(contentHash);
    if (existing?.trashedAt) {
      // Importing what is in the trash means wanting it back, notes and all.
      await this.store.restoreArticle(existing.id);
      await this.search.refresh(existing.id);
      return {
        id: existing.id,
        title: existing.title,
        file: fileName,
        duplicate: false,
        restored: true,
      };
    }
    if (existing)
      return { id: existing.id, title: existing.title, file: fileName, duplicate: true };
    const previous = this.previousVersionOf(parsedWithPaths);
    if (previous) {
      const parsed = await copyPageImages(this.store, previous.id, parsedWithPaths, loadImage);
      const outcome = await this.replaceVersion(previous, parsed, contentHash, fileName);
      await this.store.pruneMedia(previous.id, mediaNamesOf(parsed));
      return outcome;
    }
    const id = newId('a');
    const parsed = await copyPageImages(this.store, id, parsedWithPaths, loadImage);
    const analysis = analyseArticle(parsed.title, parsed.text);
    const article: Article = {
      ...parsed,
      id,
      contentHash,
      words: countWords(parsed.text),
      file: fileName,
      addedAt: this.now().toISOString(),
      attributions: analysis.attributions,
      gaps: analysis.gaps,
      analysisVersion: ANALYSIS_VERSION,
    };
    await this.store.addArticle(article);
    if (sourceTags?.length) await this.store.setTags(article.id, sourceTags);
    await this.search.refresh(article.id);
    return { id: article.id, title: article.title, file: fileName, duplicate: false };
  }

  /**
   * A stored article (in the library, not the trash) the parsed one is a new version of: a
   * saved page with the same canonical address, else the same title from the same source.
   */
  private previousVersionOf(parsed: ParsedArticle): ArticleSummary | null {
    if (parsed.url) {
      const byUrl = this.store.findByUrl(parsed.url);
      if (byUrl && !byUrl.trashedAt) return byUrl;
    }
    const key = (title: string, source: string | null) =>
      `${title.trim().toLowerCase()}\u0000${(source ?? '').trim().toLowerCase()}`;
    const wanted = key(parsed.title, parsed.source);
    return this.store.listArticles().find((a) => key(a.title, a.source) === wanted) ?? null;
  }

  /**
   * Replaces a stored article with its changed version and carries its highlights over: all
   * offsets are mapped through one diff of the old and new text, and only those the diff cannot
   * place are searched for by quote. Highlights that cannot be placed are kept as orphans.
   */
  private async replaceVersion(
    summary: ArticleSummary,
    parsed: ParsedArticle,
    contentHash: string,
    fileName: string,
  ): Promise<ImportOutcome> {
    const old = await this.articleOrThrow(summary.id);
    const highlights = await this.store.getHighlights(old.id);
    const analysis = analyseArticle(parsed.title, parsed.text);
    const article: Article = {
      ...old,
      ...parsed,
      contentHash,
      words: countWords(parsed.text),
      file: fileName,
      attributions: analysis.attributions,
      gaps: analysis.gaps,
      analysisVersion: ANALYSIS_VERSION,
    };
    const placeable = highlights.filter((h) => !h.orphan);
    const result = reanchorAll(old.text, article.text, placeable);
    const carried = highlights.map((h): Highlight => {
      const placement = result.placements.get(h.id);
      if (!placement) return h;
      if (placement.status === 'orphan') return { ...h, orphan: true };
      const { position, quote } = describeRange(article.text, placement.start, placement.end);
      return {
        ...h,
        position,
        quote,
        orphan: false,
        attribution: attributionAt(article.attributions, placement.start, placement.end),
      };
    });
    // Should the process die between these two writes, opening the article checks every
    // highlight against its quote and places the stale ones again (see open()).
    await this.store.updateArticle(article);
    await this.store.saveHighlights(article.id, carried);
    await this.search.refresh(article.id);
    return {
      id: article.id,
      title: article.title,
      file: fileName,
      duplicate: false,
      updated: { kept: result.kept, moved: result.moved, orphaned: result.orphaned },
    };
  }

  /** Imports the bundled article the first time a library is opened, and never again. */
  async seed(bundledFile: string): Promise<void> {
    if (this.store.seeded) return;
    await this.importFile(bundledFile);
    await this.store.markSeeded();
  }

  /** An article with its highlights; re-analyses it when the attribution code has changed. */
  async open(id: string): Promise<OpenedArticle> {
    const stored = await this.articleOrThrow(id);
    let article = stored;
    if (stored.analysisVersion !== ANALYSIS_VERSION) {
      article = {
        ...stored,
        ...analyseArticle(stored.title, stored.text),
        analysisVersion: ANALYSIS_VERSION,
      };
      await this.store.updateArticle(article);
    }
    if (stored.contentHash !== article.contentHash) await this.search.refresh(id);
    return { article, highlights: await this.verifiedHighlights(article) };
  }

  /**
   * The article's highlights, each checked against its quote at its recorded position. One
   * that no longer matches (the text changed under it) is placed again by quote search, or
   * kept as an orphan; the repaired list is saved.
   */
  private async verifiedHighlights(article: Article): Promise<Highlight[]> {
    const highlights = await this.store.getHighlights(article.id);
    let changed = false;
    const checked = highlights.map((h): Highlight => {
      if (h.orphan || article.text.slice(h.position.start, h.position.end) === h.quote.exact)
        return h;
      changed = true;
      const found = anchor(article.text, { position: h.position, quote: h.quote });
      if (!found) return { ...h, orphan: true };
      const { position, quote } = describeRange(article.text, found.start, found.end);
      return { ...h, position, quote };
    });
    // Opened for reading (or on a read-only folder) the repair is shown, not saved.
    if (changed && !this.store.readOnly) {
      await this.store.updateHighlights(article.id, (tx) => {
        for (const h of checked) if (tx.get(h.id)) tx.put(h);
      });
      await this.search.refresh(article.id);
    }
    return checked;
  }

  private async articleOrThrow(id: string): Promise<Article> {
    const article = await this.store.getArticle(id);
    if (!article) throw new NotFoundError(`No article with id ${id}`);
    return article;
  }

  async createHighlight(request: NewHighlight): Promise<Highlight> {
    const article = await this.articleOrThrow(request.articleId);
    if (request.end > article.text.length || request.start >= request.end) {
      throw new RangeError(
        `Highlight ${request.start}-${request.end} lies outside the article's text`,
      );
    }
    const { position, quote } = describeRange(article.text, request.start, request.end);
    const stamp = this.now().toISOString();
    const note = request.note ?? '';
    const highlight: Highlight = {
      id: newId('h'),
      articleId: article.id,
      position,
      quote,
      color: request.color,
      note,
      tags: tagsFromNote(note),
      created: stamp,
      updated: stamp,
      orphan: false,
      attribution: attributionAt(article.attributions, request.start, request.end),
    };
    checkHighlight(highlight);
    await this.store.updateHighlights(article.id, (tx) => tx.put(highlight));
    if (note) await this.search.refresh(article.id);
    return highlight;
  }

  async updateHighlight(change: {
    articleId: string;
    id: string;
    color?: HighlightColor;
    note?: string;
    /** The note replaces every version written concurrently on other devices (`conflicts`). */
    resolveConflicts?: boolean;
  }): Promise<Highlight> {
    this.summaryOrThrow(change.articleId);
    const stamp = this.now().toISOString();
    // Decided inside the transaction, on the highlight as it is now (another process may have
    // changed it a moment ago), so no change made elsewhere is written over with a stale copy.
    const { current, updated } = await this.store.updateHighlights(change.articleId, (tx) => {
      const current = tx.get(change.id);
      if (!current) throw new NotFoundError(`No highlight with id ${change.id}`);
      const updated: Highlight = {
        ...current,
        color: change.color ?? current.color,
        note: change.note ?? current.note,
        tags: change.note === undefined ? current.tags : tagsFromNote(change.note),
        updated: stamp,
      };
      checkHighlight(updated);
      tx.put(updated, { resolveConflicts: change.resolveConflicts });
      return { current, updated };
    });
    if (updated.note !== current.note) await this.search.refresh(change.articleId);
    return updated;
  }

  /** Removes a highlight and returns it whole, so that it can be restored by undo. */
  async deleteHighlight(target: { articleId: string; id: string }): Promise<Highlight> {
    this.summaryOrThrow(target.articleId);
    const removed = await this.store.updateHighlights(target.articleId, (tx) => {
      const found = tx.get(target.id);
      if (!found) throw new NotFoundError(`No highlight with id ${target.id}`);
      tx.remove(target.id);
      return found;
    });
    if (removed.note) await this.search.refresh(target.articleId);
    const { conflicts: _conflicts, ...restorable } = removed;
    return restorable;
  }

  /** Puts a highlight back exactly as it was, replacing any with the same id. */
  async restoreHighlight(highlight: Highlight): Promise<Highlight> {
    this.summaryOrThrow(highlight.articleId);
    checkHighlight(highlight);
    await this.store.updateHighlights(highlight.articleId, (tx) => tx.put(highlight));
    await this.search.refresh(highlight.articleId);
    return highlight;
  }

  /**
   * Adds annotations made elsewhere (W3C or Hypothesis JSON) to an article in one write: each
   * is anchored by its position and quote (exact, then fuzzy); one that cannot be placed is
   * kept as an orphan with its quote and note. Annotations already present (same id, or same
   * passage and note) are skipped, so importing a file twice adds nothing.
   */
  async importAnnotations(
    articleId: string,
    annotations: ImportedAnnotation[],
  ): Promise<{
    imported: number;
    skipped: number;
    orphans: Array<{ exact: string; note: string }>;
  }> {
    const article = await this.articleOrThrow(articleId);
    return this.store
      .updateHighlights(articleId, (tx) => this.addAnnotations(article, tx, annotations))
      .then(async (result) => {
        if (result.imported) await this.search.refresh(articleId);
        return result;
      });
  }

  /** The body of importAnnotations, inside its transaction. */
  private addAnnotations(
    article: Article,
    tx: HighlightsTx,
    annotations: ImportedAnnotation[],
  ): { imported: number; skipped: number; orphans: Array<{ exact: string; note: string }> } {
    const articleId = article.id;
    const existing = tx.list();
    const ids = new Set(existing.map((h) => h.id));
    const signatures = new Set(existing.map((h) => `${h.quote.exact}\u0000${h.note}`));
    const added: Highlight[] = [];
    const orphans: Array<{ exact: string; note: string }> = [];
    let skipped = 0;
    for (const a of annotations) {
      const urnId = a.id?.match(/^urn:gloss:highlight:([A-Za-z0-9_-]{1,64})$/)?.[1];
      let placed: { start: number; end: number } | null = null;
      let quote = a.quote;
      if (quote) placed = anchor(article.text, { position: a.position ?? null, quote });
      else if (
        a.position &&
        a.position.end <= article.text.length &&
        a.position.start < a.position.end
      )
        placed = a.position;
      if (placed) quote = describeRange(article.text, placed.start, placed.end).quote;
      if (!quote) continue; // neither a place nor a quote: nothing to keep (reported by the parser)
      const signature = `${quote.exact}\u0000${a.note}`;
      if ((urnId && ids.has(urnId)) || signatures.has(signature)) {
        skipped++;
        continue;
      }
      const stamp = this.now().toISOString();
      const position = placed
        ? describeRange(article.text, placed.start, placed.end).position
        : {
            type: 'TextPositionSelector' as const,
            start: a.position?.start ?? 0,
            end: a.position?.end ?? 0,
          };
      const tags = [...new Set([...a.tags, ...tagsFromNote(a.note)])];
      const made: Highlight = {
        id: urnId ?? newId('h'),
        articleId,
        position,
        quote,
        color: a.color ?? 'yellow',
        note: a.note,
        tags,
        created: a.created ?? stamp,
        updated: a.updated ?? a.created ?? stamp,
        orphan: !placed,
        attribution: placed ? attributionAt(article.attributions, placed.start, placed.end) : null,
      };
      // The same limits as every stored highlight, so that what is imported can be undone.
      const { highlight, noteCut } = clampHighlight(made);
      if (noteCut) {
        skipped++;
        continue; // a note longer than notes may be is not cut short silently
      }
      if (!placed) orphans.push({ exact: quote.exact, note: a.note });
      ids.add(highlight.id);
      signatures.add(signature);
      added.push(highlight);
    }
    for (const h of added) tx.put(h);
    return { imported: added.length, skipped, orphans };
  }

  /** Replaces an article's tags; resolves to its updated row. */
  async setTags(articleId: string, tags: string[]): Promise<ArticleSummary> {
    this.summaryOrThrow(articleId);
    const summary = await this.store.setTags(articleId, tags);
    await this.search.refresh(articleId);
    return summary;
  }

  /** Remembers where the reader is in an article (cheap: the index row only). */
  async setReadingPosition(articleId: string, position: number, progress: number): Promise<void> {
    this.summaryOrThrow(articleId);
    const clamped = Math.min(1, Math.max(0, progress));
    await this.store.setReadingPosition(articleId, {
      position,
      progress: clamped,
      lastReadAt: this.now().toISOString(),
    });
  }

  /** Moves an article and its highlights to the trash, where it stays for TRASH_DAYS days. */
  async trash(articleId: string): Promise<void> {
    this.summaryOrThrow(articleId);
    await this.store.trashArticle(articleId, this.now());
    await this.search.refresh(articleId);
  }

  /** Brings an article back from the trash with its highlights. */
  async restore(articleId: string): Promise<void> {
    const summary = this.summaryOrThrow(articleId);
    if (!summary.trashedAt) return;
    await this.store.restoreArticle(articleId);
    await this.search.refresh(articleId);
  }

  /** Deletes for good what has been in the trash longer than TRASH_DAYS; resolves to their ids. */
  async purgeTrash(): Promise<string[]> {
    const cutoff = new Date(this.now().getTime() - TRASH_DAYS * 24 * 60 * 60 * 1000);
    const purged = await this.store.purgeTrash(cutoff);
    for (const id of purged) await this.search.refresh(id);
    return purged;
  }

  /** Searches every article's text and every note. */
  async find(query: string, limit?: number): Promise<SearchResult[]> {
    return this.search.search(query, limit);
  }

  private summaryOrThrow(id: string): ArticleSummary {
    const summary = this.store.getSummary(id);
    if (!summary) throw new NotFoundError(`No article with id ${id}`);
    return summary;
  }

  /**
   * Writes one Markdown file per article into a folder: every file is rendered before any is
   * written, names are safe on every platform and never collide, and each file is whole.
   */
  async exportAll(
    folder: string,
    options: { colorTags?: boolean; template?: string } = {},
  ): Promise<{ files: string[] }> {
    // One article at a time: memory holds one article, not the library.
    return exportLibraryToFolder(folder, this.list(), (id: string) => this.open(id), {
      exported: this.now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      ...options,
    });
  }

  async exportMarkdown(
    articleId: string,
    options: { colorTags?: boolean; template?: string } = {},
  ): Promise<string> {
    const { article, highlights } = await this.open(articleId);
    return exportMarkdown(article, highlights, {
      exported: this.now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      ...options,
    });
  }
}
