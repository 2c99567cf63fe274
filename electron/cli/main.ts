import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ImportOutcome } from '../services/library.ts';
import { openCliLibrary, reportRepairs } from './cli-library.ts';
import { resolveDataDir } from '../services/data-dir.ts';
import { UnreadableFileError } from '../services/read-article-file.ts';
import { IngestError } from '../../common/ingest/index.ts';
import { annotationsCommand } from './commands/annotations.ts';
import { attributeCommand } from './commands/attribute.ts';
import { exportCommand } from './commands/export.ts';
import { searchCommand } from './commands/search.ts';
import { humanDate, json, processOutput, type Output } from './output.ts';

const USAGE = `gloss — read, annotate and export articles offline

Usage:
  gloss import FILE... [--json]    import saved web pages (.html), .txt or .md articles
  gloss list [--json]              list the library
  gloss search QUERY [--json]      search every article's text and every note
  gloss show ID [--json]           show one article and its highlights
  gloss attribute FILE|ID [--json] who said what, and where words are missing
  gloss export ID [--out FILE] [--template FILE] [--color-tags]
  gloss export --all --out DIR     one Markdown file per article
  gloss annotations import FILE.json [--article ID] [--json]
  gloss annotations export ID [--out FILE]

Options:
  --data DIR    the library folder (default: $GLOSS_DATA, else the app's own)
  --json        print JSON for scripts
  --help        show help for a command
`;

const COMMAND_HELP: Record<string, string> = {
  import: `Usage: gloss import FILE... [--json] [--data DIR]

Imports each FILE (a saved web page .html or .htm, .txt in the news-feed or plain format,
.md) into the library. From a web page only the article is kept, as text; images saved with
the page (in its _files folder) are copied into the library, remote ones are never fetched. A
file whose content is already there is reported as a duplicate and not added again. Exits 1 if
any file could not be imported; the library is left as it was for that file.
`,
  search: `Usage: gloss search QUERY [--json] [--data DIR]

Searches the text of every article in the library and every note, matching words as you
would type them (the start of a word is enough; small typos are forgiven). Prints one line per
hit with a passage around it, or with --json {"results":[{"id","title","snippet","kind"}]},
where kind is "text" or "note".
`,
  list: `Usage: gloss list [--json] [--data DIR]

Lists the articles in the library with their source, date and counts.
`,
  show: `Usage: gloss show ID [--json] [--data DIR]

Shows one article's metadata and text, with its highlights.
`,
  attribute: `Usage: gloss attribute FILE|ID [--json] [--data DIR]

Lists every quotation and reported statement with its source, and the places where a feed
appears to have stripped words. For a FILE, offsets are UTF-16 offsets into the file's text as
read (UTF-8, a byte order mark removed); for an article ID, into the article's text.
`,
  export: `Usage: gloss export ID [--out FILE] [--template FILE] [--color-tags] [--data DIR]
       gloss export --all --out DIR [--template FILE] [--color-tags] [--data DIR]

Writes an article's highlights and notes as Markdown (to stdout without --out), or one file
per article into DIR. --template FILE renders with your own template (see TEMPLATES.md);
--color-tags adds each highlight's colour as a tag. Files are written whole or not at all.
`,
  annotations: `Usage: gloss annotations import FILE.json [--article ID] [--json] [--data DIR]
       gloss annotations export ID [--out FILE] [--data DIR]

import reads W3C Web Annotation JSON (one annotation, an array, an AnnotationCollection or
AnnotationPage) or Hypothesis API JSON and anchors each into the article named by --article
(or found by the annotations' source URL or title). Passages that cannot be placed are kept
as orphans. export writes the article's highlights as a W3C AnnotationCollection.
`,
};

const OPTIONS = {
  data: { type: 'string' },
  out: { type: 'string' },
  template: { type: 'string' },
  article: { type: 'string' },
  all: { type: 'boolean', default: false },
  'color-tags': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

type Flags = {
  data?: string;
  out?: string;
  template?: string;
  article?: string;
  all: boolean;
  'color-tags': boolean;
  json: boolean;
  help: boolean;
};

/** Runs the command line and returns the exit code. */
export async function main(argv: string[], io: Output = processOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`gloss: ${(error as Error).message}`);
    return 2;
  }
  const flags = parsed.values as Flags;
  const [command, ...rest] = parsed.positionals;
  if (!command) {
    (flags.help ? io.out : io.err)(USAGE);
    return flags.help ? 0 : 2;
  }
  if (flags.help) {
    const help = COMMAND_HELP[command];
    if (!help) {
      io.err(`gloss: unknown command '${command}'\n\n${USAGE}`);
      return 2;
    }
    io.out(help);
    return 0;
  }
  const dataDir = resolveDataDir(flags.data);
  try {
    return await runCommand(command, rest, flags, dataDir, io);
  } catch (error) {
    if (error instanceof UnreadableFileError) io.err(`gloss: ${error.file}: ${error.reason}`);
    else io.err(`gloss: ${(error as Error).message}`);
    return 1;
  } finally {
    reportRepairs(io);
  }
}

