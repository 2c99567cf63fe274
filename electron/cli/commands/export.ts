import { mkdir, readFile } from 'node:fs/promises';
import { messageOf } from '../../../common/errors.ts';
import { TemplateError } from '../../../common/export/template.ts';
import { writeFileAtomic } from '../../services/export/write-atomic.ts';
import { openCliLibrary } from '../cli-library.ts';
import { UnreadableFileError } from '../../services/read-article-file.ts';
import { plural, type Output } from '../output.ts';

export interface ExportFlags {
  out?: string;
  template?: string;
  all: boolean;
  colorTags: boolean;
}

async function readTemplate(file: string | undefined): Promise<string | undefined> {
  if (!file) return undefined;
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(
      file,
      code === 'ENOENT'
        ? 'no such template file'
        : code === 'EISDIR'
          ? 'is a folder, not a template file'
          : messageOf(error),
    );
  }
}

/**
 * `gloss export ID [--out FILE] [--template FILE]` and `gloss export --all --out DIR`. Without
 * --out, one article's Markdown goes to stdout. Everything is rendered before anything is
 * written, and each file is written whole or not at all.
 */
export async function exportCommand(
  args: string[],
  flags: ExportFlags,
  dataDir: string,
  io: Output,
): Promise<number> {
  try {
    return await runExport(args, flags, dataDir, io);
  } catch (error) {
    // A template error names the line; the template's file is named here, where it is known.
    if (error instanceof TemplateError && flags.template) {
      io.err(`gloss: ${flags.template}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

async function runExport(
  args: string[],
  flags: ExportFlags,
  dataDir: string,
  io: Output,
): Promise<number> {
  const template = await readTemplate(flags.template);
  const { library } = await openCliLibrary(dataDir, { readOnly: true });
  const options = { colorTags: flags.colorTags, template };
  if (flags.all) {
    if (!flags.out) {
      io.err('gloss export --all: name the folder to write into with --out DIR');
      return 2;
    }
    // A vault folder that does not exist yet is created, as other exporters do. If it cannot
    // be, the export's own folder check names the reason.
    await mkdir(flags.out, { recursive: true }).catch(() => undefined);
    const { files } = await library.exportAll(flags.out, options);
    io.out(`Exported ${plural(files.length, 'article')} to ${flags.out}`);
    return 0;
  }
  const [id] = args;
  if (!id) {
    io.err('gloss export: name the article ID (see gloss list), or use --all --out DIR');
    return 2;
  }
  if (!library.list().some((a) => a.id === id)) {
    io.err(`gloss export: no article with id ${id} in ${dataDir}`);
    return 1;
  }
  const markdown = await library.exportMarkdown(id, options);
  if (!flags.out) {
    process.stdout.write(markdown);
    return 0;
  }
  await writeFileAtomic(flags.out, markdown);
  io.err(`Exported to ${flags.out}`);
  return 0;
}
