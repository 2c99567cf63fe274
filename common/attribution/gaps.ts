import type { Layout } from './layout.ts';
import { orphanModifierRule } from './gap-rules-orphans.ts';
import type { Token } from './tokens.ts';
import { type Add } from './gap-grammar.ts';
import {
  articleRule,
  compassRule,
  cutConjunctRule,
  doublePrepositionRule,
  doubleSpaceRule,
  participleAfterArticleRule,
  possessiveBeforeVerbRule,
  prepositionRule,
  spacingRule,
  subordinatorRule,
} from './gap-rules-function-words.ts';
import {
  bareRoleRule,
  bareTitleSubjectRule,
  strippedTitleSubjectRule,
  titleBeforeVerbRule,
} from './gap-rules-titles.ts';
import {
  adminNounAfterPlaceRule,
  clauseStartRule,
  creditLineRule,
  openerBeforeCoordinatorRule,
  paragraphEndRule,
  paragraphStartRule,
  pastVerbAfterOpenerRule,
  relativeAfterPersonRule,
  speechVerbRule,
  strandedAfterParticipleRule,
} from './gap-rules-clauses.ts';

/**
 * Finds places where a syndication feed appears to have deleted words (usually hyperlinked
 * names), by the grammar they leave broken behind:
 *
 * - an article or preposition followed by what cannot follow it: "The for Human Rights",
 *   "the border with while", "accused the of violating", "an and political science";
 * - a paragraph of body text that stops without punctuation: "crowded camps in", "at the";
 * - a clause that lost its subject: "and are again facing" at a paragraph start, "But also
 *   needs to", "But for now, is unlikely";
 * - a nationality or title left without its noun: "Turkish said", "Syrian to prevent",
 *   "Turkish and Russian "have ..."", "President said";
 * - a space before a comma, an orphaned "'s", two spaces between words;
 * - a list of names cut before its verb ("Output from , and is"), a wire credit line with its
 *   names cut ("Editing by )"), a past verb straight after "before" or "in" ("in killed 25"),
 *   "in"/"by" stranded after a participle ("missing in.", "led by."), "Lembang in district,".
 *
 * Each gap is reported at the offset where the missing words would go back in. The rules
 * trade recall for precision: ambiguous spots ("of the program", "backed Assad and supports")
 * are left alone.
 */
export function findGaps(layout: Layout, rules?: Map<number, string>): number[] {
  const found = new Set<number>();
  const { tokens, paragraphs, sentences } = layout;
  /** The `add` callback of one rule: the first rule to find an offset is the one recorded. */
  const addAs =
    (rule: string): Add =>
    (offset: number): void => {
      if (found.has(offset)) return;
      found.add(offset);
      rules?.set(offset, `gaps/${rule}`);
    };

  const nextOf = (i: number): Token | undefined => {
    const cur = tokens[i];
    const next = tokens[i + 1];
    if (!cur || !next) return undefined;
    if (next.para === cur.para) return next;
    return paragraphs[next.para]?.continuesPrevious ? next : undefined;
  };

  // Headlines and bylines are telegraphic by design; only body text is checked.
  const skipParagraph = (tok: Token): boolean => paragraphs[tok.para]?.heading !== false;

  const sentenceFirst = new Uint8Array(tokens.length);
  for (const s of sentences) sentenceFirst[s.first] = 1;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || skipParagraph(t)) continue;
    const n = nextOf(i);
    if (t.type === 'word') {
      articleRule(t, n, i, sentenceFirst[i] === 1, tokens, addAs('article'));
      prepositionRule(t, n, i, tokens, addAs('preposition'));
      subordinatorRule(t, n, tokens[i - 1], addAs('subordinator'));
      speechVerbRule(t, n, tokens[i - 1], tokens[i + 2], addAs('speech-verb'));
      compassRule(t, n, tokens[i - 1], tokens[i + 2], addAs('compass'));
      participleAfterArticleRule(t, n, tokens[i + 2], addAs('participle-after-article'));
      bareRoleRule(t, n, tokens[i - 1], tokens[i - 2], tokens[i - 3], addAs('bare-role'));
      possessiveBeforeVerbRule(t, n, addAs('possessive-before-verb'));
      doublePrepositionRule(t, n, tokens[i + 2], addAs('double-preposition'));
      creditLineRule(t, n, tokens[i + 2], addAs('credit-line'));
      pastVerbAfterOpenerRule(t, n, tokens[i + 2], addAs('past-verb-after-opener'));
      openerBeforeCoordinatorRule(t, n, tokens[i + 2], addAs('opener-before-coordinator'));
      relativeAfterPersonRule(t, n, tokens[i - 1], addAs('relative-after-person'));
      strandedAfterParticipleRule(t, n, tokens[i - 1], addAs('stranded-after-participle'));
      adminNounAfterPlaceRule(t, n, tokens[i - 1], tokens[i + 2], addAs('admin-noun-after-place'));
      if (
        (t.lower === 'either' || t.lower === 'both') &&
        n &&
        n.type === 'word' &&
        n.lower === (t.lower === 'either' ? 'or' : 'and')
      )
        addAs('correlative-pair')(n.start);
      strippedTitleSubjectRule(i, tokens, sentenceFirst, addAs('stripped-title-subject'));
      titleBeforeVerbRule(i, tokens, addAs('title-before-verb'));
    } else if (t.type === 'punct') {
      spacingRule(t, tokens[i - 1], tokens[i + 1], layout.text, addAs('spacing'));
      // "the state weather agency,." : the name in apposition after the comma was cut.
      const after = tokens[i + 1];
      if (
        t.text === ',' &&
        after &&
        after.start === t.end &&
        (after.text === '.' || after.text === ',')
      )
        addAs('comma-before-stop')(after.start);
    } else if (t.type === 'quote') {
      // '"...," , a senior official, told AFP': the name between the quotation and its appositive
      // was cut.
      const prev = tokens[i - 1];
      const after = tokens[i + 1];
      if (
        prev?.text === ',' &&
        prev.end === t.start &&
        after?.text === ',' &&
        after.para === t.para
      )
        addAs('name-cut-before-appositive')(after.start);
    }
  }
  for (const s of sentences) {
    const first = tokens[s.first];
    if (!first || skipParagraph(first)) continue;
    clauseStartRule(s.first, s.end, tokens, layout.text, addAs('clause-start'));
    bareTitleSubjectRule(s.first, s.end, tokens, addAs('bare-title-subject'));
  }
  paragraphStartRule(layout, addAs('paragraph-start'));
  orphanModifierRule(tokens, nextOf, skipParagraph, addAs('orphan-modifier'));
  paragraphEndRule(layout, addAs('paragraph-end'));
  // These two look at what the rules above found, so they run last.
  cutConjunctRule(tokens, layout.text, found, addAs('cut-conjunct'));
  doubleSpaceRule(layout, skipParagraph, found, addAs('double-space'));
  return [...found].sort((a, b) => a - b);
}
