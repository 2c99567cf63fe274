import { ARTICLES, BE_FORMS, DETERMINERS, MONTHS, PREPOSITIONS, WEEKDAYS } from './lexicon.ts';
import type { Layout } from './layout.ts';
import type { Token } from './tokens.ts';
import {
  type Add,
  CLAUSE_CONJUNCTIONS,
  CLAUSE_OPENERS,
  FINITE,
  NOMINAL_PARTICIPLES,
  PUNCT_AFTER_MISSING_NOUN,
  isPastVerb,
} from './gap-grammar.ts';

/**
 * Gap rules about function words: an article, preposition, subordinator or possessive followed
 * by what cannot follow it ("The for Human Rights", "an and political science"), and spacing
 * left where words were cut.
 */

/**
 * "Output from , and is also rising", "economies in and slowed": where the left conjunct of
 * "and"/"or" is already known to be cut, a verb straight after the conjunction shows the right
 * one was cut too (a list of names before their verb). After a comma left by a cut name
 * (", and"), the item just before "and" is missing as well.
 */
export function cutConjunctRule(
  tokens: readonly Token[],
  text: string,
  found: ReadonlySet<number>,
  add: Add,
): void {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.type !== 'word' || t.upper || (t.lower !== 'and' && t.lower !== 'or')) continue;
    const prev = tokens[i - 1];
    const n = tokens[i + 1];
    if (!prev || !n || n.para !== t.para) continue;
    let leftCut = found.has(t.start);
    // Only a comma with a space before it: "strategy at, and did" is a cut object before a clause
    // break.
    if (
      !leftCut &&
      prev.text === ',' &&
      found.has(prev.start) &&
      prev.para === t.para &&
      /\s/.test(text[prev.start - 1] ?? ' ')
    ) {
      // ", , and" or "from , and": a list whose every name was cut.
      if (FINITE.has(n.lower) || isPastVerb(n)) {
        add(t.start);
        leftCut = true;
      }
    }
    if (leftCut && n.type === 'word' && !n.upper && (FINITE.has(n.lower) || isPastVerb(n)))
      add(n.start);
  }
}

/**
 * "under rules introduced last year by the  rural municipality": two spaces between words in
 * body text are where a name was cut; the feed keeps the spaces either side of it. The gap is
 * reported between the spaces unless a rule above already marked the spot.
 */
export function doubleSpaceRule(
  layout: Layout,
  skip: (t: Token) => boolean,
  found: ReadonlySet<number>,
  add: Add,
): void {
  const { tokens, text } = layout;
  const spots: Array<{ from: number; to: number }> = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    const n = tokens[i + 1];
    if (!t || !n || t.type !== 'word' || n.type !== 'word' || n.para !== t.para || skip(t))
      continue;
    if (n.start - t.end < 2 || !/^ {2,3}$/.test(text.slice(t.end, n.start))) continue;
    spots.push({ from: t.end, to: n.start });
  }
  // Text spaced loosely throughout is formatting, not cuts.
  if (spots.length > 3) return;
  for (const { from, to } of spots) {
    let marked = false;
    for (let o = from; o <= to; o++) if (found.has(o)) marked = true;
    if (!marked) add(from + 1);
  }
}

/** Events and places that are held "in" somewhere: "at a meeting in." lost the place. */
const PLACE_NOUNS = new Set([
  'meeting',
  'conference',
  'summit',
  'talks',
  'rally',
  'ceremony',
  'event',
  'hearing',
  'office',
  'plant',
  'factory',
  'headquarters',
  'camp',
  'camps',
  'hospital',
  'village',
  'town',
  'city',
  'region',
  'province',
  'district',
  'border',
  'capital',
  'station',
  'port',
  'airport',
  'base',
  'embassy',
  'visit',
  'trip',
  'match',
  'tournament',
  'festival',
  'election',
  'forum',
  'session',
  'parliament',
  'stadium',
]);

const TIME_NOUNS = new Set([
  'morning',
  'afternoon',
  'evening',
  'night',
  'day',
  'week',
  'month',
  'year',
  'weekend',
  'today',
  'yesterday',
  'tonight',
]);

/** Auxiliaries that can never follow an article ("the will", "the can", "a must" are nouns). */
const AFTER_ARTICLE_VERBS = new Set([
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'would',
  'should',
  'could',
  'might',
  'does',
  'did',
  'said',
  'says',
  'told',
  'been',
]);

