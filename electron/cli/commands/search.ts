import { openCliLibrary } from '../cli-library.ts';
import { json, type Output } from '../output.ts';

/** Options of `gloss search`. */
export interface SearchFlags {
  json: boolean;
}

/**
 * `gloss search QUERY [--json]`: full-text search over every article and note. The words of
 * the query may be given as one argument or several. JSON output is exactly
 * `{"results":[{"id","title","snippet","kind"}]}`; the readable form marks hits with [brackets].
 */
export async function searchCommand(
  words: string[],
  flags: SearchFlags,
  dataDir: string,
  io: Output,
): Promise<number> {
  const query = words.join(' ').trim();
  if (!query) {
    io.err('gloss search: give the words to search for');
    return 2;
  }
  const { library } = await openCliLibrary(dataDir, { readOnly: true });
  // One search and done: wait for the index (loaded, or built) rather than scan the library.
  await library.search.settled();
  const results = await library.find(query);
  // Leave the index on disk for the next search (and the app) to start from.
  await library.search.flush();
  if (flags.json) {
    io.out(
      json({
        results: results.map(({ id, title, snippet, kind }) => ({ id, title, snippet, kind })),
      }),
    );
    return 0;
  }
  if (results.length === 0) {
    io.out(`No matches for “${query}”.`);
    return 0;
  }
  for (const r of results) {
    let shown = '';
    let at = 0;
    for (const [start, end] of r.marks) {
      shown += `${r.snippet.slice(at, start)}[${r.snippet.slice(start, end)}]`;
      at = end;
    }
    shown += r.snippet.slice(at);
    io.out(`${r.id}  ${r.title}${r.kind === 'note' ? '  (note)' : ''}\n    ${shown}`);
  }
  return 0;
}