async function runCommand(
  command: string,
  rest: string[],
  flags: Flags,
  dataDir: string,
  io: Output,
): Promise<number> {
  switch (command) {
    case 'import':
      return await importCommand(rest, flags, dataDir, io);
    case 'list':
      return await listCommand(flags, dataDir, io);
    case 'show':
      return await showCommand(rest, flags, dataDir, io);
    case 'search':
      return await searchCommand(rest, { json: flags.json }, dataDir, io);
    case 'attribute':
      return await attributeCommand(rest, flags.json, dataDir, io);
    case 'export':
      return await exportCommand(
        rest,
        {
          out: flags.out,
          template: flags.template,
          all: flags.all,
          colorTags: flags['color-tags'],
        },
        dataDir,
        io,
      );
    case 'annotations':
      return await annotationsCommand(
        rest,
        { article: flags.article, out: flags.out, json: flags.json },
        dataDir,
        io,
      );
    default:
      io.err(`gloss: unknown command '${command}'\n\n${USAGE}`);
      return 2;
  }
}

async function importCommand(
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
      const outcome = await library.importFile(file);
      imported.push({ ...outcome, file });
    } catch (error) {
      if (error instanceof UnreadableFileError) errors.push({ file, error: error.reason });
      else if (error instanceof IngestError) errors.push({ file, error: error.message });
      else throw error;
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
          `    ${u.kept} highlight${u.kept === 1 ? '' : 's'} kept, ${u.moved} moved, ${u.orphaned} could not be placed`,
        );
      }
    }
  }
  // Failures are named on stderr in both modes: scripts read the JSON, people the lines.
  for (const item of errors) io.err(`gloss: ${item.file}: ${item.error}`);
  return errors.length ? 1 : 0;
}

async function listCommand(flags: Flags, dataDir: string, io: Output): Promise<number> {
  const { library } = await openCliLibrary(dataDir);
  const articles = library.list().map((a) => ({
    id: a.id,
    title: a.title,
    source: a.source,
    dateline: a.dateline,
    publisher: a.publisher,
    published: a.published,
    words: a.words,
    highlights: a.highlights,
    notes: a.notes,
  }));
  if (flags.json) {
    io.out(json({ articles }));
    return 0;
  }
  if (articles.length === 0) {
    io.out('The library is empty. Import an article with: gloss import FILE');
    return 0;
  }
  for (const a of articles) {
    const from = [a.source, a.publisher].filter(Boolean).join(' via ') || 'unknown source';
    io.out(
      `${a.id}  ${a.title}\n    ${from} · ${humanDate(a.published)} · ${a.words} words · ${a.highlights} highlights, ${a.notes} notes`,
    );
  }
  return 0;
}

async function showCommand(
  args: string[],
  flags: Flags,
  dataDir: string,
  io: Output,
): Promise<number> {
  const [id] = args;
  if (!id) {
    io.err('gloss show: name the article ID (see gloss list)');
    return 2;
  }
  const { library } = await openCliLibrary(dataDir);
  const found = library.list().find((a) => a.id === id);
  if (!found) {
    io.err(`gloss show: no article with id ${id} in ${dataDir}`);
    return 1;
  }
  const { article, highlights } = await library.open(id);
  if (flags.json) {
    io.out(
      json({
        article: {
          id: article.id,
          title: article.title,
          source: article.source,
          dateline: article.dateline,
          publisher: article.publisher,
          published: article.published,
          syndicated: article.syndicated,
          words: article.words,
          text: article.text,
          blocks: article.blocks.map((b) => ({ start: b.start, end: b.end, kind: b.kind })),
        },
        highlights: highlights.map((h) => ({
          id: h.id,
          start: h.position.start,
          end: h.position.end,
          exact: h.quote.exact,
          color: h.color,
          note: h.note,
          tags: h.tags,
          orphan: h.orphan,
        })),
      }),
    );
    return 0;
  }
  const provenance = [
    article.source,
    article.dateline,
    article.publisher && `via ${article.publisher}`,
    humanDate(article.published),
  ]
    .filter(Boolean)
    .join(' · ');
  io.out(`${article.title}\n${provenance}\n`);
  io.out(article.text);
  if (highlights.length) {
    io.out(`\nHighlights (${highlights.length}):`);
    for (const h of highlights)
      io.out(
        `  [${h.color}] “${h.quote.exact}”${h.note ? `\n      ${h.note.replace(/\n/g, '\n      ')}` : ''}`,
      );
  }
  return 0;
}