const AFTER_ARTICLE_PREPOSITIONS = new Set([
  'of',
  'for',
  'in',
  'on',
  'at',
  'from',
  'with',
  'by',
  'to',
  'into',
  'about',
  'against',
  'between',
  'among',
  'during',
  'without',
  'within',
  'through',
]);

/**
 * Prepositions that are never left at the end of a clause ("what it stands for" is fine; "what it
 * is of" is not).
 */
const NON_STRANDING = new Set([
  'of',
  'between',
  'among',
  'including',
  'into',
  'amid',
  'despite',
  'via',
  'toward',
  'towards',
  'at',
]);

/** Prepositions whose object may be stripped, checked against what follows them. */
const STRICT_PREPOSITIONS = new Set([
  ...NON_STRANDING,
  'from',
  'with',
  'against',
  'near',
  'at',
  'around',
  'across',
  'through',
  'within',
  'without',
  'beyond',
  'behind',
  'upon',
]);

/**
 * Prepositions that may end a clause as verb particles ("moved in", "came on"); checked only
 * against "and"/"or".
 */
const PARTICLE_PREPOSITIONS = new Set(['in', 'on', 'for', 'to', 'about']);

function isOrphanPossessive(tokens: readonly Token[], i: number): boolean {
  const tok = tokens[i];
  const s = tokens[i + 1];
  return (
    tok !== undefined &&
    tok.type === 'punct' &&
    (tok.text === "'" || tok.text === '\u2019') &&
    s?.lower === 's' &&
    s.start === tok.end
  );
}

export function articleRule(
  t: Token,
  n: Token | undefined,
  i: number,
  sentenceStart: boolean,
  tokens: readonly Token[],
  add: Add,
): void {
  if (!ARTICLES.has(t.lower) || (t.upper && !sentenceStart)) return;
  if (!n) {
    add(t.end);
    return;
  }
  if (n.type === 'punct') {
    if (PUNCT_AFTER_MISSING_NOUN.has(n.text) || isOrphanPossessive(tokens, i + 1)) add(n.start);
    return;
  }
  if (n.type !== 'word' || n.upper) return;
  if (AFTER_ARTICLE_PREPOSITIONS.has(n.lower) || AFTER_ARTICLE_VERBS.has(n.lower)) add(n.start);
  else if (
    CLAUSE_CONJUNCTIONS.has(n.lower) &&
    !(n.lower === 'while' && (t.lower === 'a' || t.lower === 'an'))
  )
    add(n.start);
}

