import { messageOf } from '../../../common/errors.ts';
import { parseAnnotations } from '../../../common/annotations/parse.ts';
import { sameDocument } from '../../services/net/same-document.ts';
import { toW3C } from '../../../common/annotations/w3c.ts';
import type { Library } from '../../services/library.ts';
import { writeFileAtomic } from '../../services/export/write-atomic.ts';
import { openCliLibrary } from '../cli-library.ts';
import { readArticleFile } from '../../services/read-article-file.ts';
import { json, plural, type Output } from '../output.ts';

export interface AnnotationFlags {
  article?: string;
  out?: string;
  json: boolean;
}

type Parsed = ReturnType<typeof parseAnnotations>['annotations'];

/**
 * The article the annotations point at: by our own URN, else by the web address they were made
 * on (a Hypothesis `uri`, a W3C target `source`) against a saved page's URL, else by the page
 * title they carry.
 */
function matchArticle(library: Library, annotations: Parsed): string | null {
  const articles = library.list();
  for (const a of annotations) {
    const urn = a.sourceUrl?.match(/^urn:gloss:article:(.+)$/)?.[1];
    if (urn && articles.some((x) => x.id === urn)) return urn;
  }
  for (const a of annotations) {
    const source = a.sourceUrl;
    const found = source && articles.find((x) => x.url && sameDocument(x.url, source));
    if (found) return found.id;
  }
  for (const a of annotations) {
    const title = a.sourceTitle?.trim().toLowerCase();
    const found = title ? articles.find((x) => x.title.trim().toLowerCase() === title) : undefined;
    if (found) return found.id;
  }
  return null;
}

/** `gloss annotations import|export`. */
export async function annotationsCommand(
  args: string[],
  flags: AnnotationFlags,
  dataDir: string,
  io: Output,
): Promise<number> {
  const [verb, target] = args;
  if (verb === 'export') {
    if (!target) {
      io.err('gloss annotations export: name the article ID');
      return 2;
    }
    const { library } = await openCliLibrary(dataDir);
    if (!library.list().some((a) => a.id === target)) {
      io.err(`gloss annotations export: no article with id ${target} in ${dataDir}`);
      return 1;
    }
    const { article, highlights } = await library.open(target);
    const text = `${JSON.stringify(toW3C(article, highlights), null, 2)}\n`;
    if (flags.out) await writeFileAtomic(flags.out, text);
    else io.out(text);
    return 0;
  }
  if (verb !== 'import') {
    io.err(`gloss annotations: say import or export (see gloss annotations --help)`);
    return 2;
  }
  if (!target) {
    io.err('gloss annotations import: name the FILE.json to import');
    return 2;
  }
  const raw = await readArticleFile(target);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    io.err(`gloss: ${target}: not valid JSON (${messageOf(error)})`);
    return 1;
  }
  let parsed;
  try {
    parsed = parseAnnotations(data);
  } catch (error) {
    io.err(`gloss: ${target}: ${messageOf(error)}`);
    return 1;
  }
  const { library } = await openCliLibrary(dataDir);
  const articleId = flags.article ?? matchArticle(library, parsed.annotations);
  if (!articleId) {
    io.err(
      `gloss: ${target}: cannot tell which article these annotations belong to; name it with --article ID`,
    );
    return 1;
  }
  if (!library.list().some((a) => a.id === articleId)) {
    io.err(`gloss: no article with id ${articleId} in ${dataDir}`);
    return 1;
  }
  const result = await library.importAnnotations(articleId, parsed.annotations);
  const errors = parsed.errors;
  if (flags.json) io.out(json({ imported: result.imported, orphans: result.orphans, errors }));
  else {
    io.out(
      `Imported ${plural(result.imported, 'annotation')} into ${articleId}` +
        (result.skipped ? ` (${result.skipped} already there)` : ''),
    );
    for (const o of result.orphans) io.out(`  could not be placed: “${o.exact.slice(0, 80)}”`);
    for (const e of errors) io.err(`gloss: ${target}: ${e}`);
  }
  return 0;
}
