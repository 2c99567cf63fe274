import { existsSync } from 'node:fs';
import { analyseArticle } from '../../../common/analysis/article-analysis.ts';
import { attribute } from '../../../common/attribution/index.ts';
import type { Attribution, AttributionResult, Gap } from '../../../common/model/attribution.ts';
import { openCliLibrary } from '../cli-library.ts';
import { readArticleFile } from '../../services/read-article-file.ts';
import { gapContext } from '../gap-context.ts';
import { json, plural, type Output } from '../output.ts';
import { refuseUnreadableKind } from '../refuse-kind.ts';

/** The stage and rule that decided an attribution or gap, when `--explain` asked for it. */
const byOf = (x: Attribution | Gap): string | undefined =>
  'by' in x && typeof x.by === 'string' ? x.by : undefined;

/**
 * `gloss attribute FILE|ID`: who said what. For a file the offsets point into the file's text
 * exactly as read (UTF-8, a byte order mark removed); for a stored article into its text.
 * With `explain`, each attribution and gap also names the stage and rule that decided it.
 */
export async function attributeCommand(
  args: string[],
  asJson: boolean,
  dataDir: string,
  io: Output,
  explain = false,
): Promise<number> {
  const [target] = args;
  if (!target) {
    io.err('gloss attribute: name a FILE or an article ID');
    return 2;
  }
  let result: AttributionResult;
  let text: string;
  if (existsSync(target) || /[\\/.]/.test(target)) {
    refuseUnreadableKind(target);
    text = await readArticleFile(target);
    result = explain ? attribute(text, { explain: true }) : attribute(text);
  } else {
    const { library } = await openCliLibrary(dataDir);
    if (!library.list().some((a) => a.id === target)) {
      io.err(`gloss attribute: ${target} is neither a file nor an article in ${dataDir}`);
      return 1;
    }
    const { article } = await library.open(target);
    // The stored results carry no reasons; explaining runs the engine again on the same text.
    result = explain
      ? analyseArticle(article.title, article.text, { explain: true })
      : { attributions: article.attributions, gaps: article.gaps };
    text = article.text;
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
          ...(explain ? { by: byOf(a) } : {}),
        })),
        gaps: result.gaps.map((g) => ({ offset: g.offset, ...(explain ? { by: byOf(g) } : {}) })),
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
    const why = explain ? `  [${byOf(a) ?? '?'}]` : '';
    io.out(
      `${a.kind === 'direct' ? 'quoted     ' : 'paraphrased'}  ${who}${a.cue ? ` (${a.cue})` : ''}: ${a.kind === 'direct' ? `“${quote}”` : quote}${why}`,
    );
  }
  if (result.gaps.length) {
    const places = plural(result.gaps.length, 'place');
    io.out(`\n${places} where words appear to be missing:`);
    for (const g of result.gaps)
      io.out(
        `  at ${g.offset}: ${gapContext(text, g.offset)}${explain ? `  [${byOf(g) ?? '?'}]` : ''}`,
      );
  }
  return 0;
}