export function prepositionRule(
  t: Token,
  n: Token | undefined,
  i: number,
  tokens: readonly Token[],
  add: Add,
): void {
  if (t.upper) return;
  if (PARTICLE_PREPOSITIONS.has(t.lower) || STRICT_PREPOSITIONS.has(t.lower)) {
    const after = tokens[i + 2];
    // "in and Singapore", "demand in and a surge": the object of the preposition is missing.
    // "go to or to Chile": the same preposition again after "or" lost its first object.
    if (
      n &&
      n.type === 'word' &&
      (n.lower === 'and' || n.lower === 'or') &&
      after?.lower === t.lower &&
      REPEATABLE_PREPOSITIONS.has(t.lower)
    ) {
      add(n.start);
      return;
    }
    if (
      n &&
      n.type === 'word' &&
      (n.lower === 'and' || n.lower === 'or') &&
      n.para === t.para &&
      !(after && (PREPOSITIONS.has(after.lower) || after.type !== 'word'))
    ) {
      add(n.start);
      return;
    }
    // "in on Monday": a preposition straight before a date.
    if (
      n &&
      n.lower === 'on' &&
      after &&
      (WEEKDAYS.has(after.lower) || MONTHS.has(after.lower)) &&
      !['weighed', 'cashed', 'zeroed', 'closed', 'called'].includes(tokens[i - 1]?.lower ?? '')
    ) {
      add(n.start);
      return;
    }
    // "on Monday morning in.", "on June 1 in.": a place was cut after a time.
    const prev = tokens[i - 1];
    if (
      (t.lower === 'in' || t.lower === 'at') &&
      n &&
      n.type === 'punct' &&
      (n.text === '.' || n.text === ',') &&
      prev &&
      (/^\p{N}+$/u.test(prev.text) ||
        TIME_NOUNS.has(prev.lower) ||
        WEEKDAYS.has(prev.lower) ||
        PLACE_NOUNS.has(prev.lower) ||
        prev.upper)
    ) {
      add(n.start);
      return;
    }
    // "a holiday in, and ...": a place noun phrase ("a holiday", "the talks") whose "in"
    // lost its object; a verb's particle ("gave in,") has no article two words back.
    const twoBack = tokens[i - 2];
    if (
      (t.lower === 'in' || t.lower === 'at') &&
      n &&
      n.type === 'punct' &&
      (n.text === ',' || n.text === '.') &&
      prev &&
      prev.type === 'word' &&
      !prev.upper &&
      twoBack &&
      ARTICLES.has(twoBack.lower)
    ) {
      add(n.start);
      return;
    }
    // "A 2022 report by found that": a verb where the preposition's object should be.
    const afterNext = tokens[i + 2];
    if (
      n &&
      n.type === 'word' &&
      !n.upper &&
      /ed$|found$|said$|told$/.test(n.lower) &&
      afterNext?.lower === 'that' &&
      ['by', 'from', 'of', 'with', 'at'].includes(t.lower)
    ) {
      add(n.start);
      return;
    }
  }
  // "Authorities in said", "brokered by to end": a preposition straight before a speech
  // verb or an infinitive has lost its object.
  if (
    (PARTICLE_PREPOSITIONS.has(t.lower) || STRICT_PREPOSITIONS.has(t.lower) || t.lower === 'by') &&
    n &&
    n.type === 'word' &&
    !n.upper &&
    n.para === t.para
  ) {
    const afterTo = tokens[i + 2];
    if (n.lower === 'said' || n.lower === 'says' || n.lower === 'told') {
      add(n.start);
      return;
    }
    if (
      n.lower === 'to' &&
      t.lower !== 'to' &&
      ['by', 'from', 'with', 'of', 'near', 'against', 'between', 'among', 'into', 'at'].includes(
        t.lower,
      ) &&
      afterTo?.type === 'word' &&
      !afterTo.upper &&
      !/^\p{N}/u.test(afterTo.text) &&
      !DETERMINERS.has(afterTo.lower)
    ) {
      add(n.start);
      return;
    }
  }
  if (!STRICT_PREPOSITIONS.has(t.lower)) return;
  if (!n) {
    add(t.end);
    return;
  }
  if (n.type === 'punct') {
    if (
      (NON_STRANDING.has(t.lower) && PUNCT_AFTER_MISSING_NOUN.has(n.text)) ||
      isOrphanPossessive(tokens, i + 1)
    )
      add(n.start);
    return;
  }
  if (n.type !== 'word' || n.upper) return;
  const after = tokens[i + 2];
  if (['while', 'because', 'although', 'whereas', 'though'].includes(n.lower)) add(n.start);
  else if ((n.lower === 'and' || n.lower === 'or') && !(after && PREPOSITIONS.has(after.lower)))
    add(n.start);
  else if (FINITE.has(n.lower) || n.lower === 'said' || n.lower === 'says') add(n.start);
}

/**
 * Prepositions that are not repeated around "and"/"or" in idioms ("over and over", "on and on").
 */
const REPEATABLE_PREPOSITIONS = new Set(['to', 'in', 'at', 'from', 'with', 'for', 'of', 'into']);

/**
 * "despite the fact that has firmly backed", "after was brought down": a clause-taking word
 * followed straight by a finite verb lost the subject between them.
 */
export function subordinatorRule(
  t: Token,
  n: Token | undefined,
  prev: Token | undefined,
  add: Add,
): void {
  if (!n || n.type !== 'word' || n.upper || !FINITE.has(n.lower)) return;
  if (t.upper && t.lower !== 'because' && t.lower !== 'although') return; // "After was" opens nothing at a sentence start either, but a capital may be a name
  if (CLAUSE_OPENERS.has(t.lower) || (t.lower === 'that' && prev?.lower === 'fact')) add(n.start);
}

/** Contractions of a pronoun and "is"/"has": "it's", "that's" are not possessives. */
const PRONOUN_CONTRACTIONS = new Set([
  "it's",
  "he's",
  "she's",
  "that's",
  "there's",
  "what's",
  "who's",
  "here's",
  "let's",
  "where's",
  "one's",
]);

