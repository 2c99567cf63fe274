/**
 * Attribution for a stored article. An article's canonical text is its body alone: the
 * headline, byline and dateline were lifted into metadata at import. The attribution engine
 * reads a text the way a feed delivers it, and takes an unpunctuated first paragraph for the
 * headline; run on the bare body it would skip the opening paragraph, which in a stripped
 * feed story is often the one missing its subject ("and are again facing an escalation...").
 * So the article is analysed as it was published, headline first, and the results are moved
 * back onto the body's offsets.
 */
import {
  attribute,
  ATTRIBUTION_VERSION,
  type AttributeOptions,
  type ExplainedResult,
} from '../attribution/index.ts';
import type { AttributionResult } from '../model/attribution.ts';

/**
 * Revision of how articles are handed to the engine. Part of the stored analysis version so
 * that a change here, like a change in the engine, recomputes what was stored.
 */
const ARTICLE_ANALYSIS_REVISION = 1;

export const ANALYSIS_VERSION = ATTRIBUTION_VERSION * 100 + ARTICLE_ANALYSIS_REVISION;

/**
 * Attributions and gaps of an article's body, in offsets of `text`; with `explain`, each
 * carries the stage and rule that decided it.
 */
export function analyseArticle(title: string, text: string): AttributionResult;
export function analyseArticle(
  title: string,
  text: string,
  options: { explain: true },
): ExplainedResult;
export function analyseArticle(
  title: string,
  text: string,
  options: AttributeOptions = {},
): AttributionResult {
  const headline = title.replace(/\s+/g, ' ').trim() || 'Untitled';
  const head = `${headline}\n\n`;
  const shift = head.length;
  const result = attribute(head + text, options);
  return {
    attributions: result.attributions
      .filter((a) => a.start >= shift)
      .map((a) => ({ ...a, start: a.start - shift, end: a.end - shift })),
    gaps: result.gaps
      .filter((g) => g.offset >= shift)
      .map((g) => ({ ...g, offset: g.offset - shift })),
  };
}
