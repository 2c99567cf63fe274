// Only what every run needs is imported here; each command is loaded when it is named, so that
// `gloss --help` or `gloss list` never loads the HTML importer (jsdom) or the search index.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { messageOf } from '../../common/errors.ts';
import { resolveDataDir } from '../services/data-dir.ts';
import { UnreadableFileError } from '../services/read-article-file.ts';
import { reportRepairs } from './cli-library.ts';
import { processOutput, type Output } from './output.ts';

const USAGE = `gloss — read, annotate and export articles offline

Usage:
  gloss import FILE|URL... [--json]  import saved pages (.html), .txt, .md, .epub, or a link
  gloss feeds add URL | list | refresh | import FILE.opml | export [--json]
  gloss list [--json]              list the library
  gloss search QUERY [--json]      search every article's text and every note
  gloss show ID [--json]           show one article and its highlights
  gloss attribute FILE|ID [--json] [--explain]
                                   who said what, and where words are missing
  gloss export ID [--out FILE] [--template FILE] [--color-tags]
  gloss export --all --out DIR     one Markdown file per article
  gloss annotations import FILE.json [--article ID] [--json]
  gloss annotations export ID [--out FILE]
  gloss highlights delete HID --article ID
  gloss highlights note HID --article ID --text TEXT
  gloss sync status [--json]        this device and every device whose changes are here

Options:
  --data DIR    the library folder (default: $GLOSS_DATA, else the app's own)
  --json        print JSON for scripts
  --help        show help for a command
`;

const COMMAND_HELP: Record<string, string> = {
  import: `Usage: gloss import FILE|URL... [--json] [--data DIR]

Imports each FILE (a saved web page .html or .htm, .txt in the news-feed or plain format,
.md with optional YAML front matter, an .epub book) into the library. From a web page only
the article is kept, as text; images saved with the page (in its _files folder) are copied
into the library, remote ones are never fetched. An http or https URL is fetched once (with
its pictures) and read offline from then on; the same address again updates the article. A
file whose content is already there is reported as a duplicate and not added again. Exits 1 if
any file could not be imported; the library is left as it was for that file.
`,
  feeds: `Usage: gloss feeds add URL [--json] [--data DIR]
       gloss feeds list [--json] [--data DIR]
       gloss feeds refresh [--json] [--data DIR]
       gloss feeds import FILE.opml [--data DIR]
       gloss feeds export [--out FILE.opml] [--data DIR]

Subscribes to RSS and Atom news feeds. refresh fetches every feed once and saves each new item
as an article (the full text is fetched from the item's link when the feed carries only a
summary); items already saved are not saved again. With --json, refresh prints
{"feeds":[{"url","title","new","errors"}]}. import and export read and write OPML.
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
  attribute: `Usage: gloss attribute FILE|ID [--json] [--explain] [--data DIR]

Lists every quotation and reported statement with its source, and the places where a feed
appears to have stripped words. For a FILE, offsets are UTF-16 offsets into the file's text as
read (UTF-8, a byte order mark removed); for an article ID, into the article's text.
--explain adds to each statement and gap the stage and rule that decided it ("by").
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
  highlights: `Usage: gloss highlights delete HID --article ID [--json] [--data DIR]
       gloss highlights note HID --article ID --text TEXT [--json] [--data DIR]

delete removes one highlight (and its note) from the article; note replaces its note with
TEXT (Markdown; "" clears it; #words become tags). HID is the id that gloss show ID --json
prints. Exits 1, naming the highlight, when the article has no such highlight.
`,
  sync: `Usage: gloss sync status [--json] [--data DIR]

Which device this is and, for every device whose changes are in the data folder, how many
changes it has made and when its last one was; and how many highlights have a note edited on
two devices before they synced (open them in the reader to choose). With --json:
{"device","devices":[{"device","lastChange","changes"}],"conflicts":N}. This device's name is
kept outside the data folder; GLOSS_DEVICE=NAME overrides it.
`,
};

const OPTIONS = {
  data: { type: 'string' },
  out: { type: 'string' },
  template: { type: 'string' },
  article: { type: 'string' },
  text: { type: 'string' },
  all: { type: 'boolean', default: false },
  'color-tags': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  explain: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

export type Flags = {
  data?: string;
  out?: string;
  template?: string;
  article?: string;
  text?: string;
  all: boolean;
  'color-tags': boolean;
  json: boolean;
  explain: boolean;
  help: boolean;
};

/** Runs the command line and returns the exit code. */
export async function main(argv: string[], io: Output = processOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`gloss: ${messageOf(error)}`);
    return 2;
  }
  const flags: Flags = parsed.values;
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
    else io.err(`gloss: ${messageOf(error)}`);
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
      return (await import('./commands/import.ts')).importCommand(rest, flags, dataDir, io);
    case 'list':
      return (await import('./commands/list.ts')).listCommand(flags, dataDir, io);
    case 'show':
      return (await import('./commands/show.ts')).showCommand(rest, flags, dataDir, io);
    case 'search': {
      const { searchCommand } = await import('./commands/search.ts');
      return searchCommand(rest, { json: flags.json }, dataDir, io);
    }
    case 'attribute': {
      const { attributeCommand } = await import('./commands/attribute.ts');
      return attributeCommand(rest, flags.json, dataDir, io, flags.explain);
    }
    case 'export': {
      const { exportCommand } = await import('./commands/export.ts');
      const { out, template, all } = flags;
      return exportCommand(
        rest,
        { out, template, all, colorTags: flags['color-tags'] },
        dataDir,
        io,
      );
    }
    case 'feeds': {
      const { feedsCommand } = await import('./commands/feeds.ts');
      return feedsCommand(rest, { json: flags.json, out: flags.out }, dataDir, io);
    }
    case 'annotations': {
      const { annotationsCommand } = await import('./commands/annotations.ts');
      const { article, out } = flags;
      return annotationsCommand(rest, { article, out, json: flags.json }, dataDir, io);
    }
    case 'highlights': {
      const { highlightsCommand } = await import('./commands/highlights.ts');
      const { article, text, json } = flags;
      return highlightsCommand(rest, { article, text, json }, dataDir, io);
    }
    case 'sync': {
      const { syncCommand } = await import('./commands/sync.ts');
      return syncCommand(rest, { json: flags.json }, dataDir, io);
    }
    default:
      io.err(`gloss: unknown command '${command}'\n\n${USAGE}`);
      return 2;
  }
}