const AFTER_POSSESSIVE_VERBS = new Set([
  'did',
  'does',
  'would',
  'could',
  'should',
  'said',
  'says',
  'told',
  'declined',
  'denied',
]);

/** "Bolivia's did not respond": a possessive straight before a verb lost the noun it owned. */
export function possessiveBeforeVerbRule(t: Token, n: Token | undefined, add: Add): void {
  if (
    !n ||
    n.type !== 'word' ||
    n.upper ||
    !/'s$/.test(t.lower) ||
    PRONOUN_CONTRACTIONS.has(t.lower)
  )
    return;
  if (AFTER_POSSESSIVE_VERBS.has(n.lower)) add(n.start);
}

const FIRST_OF_PAIR = new Set([
  'at',
  'from',
  'of',
  'by',
  'with',
  'near',
  'against',
  'between',
  'among',
]);

const SECOND_OF_PAIR = new Set(['in', 'at', 'on', 'near']);

/**
 * "Researchers from in Shanghai", "urology, at in New Delhi": a preposition whose object was cut
 * before the next one.
 */
export function doublePrepositionRule(
  t: Token,
  n: Token | undefined,
  after: Token | undefined,
  add: Add,
): void {
  if (
    t.upper ||
    !FIRST_OF_PAIR.has(t.lower) ||
    !n ||
    n.type !== 'word' ||
    n.upper ||
    !SECOND_OF_PAIR.has(n.lower) ||
    n.para !== t.para
  )
    return;
  if (n.lower === 'at' && (after?.lower === 'least' || after?.lower === 'most')) return; // "from at least 10"
  add(n.start);
}

/** A space before a comma or period: "visited , where". */
export function spacingRule(
  t: Token,
  prev: Token | undefined,
  next: Token | undefined,
  text: string,
  add: Add,
): void {
  if (t.text !== ',' && t.text !== ';' && t.text !== '.') return;
  if (
    !prev ||
    !(prev.type === 'word' || prev.text === ',') ||
    prev.para !== t.para ||
    t.start === prev.end
  )
    return;
  if (t.text === '.' && (next?.text === '.' || text[t.end] === '.')) return;
  if (!/^[ \t]+$/.test(text.slice(prev.end, t.start))) return;
  add(t.start);
}

const COMPASS = new Set([
  'northern',
  'southern',
  'eastern',
  'western',
  'northeastern',
  'northwestern',
  'southeastern',
  'southwestern',
  'north-eastern',
  'north-western',
  'south-eastern',
  'south-western',
]);

/**
 * "in northern have recorded", "districts of western on Sunday": a region adjective lost its noun.
 */
export function compassRule(
  t: Token,
  n: Token | undefined,
  prev: Token | undefined,
  after: Token | undefined,
  add: Add,
): void {
  if (t.upper || !COMPASS.has(t.lower) || !n) return;
  if (prev && BE_FORMS.has(prev.lower)) return;
  if (
    n.type === 'punct'
      ? PUNCT_AFTER_MISSING_NOUN.has(n.text)
      : !n.upper &&
        (FINITE.has(n.lower) ||
          (PREPOSITIONS.has(n.lower) && n.lower !== 'and') ||
          ((n.lower === 'and' || n.lower === 'or') && !(after && COMPASS.has(after.lower))))
  ) {
    add(n.start);
  }
}

const AFTER_VERB_WORDS = new Set([
  'to',
  'that',
  'the',
  'a',
  'an',
  'its',
  'his',
  'her',
  'their',
  'on',
  'with',
]);

/** "the failed to agree": a verb straight after "the" means the name between them was cut. */
export function participleAfterArticleRule(
  t: Token,
  n: Token | undefined,
  follower: Token | undefined,
  add: Add,
): void {
  if (t.upper || t.lower !== 'the' || !n || n.type !== 'word' || n.upper) return;
  if (!n.lower.endsWith('ed') || n.lower.length < 5 || NOMINAL_PARTICIPLES.has(n.lower)) return;
  if (
    follower &&
    follower.type === 'word' &&
    !follower.upper &&
    AFTER_VERB_WORDS.has(follower.lower)
  )
    add(n.start);
}
