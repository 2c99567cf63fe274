/**
 * How the reader is told that a call failed, chosen by the failure's code (common/errors.ts).
 * The services' messages already name the file, article or folder and the reason, so most codes
 * keep that message as it is; a failure nobody foresaw says so, so that it gets reported.
 */
import { toErrorInfo, type ErrorCode } from '../common/errors.ts';

const keep = (message: string) => message;

/** One wording per code: the record's type makes a new code choose its wording here. */
const WORDING: Record<ErrorCode, (message: string) => string> = {
  'not-found': keep,
  'invalid-argument': keep,
  'damaged-file': keep,
  'unreadable-import': keep,
  'too-large': keep,
  conflict: (message) => `${message} (it was changed elsewhere; try again)`,
  'read-only': keep,
  network: (message) => `${message} (check the connection)`,
  template: keep,
  'newer-version': keep,
  internal: (message) => `${message} (an unexpected error in Gloss)`,
};

/** The text to show for anything a failed call threw. */
export function failureText(error: unknown): string {
  const { code, message } = toErrorInfo(error);
  return WORDING[code](message);
}
