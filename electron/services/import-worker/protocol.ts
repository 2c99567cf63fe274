import type { ErrorInfo } from '../../../common/errors.ts';
import type { ParsedArticle } from '../../../common/model/article.ts';

/** The worker's answer to one task, matched to it by `id`. */
export type WorkerAnswer =
  /** Sent once, when the worker has loaded and listens for tasks. */
  | { ready: true; id?: undefined }
  | { id: number; ok: true; article: ParsedArticle }
  /** `reason` is set when the file itself was refused (UnreadableFileError). */
  | { id: number; ok: false; error: ErrorInfo; reason?: string };
