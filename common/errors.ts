/**
 * The closed set of failures that cross a boundary (IPC, the CLI's stderr, a notice in the
 * reader). Services throw a `GlossError` with one of these codes; the renderer chooses how to say
 * it by the code, and anything else thrown is an `internal` failure with its message kept.
 */
export const ERROR_CODES = [
  /** An article, highlight or feed the caller named does not exist. */
  'not-found',
  /** An argument failed its schema (IPC, CLI option, API call). */
  'invalid-argument',
  /** A stored file could not be read back (bad JSON, failed schema, bad UTF-8). */
  'damaged-file',
  /** A file or page offered for import is not something Gloss can read. */
  'unreadable-import',
  /** An import went over its time, memory or size budget. */
  'too-large',
  /** The change clashes with one made elsewhere (another process or device). */
  'conflict',
  /** The data folder or an export folder cannot be written. */
  'read-only',
  /** A network fetch failed (offline, refused, bad status). */
  'network',
  /** An export template could not be used. */
  'template',
  /** The library was written by a newer Gloss. */
  'newer-version',
  /** Anything not foreseen: a bug. */
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What crosses IPC for a failed call: a code to choose wording by, and a readable message. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

/** A failure the user can be told about; `code` says which kind it is. */
export class GlossError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GlossError';
    this.code = code;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * The message of anything thrown: an Error's message, a thrown string as it is (jsdom throws
 * strings), and a fallback for values with no text, so a user never reads "undefined".
 */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string' && error.trim() !== '') return error;
  if (error !== null && typeof error === 'object' && 'message' in error) {
    const { message } = error;
    if (typeof message === 'string' && message !== '') return message;
  }
  return 'an unexpected error occurred';
}

/** Any thrown value as the code and message that cross a boundary. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof GlossError) return { code: error.code, message: error.message };
  const code = (error as { code?: unknown } | null)?.code;
  if (isErrorCode(code)) return { code, message: messageOf(error) };
  return { code: 'internal', message: messageOf(error) };
}
