/**
 * Words for a write the disk refused: what could not be saved and why, in terms a reader
 * knows (a full disk, a read-only folder), never a temp file's name or an errno.
 */
import { GlossError } from '../../../common/errors.ts';

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'the library folder is not writable',
  EPERM: 'the library folder is not writable',
  EIO: 'the disk reported an error',
};

/** Turns a failed write into a GlossError naming `what` (an article, its highlights…). */
export function describeWriteFailure(error: unknown, what: string): GlossError {
  if (error instanceof GlossError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  const reason = REASONS[code];
  if (reason)
    return new GlossError('read-only', `Could not save ${what}: ${reason}.`, { cause: error });
  return new GlossError('internal', `Could not save ${what}: the disk refused the write.`, {
    cause: error,
  });
}

/** Whether an error means the folder cannot be written at all (open it read-only instead). */
export function isNotWritable(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  return code === 'EROFS' || code === 'EACCES' || code === 'EPERM';
}
