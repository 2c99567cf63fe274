/**
 * What the import worker can be asked to do. Each task reads or receives one article's source
 * and returns the parsed article; none stores anything (the library does, in the main thread,
 * once the worker's answer is back). New importers (links, feeds, books) add a kind here and a
 * case in runTask, and are then called through ImportRunner.run like every other import.
 */
import path from 'node:path';
import { parseArticle } from '../../../common/ingest/index.ts';
import type { ParsedArticle } from '../../../common/model/article.ts';
import { isHtmlFileName, parseHtmlPage, readHtmlPage } from '../html/read-page.ts';
import { readArticleFile } from '../read-article-file.ts';

export type ImportTask =
  /** A file the user chose, dropped or named on the command line. */
  | { kind: 'file'; file: string; maxBytes: number }
  /** Text already in hand (a fetched page, a feed item); `fileName` says how to read it. */
  | { kind: 'text'; fileName: string; text: string };

/** The name an import is known by in messages: the file's name, or the given name. */
export function taskName(task: ImportTask): string {
  return task.kind === 'file' ? task.file : task.fileName;
}

/** Runs one task (in the worker; tests may call it directly). */
export async function runTask(task: ImportTask): Promise<ParsedArticle> {
  switch (task.kind) {
    case 'file':
      return isHtmlFileName(task.file)
        ? readHtmlPage(task.file, task.maxBytes)
        : parseArticle(path.basename(task.file), await readArticleFile(task.file, task.maxBytes));
    case 'text':
      return isHtmlFileName(task.fileName)
        ? parseHtmlPage(task.text, task.fileName)
        : parseArticle(task.fileName, task.text);
  }
}
