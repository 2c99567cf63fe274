import { existsSync } from 'node:fs';
import { attribute } from '../../../common/attribution/index.ts';
import type { AttributionResult } from '../../../common/model/attribution.ts';
import { openCliLibrary } from '../cli-library.ts';
import { readArticleFile } from '../../services/read-article-file.ts';
import { json, type Output } from '../output.ts';

/**
 * `gloss attribute FILE|ID`: who said what. For a file the offsets point into the file's text
 * exactly as read (UTF-8, a byte order mark removed); for a stored article into its text.
 */
export async function attributeCommand(
  args: string[],
  asJson: boolean,
  dataDir: string,
  io: Output,
): Promise<number> {
  const [target] = args;
  if (!target) {
    io.err('gloss attribute: name a FILE or an article ID');
    return 2;
  }
  let result: AttributionResult;
  if (existsSync(target) || /[\\/.]/.test(target)) {
    const text = await readArticleFile(target);
    result = attribute(text);
  } else {
    const { library } = await openCliLibrary(dataDir);
    if (!library.list().some((a) => a.id === target)) {
      io.err(`gloss attribute: ${target} is neither a file nor an article in ${dataDir}`);
      return 1;
    }
    const { article } = await library.open(target);
    result = { attributions: article.attributions, gaps: article.gaps };
  }
  if (asJson) {
    io.out(
      json({
        attributions: result.attributions.map((a) => ({
          start: a.start,
          end: a.end,
          quote: a.quote,
          kind: a.kind,
          cue: a.cue,
          source: { name: a.source.name, role: a.source.role, kind: a.source.kind },
        })),
        gaps: result.gaps.map((g) => ({ offset: g.offset })),
      }),
    );
    return 0;
  }
  if (result.attributions.length === 0) io.out('No quotations or reported statements found.');
  for (const a of result.attributions) {
    const who = a.source.name
      ? `${a.source.name}${a.source.role ? `, ${a.source.role}` : ''}`
      : 'unknown source (name missing in the text)';
    const quote = a.quote.replace(/\s*\n\s*/g, ' ');
    io.out(
      `${a.kind === 'direct' ? 'quoted     ' : 'paraphrased'}  ${who}${a.cue ? ` (${a.cue})` : ''}: ${a.kind === 'direct' ? `“${quote}”` : quote}`,
    );
  }
  if (result.gaps.length)
    io.out(
      `\n${result.gaps.length} place(s) where words appear to be missing, at offsets ${result.gaps.map((g) => g.offset).join(', ')}`,
    );
  return 0;
}
