import { messageOf } from '../../../common/errors.ts';
import type { ImportOutcome } from '../../services/library.ts';
import { UnreadableFileError } from '../../services/read-article-file.ts';
import { openCliLibrary } from '../cli-library.ts';
import type { Flags } from '../main.ts';
import { json, plural, type Output } from '../output.ts';
import { refuseUnreadableKind } from '../refuse-kind.ts';

/** Whether an argument names a web address ("https://…", or any "scheme://…" to refuse). */
function isWebAddress(arg: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(arg);
}

/** `gloss import FILE...`: each file on its own; one file's failure leaves the others imported. */
export async function importCommand(
  files: string[],
  flags: Flags,
  dataDir: string,
  io: Output,
): Promise<number> {
  if (files.length === 0) {
    io.err('gloss import: name at least one FILE to import');
    return 2;
  }
  const { library } = await openCliLibrary(dataDir);
  const imported: ImportOutcome[] = [];
  const errors: Array<{ file: string; error: string }> = [];
  for (const file of files) {
    try {
      if (isWebAddress(file)) {
        imported.push({ ...(await library.importUrl(file)), file });
        continue;
      }
      refuseUnreadableKind(file);
      const outcome = await library.importFile(file);
      imported.push({ ...outcome, file });
    } catch (error) {
      // Whatever one file throws, it fails alone: the rest of the batch is still imported.
      errors.push({
        file,
        error: error instanceof UnreadableFileError ? error.reason : messageOf(error),
      });
    }
  }
  if (flags.json)
    io.out(
      json({
        imported: imported.map(({ id, title, file, duplicate }) => ({
          id,
          title,
          file,
          duplicate,
        })),
        errors,
      }),
    );
  else {
    for (const item of imported) {
      const verb = item.duplicate ? 'already in library' : item.updated ? 'updated' : 'imported';
      io.out(`${verb}  ${item.id}  ${item.title}`);
      if (item.updated) {
        const u = item.updated;
        io.out(
          `    ${plural(u.kept, 'highlight')} kept, ${u.moved} moved, ` +
            `${u.orphaned} could not be placed`,
        );
      }
    }
  }
  // Failures are named on stderr in both modes: scripts read the JSON, people the lines.
  for (const item of errors) io.err(`gloss: ${item.file}: ${item.error}`);
  return errors.length ? 1 : 0;
}
