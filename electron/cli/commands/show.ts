import { openCliLibrary } from '../cli-library.ts';
import type { Flags } from '../main.ts';
import { humanDate, json, type Output } from '../output.ts';
import { noteConflictsOf } from './sync.ts';

/** `gloss show ID`: one article's metadata and text, with its highlights. */
export async function showCommand(
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
  const { library } = await openCliLibrary(dataDir, { readOnly: true });
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
          author: article.author,
          url: article.url,
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
          conflicts: noteConflictsOf(h),
        })),
      }),
    );
    return 0;
  }
  const provenance = [
    article.author,
    article.source,
    article.dateline,
    article.publisher && `via ${article.publisher}`,
    humanDate(article.published),
    article.url,
  ]
    .filter(Boolean)
    .join(' · ');
  io.out(`${article.title}\n${provenance}\n`);
  io.out(article.text);
  if (highlights.length) {
    io.out(`\nHighlights (${highlights.length}):`);
    for (const h of highlights) {
      const note = h.note ? `\n      ${h.note.replace(/\n/g, '\n      ')}` : '';
      io.out(`  [${h.color}] “${h.quote.exact}”${note}`);
      for (const c of noteConflictsOf(h))
        io.out(`      also written on ${c.device}: ${c.note.replace(/\n/g, '\n      ')}`);
    }
  }
  return 0;
}
