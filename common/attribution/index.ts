/**
 * Attribution: who said what in a news article, and where a feed stripped words from it.
 *
 * `attribute(text)` reads an article's plain text and returns its direct quotations and
 * reported speech with their sources, plus the gaps where words appear to be missing. It is
 * pure and runs in time linear in the length of the text.
 *
 * The work is an ordered pipeline of stages, each reading what the earlier ones decided:
 *
 * 1. `layout`   paragraphs, tokens, quotation marks and sentences (layout.ts);
 * 2. `gaps`     places where a feed cut words, by the grammar they leave broken (gaps.ts runs
 *               the rules of gap-rules-function-words.ts, gap-rules-titles.ts,
 *               gap-rules-clauses.ts and gap-rules-orphans.ts, in that order);
 * 3. `mentions` the people, organisations and groups the text names, in reading order, with
 *               their roles, so that surnames, descriptions ("the minister") and pronouns
 *               can be resolved later (speakers.ts, speaker-registry.ts);
 * 4. `reported` reported speech, sentence by sentence, by the frames of the cue-verb table
 *               in cues.ts ("X said (that) ...", "..., X said", "according to X", participles,
 *               relative clauses) (reported-speech.ts);
 * 5. `direct`   quotations, each by the first of its sieves that applies, most precise first:
 *               a cue after the quotation, a cue before it, the reported clause around it, a
 *               colon after a subject, the speaker of the next sentence, the turn it continues
 *               (direct-speech.ts);
 * 6. `split`    a quotation that runs over several paragraphs becomes one statement per
 *               paragraph, as the labelling conventions have it (this file).
 *
 * Every statement and gap records the stage and rule that decided it (`by`), returned when
 * `explain` is asked for. A role the feed cut words from carries the gap mark "‸" where they
 * were (gap-marks.ts), so the tooltip, the Sources panel and the export all show the damage.
 */
import type { Attribution, AttributionResult, Gap } from '../model/attribution.ts';
import { attributeQuotation } from './direct-speech.ts';
import { markRole } from './gap-marks.ts';
import { findGaps } from './gaps.ts';
import { buildLayout, type Layout } from './layout.ts';
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
export const ATTRIBUTION_VERSION = 10;

export interface AttributeOptions {
  /** Add to each attribution and gap the stage and rule that decided it (`by`). */
  readonly explain?: boolean;
}

/** An attribution with the stage and rule that decided it ("direct/cue-then-speaker"). */
export interface ExplainedAttribution extends Attribution {
  by: string;
}

/** A gap with the rule that found it ("gaps/article"). */
export interface ExplainedGap extends Gap {
  by: string;
}

export interface ExplainedResult extends AttributionResult {
  attributions: ExplainedAttribution[];
  gaps: ExplainedGap[];
}

/**
 * Finds the statements in `text` and their sources, and the gaps where words were stripped.
 * Offsets are UTF-16 offsets into `text`; each attribution's `quote` equals
 * `text.slice(start, end)`. Attributions are sorted by start, gaps by offset.
 */
export function attribute(text: string, options: { explain: true }): ExplainedResult;
export function attribute(text: string, options?: AttributeOptions): AttributionResult;
export function attribute(text: string, options: AttributeOptions = {}): AttributionResult {
  const layout = buildLayout(text);
  const gapRules = new Map<number, string>();
  const gaps = findGaps(layout, gapRules);
  const ctx: SpeakerContext = {
    layout,
    registry: new SpeakerRegistry(),
    gaps,
    partialQuoteFrames: new Map(),
  };
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
      if (st) statements.push(...splitOverParagraphs(layout, qi, st));
    }
    if (statements.length === before) {
      noteStrippedTitles(ctx, sentence);
      noteSentenceSubject(ctx, sentence);
    }
  });

  const attributions = statements
    .map((st) => {
      // Fields written out rather than spread: V8 makes spread objects far slower to build,
      // and a text can hold tens of thousands of statements.
      const { name, role, kind } = st.source;
      const a: Attribution = {
        start: st.start,
        end: st.end,
        quote: text.slice(st.start, st.end),
        kind: st.kind,
        cue: st.cue,
        // A role the feed cut words from shows where they were ("an ‸ and political science").
        source: {
          name,
          role: role === null ? null : markRole(text, role, st.extentEnd, gaps),
          kind,
        },
        nearGap: hasGapWithin(
          gaps,
          Math.min(st.start, st.extentStart) - 1,
          Math.max(st.end, st.extentEnd) + 1,
        ),
      };
      return options.explain ? Object.assign(a, { by: st.by }) : a;
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);

  return {
    attributions,
    gaps: gaps.map((offset) =>
      options.explain ? { offset, by: gapRules.get(offset) ?? 'gaps/unknown' } : { offset },
    ),
  };
}

/**
 * A quotation that runs over several paragraphs (each reopened with a mark, the closing mark
 * only at the very end) is one statement per paragraph: the first part runs to the end of its
 * paragraph, each later part from its reopening mark. All parts share the speaker.
 */
function splitOverParagraphs(layout: Layout, qi: number, st: Statement): Statement[] {
  const q = layout.quotations[qi];
  if (!q || q.reopenTokens.length === 0 || st.kind !== 'direct') return [st];
  const { tokens, paragraphs, text } = layout;
  const parts: Statement[] = [];
  const trimmed = (start: number, end: number): [number, number] => {
    let a = start;
    let b = end;
    while (a < b && /\s/.test(text[a] ?? '')) a++;
    while (b > a && /\s/.test(text[b - 1] ?? '')) b--;
    return [a, b];
  };
  const push = (start: number, end: number, para: number, first: boolean): void => {
    const [a, b] = trimmed(start, end);
    if (b <= a) return;
    parts.push({
      ...st,
      start: a,
      end: b,
      paragraph: para,
      by: first ? st.by : 'split/quotation-continues-over-paragraphs',
    });
  };
  let para = tokens[q.openToken]?.para ?? st.paragraph;
  let from = q.start;
  let first = true;
  for (const r of q.reopenTokens) {
    const mark = tokens[r];
    if (!mark) continue;
    push(from, Math.min(paragraphs[para]?.end ?? q.end, q.end), para, first);
    first = false;
    from = mark.end;
    para = mark.para;
  }
  push(from, q.end, para, first);
  return parts.length > 0 ? parts : [st];
}
