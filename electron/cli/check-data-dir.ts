import { stat } from 'node:fs/promises';
import path from 'node:path';
import { GlossError } from '../../common/errors.ts';

/**
 * Refuses a data folder that cannot be one before the store tries to create files in it: the
 * path itself, or the nearest part of it that exists, is a file or a device (`--data
 * /dev/null`). The message names the folder and the reason instead of an errno.
 */
export async function checkDataDir(dataDir: string): Promise<void> {
  for (let at = dataDir; ; at = path.dirname(at)) {
    const info = await stat(at).catch(() => null);
    if (info) {
      if (info.isDirectory()) return;
      const reason =
        at === dataDir
          ? 'it is not a folder'
          : `it cannot be created because ${at} is not a folder`;
      throw new GlossError(
        'invalid-argument',
        `${dataDir}: cannot hold the library: ${reason} (see --data)`,
      );
    }
    if (path.dirname(at) === at) return;
  }
}
