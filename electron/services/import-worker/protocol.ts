import type { ErrorInfo } from '../../../common/errors.ts';
import type { ParsedArticle } from '../../../common/model/article.ts';

/**
 * The worker's answer to one task, matched to it by `id`. `heap` is the worker's heap in use
 * after the task, in bytes (after a collection when the process runs with --expose-gc), so
 * that what a parser keeps can be measured (tests/soak).
 */
export type WorkerAnswer =
  /** Sent once, when the worker has loaded and listens for tasks. */
  | { ready: true; id?: undefined }
  | { id: number; ok: true; article: ParsedArticle; heap: number }
  /** `reason` is set when the file itself was refused (UnreadableFileError). */
  | { id: number; ok: false; error: ErrorInfo; reason?: string; heap: number };
