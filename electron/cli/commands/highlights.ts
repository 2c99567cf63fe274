import { toErrorInfo } from '../../../common/errors.ts';
import type { Highlight } from '../../../common/model/highlight.ts';
import { NotFoundError, type Library } from '../../services/library.ts';
import { openCliLibrary } from '../cli-library.ts';
import { json, type Output } from '../output.ts';

export interface HighlightFlags {
  article?: string;
  text?: string;
  json: boolean;
}

/** The highlight's id and what a script needs to check the change. */
function described(h: Highlight) {
  return { id: h.id, articleId: h.articleId, exact: h.quote.exact, note: h.note, tags: h.tags };
}

/** A thrown "not there" from the services, whichever way the services say it. */
function isNotFound(error: unknown): boolean {
  return error instanceof NotFoundError || toErrorInfo(error).code === 'not-found';
}

/** `gloss highlights delete|note HID --article ID`. */
export async function highlightsCommand(
  args: string[],
  flags: HighlightFlags,
  dataDir: string,
  io: Output,
): Promise<number> {
  const [verb, id, ...extra] = args;
  if (verb !== 'delete' && verb !== 'note') {
    io.err(`gloss highlights: say delete or note (see gloss highlights --help)`);
    return 2;
  }
  const usage = `gloss highlights ${verb}`;
  if (!id || extra.length) {
    io.err(`${usage}: name one highlight id (see gloss show ID --json)`);
    return 2;
  }
  if (!flags.article) {
    io.err(`${usage}: name the highlight's article with --article ID`);
    return 2;
  }
  if (verb === 'note' && flags.text === undefined) {
    io.err(`${usage}: give the new note with --text TEXT ("" clears it)`);
    return 2;
  }
  const articleId = flags.article;
  const { library } = await openCliLibrary(dataDir);
  if (!library.list().some((a) => a.id === articleId)) {
    io.err(`${usage}: no article with id ${articleId} in ${dataDir}`);
    return 1;
  }
  let changed: Highlight;
  try {
    changed = await change(library, verb, { articleId, id, note: flags.text ?? '' });
  } catch (error) {
    if (!isNotFound(error)) throw error;
    io.err(`${usage}: no highlight ${id} in article ${articleId}`);
    return 1;
  }
  if (flags.json) io.out(json({ [verb === 'delete' ? 'deleted' : 'updated']: described(changed) }));
  else
    io.out(
      `${verb === 'delete' ? 'deleted' : 'noted'}  ${id}  “${changed.quote.exact.slice(0, 60)}”`,
    );
  return 0;
}

function change(
  library: Library,
  verb: 'delete' | 'note',
  target: { articleId: string; id: string; note: string },
): Promise<Highlight> {
  if (verb === 'delete')
    return library.deleteHighlight({ articleId: target.articleId, id: target.id });
  return library.updateHighlight(target);
}
