import { openCliLibrary } from '../cli-library.ts';
import type { Flags } from '../main.ts';
import { humanDate, json, plural, type Output } from '../output.ts';

/** `gloss list`: every article with its source, date and counts. */
export async function listCommand(flags: Flags, dataDir: string, io: Output): Promise<number> {
  const { library } = await openCliLibrary(dataDir, { readOnly: true });
  const articles = library.list().map((a) => ({
    id: a.id,
    title: a.title,
    source: a.source,
    author: a.author,
    url: a.url,
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
    const by = [a.author, a.source].filter(Boolean).join(', ');
    const from = [by, a.publisher].filter(Boolean).join(' via ') || 'unknown source';
    const counts = `${plural(a.highlights, 'highlight')}, ${plural(a.notes, 'note')}`;
    io.out(
      `${a.id}  ${a.title}\n    ${from} · ${humanDate(a.published)} · ` +
        `${plural(a.words, 'word')} · ${counts}`,
    );
  }
  return 0;
}
