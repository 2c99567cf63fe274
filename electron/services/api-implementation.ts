import type {
  ApiImplementation,
  AppNotice,
  DroppedImportImplementation,
  ImportSummary,
} from '../../common/api.ts';
import {
  MAX_IMPORT_BATCH,
  fileNameOf,
  type ImportProgressEvent,
  type ImportResult,
} from '../../common/api-imports.ts';
import { hasImportableExtension, notAnArticleReason } from '../../common/ingest/extensions.ts';
import { suggestedFileName } from '../../common/export/markdown.ts';
import { exportNotebook, type NotebookGroup } from '../../common/export/notebook.ts';
import { writeFileAtomic } from './export/write-atomic.ts';
import { createIngestApi } from './feeds/ingest-api.ts';
import type { Library } from './library.ts';

/** What only the desktop shell can do; the end-to-end tests stand in for it. */
export interface Platform {
  /**
   * Asks the user where to save (a Markdown file unless `kind` says an OPML list of feeds);
   * resolves to the chosen path, or null when cancelled.
   */
  chooseSavePath(suggestedName: string, kind?: 'markdown' | 'opml'): Promise<string | null>;
  /**
   * Asks the user for files to import (saved web pages, text, Markdown); resolves to their
   * paths, or to none when cancelled. A platform without it imports nothing from the dialog.
   * The paths stay in this process: the page only ever hears the files' names.
   */
  chooseImportFiles?(): Promise<string[]>;
  /** Tells the page how an import is going (the desktop sends it to the window). */
  importProgress?(event: ImportProgressEvent): void;
  /** Asks for a folder to export every article's notes into; null when cancelled. */
  chooseExportFolder?(): Promise<string | null>;
  /** Asks for an OPML file of feeds to subscribe to; null when cancelled. */
  chooseOpmlFile?(): Promise<string | null>;
}

/**
 * Answers every call of the API table from the library and the platform, and the preload's
 * dropped files.
 */
export function createApiImplementation(
  library: Library,
  platform: Platform,
  notices: AppNotice[] = [],
): ApiImplementation & DroppedImportImplementation {
  let batches = 0;
  /** Imports files one at a time, reporting each as it ends; one failure does not stop the rest. */
  const importBatch = async (paths: readonly string[]): Promise<ImportSummary> => {
    const batch = ++batches;
    platform.importProgress?.({ kind: 'start', batch, files: paths.map(fileNameOf) });
    const results: ImportResult[] = [];
    for (const [index, file] of paths.entries()) {
      const result = await importOne(library, file);
      results.push(result);
      platform.importProgress?.({ kind: 'file', batch, index, total: paths.length, result });
    }
    return { results };
  };
  return {
    listArticles: () => Promise.resolve(library.list()),
    getArticle: async ({ id }) => library.open(id),
    notices: () => Promise.resolve(notices.concat(library.store.notices)),
    createHighlight: async (request) => library.createHighlight(request),
    updateHighlight: async (change) => library.updateHighlight(change),
    deleteHighlight: async (target) => library.deleteHighlight(target),
    restoreHighlight: async ({ highlight }) => library.restoreHighlight(highlight),
    exportMarkdown: async ({ articleId, colorTags }) =>
      library.exportMarkdown(articleId, { colorTags }),
    exportToFile: async ({ articleId, colorTags }) => {
      const { article } = await library.open(articleId);
      const target = await platform.chooseSavePath(suggestedFileName(article));
      if (!target) return { path: null };
      const markdown = await library.exportMarkdown(articleId, { colorTags });
      await writeFileAtomic(target, markdown);
      return { path: target };
    },
    exportAllWithDialog: async ({ colorTags }) => {
      const folder = (await platform.chooseExportFolder?.()) ?? null;
      if (!folder) return { folder: null, files: [] };
      return { folder, ...(await library.exportAll(folder, { colorTags })) };
    },
    search: async ({ query, limit }) => library.find(query, limit),
    importWithDialog: async () => {
      const chosen = (await platform.chooseImportFiles?.()) ?? [];
      return chosen.length ? importBatch(chosen.slice(0, MAX_IMPORT_BATCH)) : { results: [] };
    },
    importDropped: async ({ paths }) => importBatch(paths),
    setArticleTags: async ({ id, tags }) => library.setTags(id, tags),
    setReadingPosition: async ({ id, offset, progress }) =>
      library.setReadingPosition(id, offset, progress),
    trashArticle: async ({ id }) => library.trash(id),
    restoreArticle: async ({ id }) => library.restore(id),
    listTrash: () => Promise.resolve(library.listTrash()),
    listAllHighlights: async () => library.allHighlights(),
    ...createIngestApi(library, platform),
    exportNotebook: async ({ highlights, colorTags, save }) => {
      const markdown = exportNotebook(await notebookGroups(library, highlights), {
        exported: new Date().toISOString(),
        colorTags,
      });
      if (!save) return { markdown, path: null };
      const target = await platform.chooseSavePath('Notebook.md');
      if (target) await writeFileAtomic(target, markdown);
      return { markdown, path: target };
    },
    resolveNoteConflict: async ({ articleId, id, note }) =>
      library.updateHighlight({ articleId, id, note, resolveConflicts: true }),
  };
}

/** Imports one file the user chose, answering with its name only (never where it is). */
async function importOne(library: Library, file: string): Promise<ImportResult> {
  const name = fileNameOf(file);
  // The dialog's filter can be switched off: refuse other kinds of file with the usual words.
  if (!hasImportableExtension(name))
    return { file: name, status: 'failed', error: notAnArticleReason(name) };
  const [result] = (await library.importFiles([file])).results;
  if (!result) return { file: name, status: 'failed', error: 'nothing was read' };
  return { ...result, file: name };
}

/**
 * The chosen highlights grouped under their articles, in the order the articles were first
 * named. Each article is opened (which re-checks its highlights' places); an id that is no
 * longer there (deleted meanwhile) is left out.
 */
async function notebookGroups(
  library: Library,
  chosen: ReadonlyArray<{ articleId: string; id: string }>,
): Promise<NotebookGroup[]> {
  const byArticle = new Map<string, Set<string>>();
  for (const { articleId, id } of chosen) {
    const ids = byArticle.get(articleId) ?? new Set<string>();
    ids.add(id);
    byArticle.set(articleId, ids);
  }
  const groups: NotebookGroup[] = [];
  for (const [articleId, ids] of byArticle) {
    const { article, highlights } = await library.open(articleId);
    groups.push({ article, highlights: highlights.filter((h) => ids.has(h.id)) });
  }
  return groups;
}
