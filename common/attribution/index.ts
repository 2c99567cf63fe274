/**
 * Attribution: who said what in a news article, and where a feed stripped words from it.
 *
 * `attribute(text)` reads an article's plain text and returns its direct quotations and
 * reported speech with their sources, plus the gaps where words appear to be missing. It is
 * pure and runs in time linear in the length of the text.
 */
import type { Attribution, AttributionResult } from '../model/attribution.ts';
import { attributeQuotation } from './direct-speech.ts';
import { findGaps } from './gaps.ts';
import { buildLayout } from './layout.ts';
import { reportedStatements } from './reported-speech.ts';
import { SpeakerRegistry } from './speaker-registry.ts';
import {
  hasGapWithin,
  noteSentenceSubject,
  noteStrippedTitles,
  registerNamedPeople,
  type SpeakerContext,
} from './speakers.ts';
import type { Statement } from './statement.ts';

/** Bump whenever a change to the algorithm changes its output, so stored results are recomputed. */
export const ATTRIBUTION_VERSION = 8;

/**
 * Finds the statements in `text` and their sources, and the gaps where words were stripped.
 * Offsets are UTF-16 offsets into `text`; each attribution's `quote` equals
 * `text.slice(start, end)`. Attributions are sorted by start, gaps by offset.
 */
export function attribute(text: string): AttributionResult {
  const layout = buildLayout(text);
  const gaps = findGaps(layout);
  const ctx: SpeakerContext = { layout, registry: new SpeakerRegistry(), gaps };
  const statements: Statement[] = [];

  // Quotations are read with the sentence that opens them, in reading order, so that
  // pronouns and surnames resolve against what came before.
  const quotesBySentence = new Map<number, number[]>();
  layout.quotations.forEach((q, qi) => {
    const s = layout.sentenceOf[q.openToken] ?? -1;
    const list = quotesBySentence.get(s);
    if (list) list.push(qi);
    else quotesBySentence.set(s, [qi]);
  });

  layout.sentences.forEach((sentence, si) => {
    registerNamedPeople(ctx, sentence);
    // Headlines repeat the story in telegraphic form; statements are read from the body.
    if (layout.paragraphs[layout.tokens[sentence.first]?.para ?? -1]?.heading) return;
    const before = statements.length;
    // Reported speech first: its verbs usually come before the quotations they frame, and
    // pronouns must resolve in reading order ("She said ... and that he had called it "...").
    statements.push(...reportedStatements(ctx, si));
    for (const qi of quotesBySentence.get(si) ?? []) {
      const st = attributeQuotation(ctx, qi, statements);
      if (st) statements.push(st);
    }
    if (statements.length === before) {
      noteStrippedTitles(ctx, sentence);
      noteSentenceSubject(ctx, sentence);
    }
  });

  const attributions: Attribution[] = statements
    .map((st) => ({
      start: st.start,
      end: st.end,
      quote: text.slice(st.start, st.end),
      kind: st.kind,
      cue: st.cue,
      source: { ...st.source },
      nearGap: hasGapWithin(
        gaps,
        Math.min(st.start, st.extentStart) - 1,
        Math.max(st.end, st.extentEnd) + 1,
      ),
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);

  return { attributions, gaps: gaps.map((offset) => ({ offset })) };
}
