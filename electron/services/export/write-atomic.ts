/**
 * Writing an exported file: the store's atomic replacement, with failures worded for people.
 */
import { messageOf } from '../../../common/errors.ts';
import { writeFileAtomic as replaceFile } from '../fs/atomic-write.ts';

/** A sentence fragment for people, from a Node error code. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'the folder does not exist';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'EISDIR':
      return 'a folder is in the way';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EBUSY':
      return 'the file is in use';
    default:
      return messageOf(error);
  }
}

/**
 * Writes `content` to `path` atomically (see fs/atomic-write.ts). On any error the message says
 * which path failed and why ("Could not write …: permission denied").
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  try {
    await replaceFile(path, content);
  } catch (error) {
    throw new Error(`Could not write ${path}: ${describeFsError(error)}`, { cause: error });
  }
}
