import type { ParsedArticle } from '../../../common/model/article.ts';
import { DEFAULT_BUDGET } from './budget.ts';
import { runTask } from './tasks.ts';

/** What reads and parses a file to import: an ImportRunner, or the in-thread parser below. */
export interface FileParser {
  parseFile(file: string): Promise<ParsedArticle>;
}

/** Parses in the calling thread with the size limit only (unit tests of the library). */
export const inThreadParser: FileParser = {
  parseFile: (file) => runTask({ kind: 'file', file, maxBytes: DEFAULT_BUDGET.maxBytes }),
};
