import { cueUse } from './cues.ts';
import {
  ARTICLES,
  BE_FORMS,
  COORDINATORS,
  DANGLING_ENDINGS,
  DETERMINERS,
  IRREGULAR_PAST,
  LANGUAGES,
  MODALS,
  HEAD_TITLES,
  MONTHS,
  NAME_HEADING_TITLES,
  NATIONALITIES,
  OFFICIAL_ABBREVIATIONS,
  PERSON_NOUNS,
  PREPOSITIONS,
  TITLES_ENDING_NAMES,
  WEEKDAYS,
} from './lexicon.ts';
import type { Layout } from './layout.ts';
import type { Token } from './tokens.ts';

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

/** A lower-case word that reads as a past-tense verb: "lost", "slowed", "killed". */
function isPastVerb(tok: Token | undefined): boolean {
  if (!tok || tok.type !== 'word' || tok.upper) return false;
  return (
    IRREGULAR_PAST.has(tok.lower) ||
    (tok.lower.length > 4 &&
      tok.lower.endsWith('ed') &&
      !NOMINAL_PARTICIPLES.has(tok.lower) &&
      !NOT_PAST_ED.has(tok.lower))
  );
}

/** Words ending in -ed that are not verbs: "because indeed the", "a hundred". */
const NOT_PAST_ED = new Set([
  'indeed',
  'hundred',
  'speed',
  'greed',
  'breed',
  'creed',
  'steed',
  'sacred',
  'naked',
  'wicked',
  'rugged',
  'ragged',
  'beloved',
  'learned',
  'aged',
]);

/**
 * "Reporting by ; Editing by )": the credit line of wire copy with its names cut. A "by"
 * straight before a semicolon or a closing bracket never ends a phrase in running text.
 */
function creditLineRule(t: Token, n: Token | undefined, after: Token | undefined, add: Add): void {
  if (t.upper || t.lower !== 'by' || !n) return;
  if (n.type === 'punct' && (n.text === ')' || n.text === ';')) {
    add(n.start);
    return;
  }
  // "A 2022 report by found that": the author of the report was cut.
  if (
    n.type === 'word' &&
    !n.upper &&
    (isPastVerb(n) || n.lower === 'said') &&
    after?.lower === 'that'
  )
    add(n.start);
}

/**
 * Words that can open an object after a verb: "lost three wickets", "killed 25 people", "won the".
 */
const OBJECT_OPENERS = new Set([
  'the',
  'a',
  'an',
  'its',
  'his',
  'her',
  'their',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'nearly',
  'at',
]);
/**
 * Prepositions of place whose object may be cut before the verb of the clause: "landslides in
 * killed 25 people".
 */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'across', 'from']);

/**
 * "reached 212 for 3 before lost three wickets", "floods and landslides in killed 25 people":
 * a subordinator or a place preposition followed straight by a past-tense verb with its object
 * lost the subject (or the place) between them. The object after the verb is required so
 * that participles used as adjectives ("in sealed containers", "after injured workers") pass.
 */
function pastVerbAfterOpenerRule(
  t: Token,
  n: Token | undefined,
  after: Token | undefined,
  add: Add,
): void {
  if (
    t.upper ||
    !n ||
    n.para !== t.para ||
    !isPastVerb(n) ||
    !after ||
    after.type !== 'word' ||
    after.upper
  )
    return;
  if (!CLAUSE_OPENERS.has(t.lower) && !PLACE_PREPOSITIONS.has(t.lower)) return;
  if (OBJECT_OPENERS.has(after.lower) || /^\p{N}[\p{N},.]*$/u.test(after.text)) add(n.start);
}

/**
 * "unless or , which have mediated": a subordinator straight before "or"/"and" lost the
 * subject it introduced. "unless and until", "before and after" pair two subordinators.
 */
function openerBeforeCoordinatorRule(
  t: Token,
  n: Token | undefined,
  after: Token | undefined,
  add: Add,
): void {
  if (
    t.upper ||
    !['unless', 'because', 'although', 'whereas', 'though'].includes(t.lower) ||
    !n ||
    (n.lower !== 'or' && n.lower !== 'and') ||
    n.para !== t.para
  )
    return;
  if (
    after &&
    (CLAUSE_OPENERS.has(after.lower) ||
      PREPOSITIONS.has(after.lower) ||
      after.lower === 'if' ||
      after.lower === 'when')
  )
    return;
  add(n.start);
}

/** Participles of a state that need the place they are "in": "were reported missing in." */
const STATE_PARTICIPLES = new Set([
  'missing',
  'killed',
  'stranded',
  'trapped',
  'injured',
  'detained',
  'arrested',
  'born',
  'based',
  'headquartered',
  'located',
  'stationed',
  'deployed',
  'buried',
  'displaced',
  'evacuated',
]);
/** Participles that need their agent after "by": "a consortium led by." */
const AGENT_PARTICIPLES = new Set([
  'led',
  'owned',
  'run',
  'headed',
  'chaired',
  'founded',
  'backed',
  'funded',
  'operated',
  'controlled',
  'sponsored',
  'brokered',
  'commissioned',
  'conducted',
  'organised',
  'organized',
  'filed',
  'issued',
  'signed',
  'authored',
  'published',
]);

/**
 * "were reported missing in.", "a consortium led by.": a preposition at the end of a clause
 * after a participle that cannot take it as a particle lost its object.
 */
function strandedAfterParticipleRule(
  t: Token,
  n: Token | undefined,
  prev: Token | undefined,
  add: Add,
): void {
  if (t.upper || !n || n.type !== 'punct' || !prev || prev.type !== 'word') return;
  if (n.text !== '.' && n.text !== ',' && n.text !== ';') return;
  if (
    (t.lower === 'in' && STATE_PARTICIPLES.has(prev.lower)) ||
    (t.lower === 'by' && AGENT_PARTICIPLES.has(prev.lower))
  )
    add(n.start);
}

const ADMIN_NOUNS = new Set([
  'district',
  'county',
  'province',
  'prefecture',
  'governorate',
  'region',
]);
const AFTER_ADMIN_NOUN = new Set(['after', 'where', 'which', 'when', 'on', 'before', 'as']);

/**
 * "the village of Masara in county after days of rain", "Lembang in district, where":
 * a place name and "in" followed by a bare "district"/"county" lost that district's name.
 */
function adminNounAfterPlaceRule(
  t: Token,
  n: Token | undefined,
  prev: Token | undefined,
  after: Token | undefined,
  add: Add,
): void {
  if (
    t.upper ||
    t.lower !== 'in' ||
    !prev ||
    prev.type !== 'word' ||
    !prev.upper ||
    !n ||
    n.upper ||
    !ADMIN_NOUNS.has(n.lower) ||
    n.para !== t.para
  )
    return;
  if (
    !after ||
    (after.type === 'punct' && (after.text === ',' || after.text === '.')) ||
    AFTER_ADMIN_NOUN.has(after.lower)
  )
    add(n.start);
}

/** "a competition lawyer at who is not involved": a person's employer was cut before "who". */
function relativeAfterPersonRule(
  t: Token,
  n: Token | undefined,
  prev: Token | undefined,
  add: Add,
): void {
  if (t.upper || !['at', 'with', 'from'].includes(t.lower) || !n || n.lower !== 'who' || n.upper)
    return;
  if (prev && prev.type === 'word' && PERSON_NOUNS.has(prev.lower)) add(n.start);
}

/**
 * "Output from , and is also rising", "economies in and slowed": where the left conjunct of
 * "and"/"or" is already known to be cut, a verb straight after the conjunction shows the right
 * one was cut too (a list of names before their verb). After a comma left by a cut name
 * (", and"), the item just before "and" is missing as well.
 */
function cutConjunctRule(
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
function doubleSpaceRule(
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

type Add = (offset: number) => void;

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

/** Finite auxiliaries and modals: a subject must come before them. */
const FINITE = new Set([
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
  'may',
  'might',
  'must',
  'does',
  'did',
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

const CLAUSE_CONJUNCTIONS = new Set([
  'and',
  'or',
  'but',
  'nor',
  'because',
  'although',
  'though',
  'whereas',
  'while',
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

const PUNCT_AFTER_MISSING_NOUN = new Set([',', '.', ';', ':', ')', '!', '?']);

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

function articleRule(
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

function prepositionRule(
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

/** Conjunctions that open a clause and so need a subject before its verb. */
const CLAUSE_OPENERS = new Set([
  'because',
  'although',
  'whereas',
  'though',
  'after',
  'before',
  'until',
  'unless',
  'while',
]);

/**
 * "despite the fact that has firmly backed", "after was brought down": a clause-taking word
 * followed straight by a finite verb lost the subject between them.
 */
function subordinatorRule(t: Token, n: Token | undefined, prev: Token | undefined, add: Add): void {
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
function possessiveBeforeVerbRule(t: Token, n: Token | undefined, add: Add): void {
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
function doublePrepositionRule(
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

/**
 * Titles that head a capitalised role before a name: "Chief Executive", "Leader of the Opposition".
 */
const TITLE_HEADS = new Set([
  'president',
  'minister',
  'secretary',
  'chancellor',
  'premier',
  'governor',
  'mayor',
  'senator',
  'judge',
  'prosecutor',
  'attorney',
  'commissioner',
  'director',
  'chairman',
  'chairwoman',
  'chairperson',
  'executive',
  'officer',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'leader',
  'chief',
  'ceo',
  'cfo',
  'manager',
  'coach',
  'captain',
  'inspector',
  'superintendent',
  'magistrate',
  'collector',
  'commander',
  'ambassador',
  'envoy',
  'lawmaker',
  'mp',
  'mla',
  'legislator',
  'president-elect',
  'counsel',
  'author',
  'head',
  'speaker',
]);
/** Words after which a new subject may start. */
const SUBJECT_BOUNDARIES = new Set([
  ',',
  '(',
  'and',
  'but',
  'where',
  'when',
  'while',
  'as',
  'after',
  'because',
  'whereas',
  'although',
  'though',
]);
/**
 * Words allowed inside a capitalised title's complement: "Leader of the Opposition in the
 * Assembly".
 */
const TITLE_CONNECTORS = new Set(['of', 'for', 'in', 'the', 'and', 'on']);
const VERB_LEAD_INS = new Set([
  'has',
  'have',
  'had',
  'also',
  'later',
  'earlier',
  'then',
  'previously',
]);

/**
 * "Reacting to the demand, state BJP president termed it ...", "where Chief Executive has
 * said ...", "Leader of the Opposition in the Assembly said ...": a role without an article
 * as the subject of a speech verb. English needs a name there (or an article), so the name
 * was cut; the gap goes before the verb.
 */
function strippedTitleSubjectRule(
  v: number,
  tokens: readonly Token[],
  sentenceFirst: Uint8Array,
  add: Add,
): void {
  const verb = tokens[v];
  if (!verb || verb.upper) return;
  const use = cueUse(verb.lower);
  if (use === undefined || use === 'participle') return;
  let j = v - 1;
  while (j > 0 && VERB_LEAD_INS.has(tokens[j]?.lower ?? '') && !tokens[j]?.upper) j--;
  const head = tokens[j];
  if (!head || head.type !== 'word' || head.para !== verb.para) return;
  let k = j;
  if (head.upper && !TITLE_HEADS.has(head.lower)) {
    // "Leader of the Opposition in the Assembly": back over the complement to its title.
    for (;;) {
      const tok = tokens[k];
      if (!tok || tok.type !== 'word' || j - k > 8) return;
      if (tok.upper && TITLE_HEADS.has(tok.lower) && tokens[k + 1]?.lower === 'of') break;
      if (tok.upper ? DETERMINERS.has(tok.lower) : !TITLE_CONNECTORS.has(tok.lower)) return;
      if (tok.lower === 'the' && !['of', 'in', 'for', 'on'].includes(tokens[k - 1]?.lower ?? ''))
        return;
      if (k === 0 || sentenceFirst[k] === 1) return;
      k--;
    }
  } else if (
    !(head.upper
      ? TITLE_HEADS.has(head.lower)
      : PERSON_NOUNS.has(head.lower) && TITLE_HEADS.has(head.lower))
  ) {
    return;
  }
  // Back over the modifiers before the title: "state BJP", "Franklin County", "Chief".
  let m = k - 1;
  while (m >= 0 && k - m < 5) {
    const tok = tokens[m];
    if (!tok || tok.type !== 'word' || sentenceFirst[m + 1] === 1) break;
    if (DETERMINERS.has(tok.lower) || /'s$/.test(tok.lower) || /^\p{N}/u.test(tok.text)) return; // "the", "Harlow's", "24-year-old": a whole phrase
    // "state" in "state BJP president" is a modifier, not the verb "state".
    if (
      !tok.upper &&
      (PREPOSITIONS.has(tok.lower) ||
        AUXILIARIES_LIKE.has(tok.lower) ||
        (cueUse(tok.lower) !== undefined && /(?:ed|s|id|ld)$/.test(tok.lower)))
    )
      break;
    if (SUBJECT_BOUNDARIES.has(tok.lower)) break;
    m--;
  }
  const before = tokens[m];
  const atStart = m < 0 || sentenceFirst[m + 1] === 1 || before?.para !== tokens[m + 1]?.para;
  // '"...," Chief Executive Officer said': a closing quotation mark also ends what came before.
  const afterQuote =
    before?.type === 'quote' && (tokens[m - 1]?.type === 'punct' || tokens[m - 1]?.type === 'word');
  if (!atStart && !afterQuote && !(before && SUBJECT_BOUNDARIES.has(before.lower))) return;
  add(tokens[j + 1]?.start ?? verb.start);
}

const AUXILIARIES_LIKE = new Set([
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
  'may',
  'might',
  'must',
  'to',
  'not',
  'who',
  'which',
  'that',
]);

/** "said will ...": the reported clause lost its subject; '," said.': the speaker was cut. */
function speechVerbRule(
  t: Token,
  n: Token | undefined,
  prev: Token | undefined,
  after: Token | undefined,
  add: Add,
): void {
  // 'X, wishing to remain anonymous, said, "..."', '..., said, adding that ...': the verb's
  // comma leads into the quotation or a participle; nothing was cut after it.
  const framesWhatFollows =
    n?.text === ',' &&
    (after?.type === 'quote' || (after?.type === 'word' && /ing$/.test(after.lower)));
  if (
    n &&
    n.type === 'punct' &&
    (n.text === '.' || n.text === ',') &&
    !framesWhatFollows &&
    (t.lower === 'said' || t.lower === 'says' || t.lower === 'added') &&
    prev &&
    (prev.type === 'quote' || prev.text === ',')
  ) {
    add(n.start);
    return;
  }
  // '"...," said of the Centre for ...': the name after the verb was cut before its "of" phrase.
  if (
    n &&
    n.type === 'word' &&
    !n.upper &&
    (n.lower === 'of' || n.lower === 'from') &&
    (t.lower === 'said' || t.lower === 'says') &&
    prev?.type === 'quote'
  ) {
    add(n.start);
    return;
  }
  // '"...," told PTI': "told" cannot invert; its subject was cut.
  if (
    (t.lower === 'told' || t.lower === 'tells') &&
    prev?.type === 'quote' &&
    n?.type === 'word' &&
    n.upper
  ) {
    add(t.start);
    return;
  }
  if (!n || n.type !== 'word' || n.upper || !MODALS.has(n.lower)) return;
  if (
    ['said', 'says', 'say', 'believes', 'believe', 'warned', 'added', 'thinks'].includes(t.lower) &&
    prev?.lower !== 'what' &&
    prev?.lower !== 'has'
  )
    add(n.start);
}

/** A space before a comma or period: "visited , where". */
function spacingRule(
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

const CONJUNCTION_STARTS = new Set(['but', 'and', 'yet', 'so', 'or']);

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
function compassRule(
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

/**
 * Role nouns that, without an article, stand before a name: "captain Rohit Sharma", "spinner R.
 * Ashwin".
 */
const BARE_ROLES = new Set([
  'spokesperson',
  'captain',
  'spinner',
  'coach',
  'striker',
  'goalkeeper',
  'midfielder',
  'defender',
  'minister',
  'president',
  'chairman',
  'chairwoman',
  'spokesman',
  'spokeswoman',
  'director',
  'prosecutor',
  'judge',
  'senator',
  'governor',
  'mayor',
  'commander',
  'lawmaker',
  'opener',
  'bowler',
  'batsman',
  'pitcher',
  'quarterback',
  'winger',
  'forward',
  'manager',
  'leader',
  'envoy',
  'ambassador',
]);
const BARE_ROLE_FOLLOWERS = new Set([
  'later',
  'earlier',
  'also',
  'then',
  'said',
  'says',
  'told',
  'added',
]);

/**
 * "with spinner taking five wickets", "that captain later described": the name after a role was
 * cut.
 */
function bareRoleRule(
  t: Token,
  n: Token | undefined,
  prev: Token | undefined,
  prev2: Token | undefined,
  prev3: Token | undefined,
  add: Add,
): void {
  if (t.upper || !BARE_ROLES.has(t.lower) || !n || n.type !== 'word' || n.upper) return;
  // "The state BJP president said": an article before the modifiers completes the phrase.
  const determined = (tok: Token | undefined): boolean =>
    tok !== undefined &&
    tok.type === 'word' &&
    (DETERMINERS.has(tok.lower) || /'s$/.test(tok.lower));
  if (prev?.upper && (determined(prev2) || (prev2?.type === 'word' && determined(prev3)))) return;
  // Only where no article or modifier precedes the role ("with spinner", "that captain"), or
  // where a capitalised organisation does and a speech verb follows ("Congress spokesperson
  // said"); "agency spokesman said" and "the captain said" are whole.
  const speechFollows = n.lower === 'said' || n.lower === 'says' || n.lower === 'told';
  if (
    prev &&
    prev.type === 'word' &&
    !PREPOSITIONS.has(prev.lower) &&
    !CLAUSE_CONJUNCTIONS.has(prev.lower) &&
    prev.lower !== 'that' &&
    !(prev.upper && speechFollows && !ARTICLES.has(prev.lower))
  )
    return;
  if (
    FINITE.has(n.lower) ||
    BARE_ROLE_FOLLOWERS.has(n.lower) ||
    (n.lower.endsWith('ing') && n.lower.length > 5) ||
    (n.lower.endsWith('ly') && n.lower.length > 4)
  )
    add(n.start);
}

/** Words ending in -ed that are nouns after "the": "the accused", "the injured". */
const NOMINAL_PARTICIPLES = new Set([
  'accused',
  'injured',
  'wounded',
  'deceased',
  'displaced',
  'bereaved',
  'unemployed',
  'disabled',
  'detained',
  'insured',
  'damned',
  'condemned',
  'infected',
  'unvaccinated',
  'vaccinated',
  'undecided',
  'committed',
  'privileged',
  'underprivileged',
  'oppressed',
  'dispossessed',
]);
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
function participleAfterArticleRule(
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
const INTRO_ADVERBS = new Set([
  'still',
  'now',
  'meanwhile',
  'however',
  'instead',
  'yet',
  'already',
  'also',
  'later',
  'earlier',
  'then',
  'today',
  'yesterday',
  'separately',
  'overall',
  'nevertheless',
  'nonetheless',
  'moreover',
  'furthermore',
  'indeed',
  'previously',
  'currently',
  'finally',
]);

/**
 * A sentence that lost its subject: a paragraph opening on a lower-case "and" or verb, a
 * conjunction followed straight by a verb ("But also needs to"), or an introductory phrase
 * whose comma is followed by a verb ("But for now, is unlikely").
 */
function clauseStartRule(
  first: number,
  end: number,
  tokens: readonly Token[],
  text: string,
  add: Add,
): void {
  const f = tokens[first];
  if (!f || f.type !== 'word') return;
  const last = tokens[end - 1];
  if (last?.text === '?') return;
  let k = first;
  if (CONJUNCTION_STARTS.has(f.lower)) {
    if (!f.upper) add(f.start);
    const n = tokens[first + 1];
    if (
      n &&
      n.type === 'word' &&
      !n.upper &&
      (FINITE.has(n.lower) || ['also', 'still', 'already', 'said', 'says'].includes(n.lower))
    ) {
      add(n.start);
      return;
    }
    k = first + 1;
  } else if (!f.upper && (FINITE.has(f.lower) || f.lower === 'said' || f.lower === 'says')) {
    add(f.start);
    return;
  }
  const lead = tokens[k];
  if (!lead || lead.type !== 'word') return;
  const leadLower = lead.lower;
  // "Addressing a conference of police chiefs here, said ...": an introductory participle phrase.
  const participle = lead.upper && k === first && leadLower.length > 5 && leadLower.endsWith('ing');
  if (
    !participle &&
    !PREPOSITIONS.has(leadLower) &&
    !INTRO_ADVERBS.has(leadLower) &&
    !(leadLower.endsWith('ly') && leadLower.length > 4)
  )
    return;
  for (let j = k + 1; j < Math.min(end, k + (participle ? 14 : 8)); j++) {
    const tok = tokens[j];
    if (!tok) return;
    if (tok.text === ',') {
      const n = tokens[j + 1];
      const reportingVerb =
        n !== undefined &&
        [
          'said',
          'says',
          'told',
          'added',
          'announced',
          'claimed',
          'alleged',
          'asserted',
          'stated',
        ].includes(n.lower);
      if (
        n &&
        n.type === 'word' &&
        !n.upper &&
        (FINITE.has(n.lower) || reportingVerb) &&
        text[n.start - 1] === ' '
      )
        add(n.start);
      return;
    }
    if (
      tok.type !== 'word' ||
      FINITE.has(tok.lower) ||
      (!participle && cueUse(tok.lower) === 'clause')
    )
      return;
  }
}

/** Words that cannot open a singular subject without a determiner being needed. */
const SUBJECT_OPENERS = new Set([
  'one',
  'another',
  'each',
  'every',
  'no',
  'any',
  'some',
  'either',
  'neither',
  'former',
  'this',
  'that',
]);

/**
 * A sentence whose subject is a bare singular role ("Rwandan government spokeswoman said",
 * "Provincial disaster officer told", "Chief Minister defended", "Attorney General did not"):
 * English needs an article or a name there, and with no article the name was cut.
 */
function bareTitleSubjectRule(
  first: number,
  end: number,
  tokens: readonly Token[],
  add: Add,
): void {
  let k = first;
  if (COORDINATORS.has(tokens[k]?.lower ?? '')) k++;
  const opener = tokens[k];
  if (
    !opener ||
    opener.type !== 'word' ||
    !opener.upper ||
    DETERMINERS.has(opener.lower) ||
    SUBJECT_OPENERS.has(opener.lower) ||
    ARTICLES.has(opener.lower)
  )
    return;
  if (opener.lower.endsWith("'s") || opener.lower.endsWith('\u2019s')) return;
  for (let j = k; j < Math.min(end, k + 5); j++) {
    const tok = tokens[j];
    if (!tok || tok.type !== 'word') return;
    if (tok.upper || !looksLikeVerb(tok.lower)) continue;
    if (j === k) return;
    const head = tokens[j - 1];
    // "Brokerage said in a note ...": a singular firm noun alone, its name cut after it.
    if (head && j === k + 1 && BARE_FIRM_NOUNS.has(head.lower) && cueUse(tok.lower) !== undefined) {
      add(tok.start);
      return;
    }
    if (!head || !PERSON_NOUNS.has(head.lower.replace(/\.$/, ''))) return;
    add(tok.start);
    return;
  }
}

/**
 * Singular nouns for a firm that need an article or a name as a subject: "Brokerage said" lost the
 * name.
 */
const BARE_FIRM_NOUNS = new Set([
  'brokerage',
  'firm',
  'company',
  'agency',
  'ministry',
  'department',
  'regulator',
  'lender',
  'insurer',
  'carrier',
  'airline',
  'manufacturer',
  'retailer',
  'automaker',
  'carmaker',
  'startup',
  'watchdog',
  'consultancy',
]);

/**
 * Words after a title that show the name after it is missing: "Union Home Minister on Monday
 * reviewed", "BJP MP also visited".
 */
const AFTER_TITLE_ADVERBS = new Set([
  'also',
  'today',
  'yesterday',
  'later',
  'earlier',
  'however',
  'too',
  'then',
  'recently',
  'had',
  'has',
  'was',
  'is',
  'will',
  'would',
]);

/**
 * "Union Home Minister on Monday reviewed ...", "BJP MP also visited ...", "state Congress
 * chief visited ...": a title without an article before it and with a verb, an adverb or "on
 * Monday" after it had its name cut; the gap goes after the title.
 */
function titleBeforeVerbRule(i: number, tokens: readonly Token[], add: Add): void {
  const t = tokens[i];
  const n = tokens[i + 1];
  if (!t || !n || n.type !== 'word' || n.upper || n.para !== t.para) return;
  // "Leader of Opposition hit back": the title's complement ends the role.
  const ofOpposition =
    t.upper &&
    t.lower === 'opposition' &&
    tokens[i - 1]?.lower === 'of' &&
    tokens[i - 2]?.lower === 'leader' &&
    tokens[i - 2]?.upper === true;
  const title =
    ofOpposition ||
    (t.upper
      ? TITLE_HEADS.has(t.lower) || OFFICIAL_ABBREVIATIONS.has(t.text)
      : TITLE_HEADS.has(t.lower) &&
        tokens[i - 1]?.upper === true &&
        tokens[i - 1]?.type === 'word');
  if (!title) return;
  const verbish =
    AFTER_TITLE_ADVERBS.has(n.lower) ||
    (n.lower === 'hit' && tokens[i + 2]?.lower === 'back') ||
    (n.lower === 'on' && WEEKDAYS.has(tokens[i + 2]?.lower ?? '')) ||
    (n.lower.length > 4 && n.lower.endsWith('ed') && !PARTICIPLE_MODIFIERS.has(n.lower)) ||
    IRREGULAR_PAST.has(n.lower);
  if (!verbish) return;
  // Back over the run of the role ("Union Home Minister", "state Congress chief") to what precedes
  // it.
  let k = ofOpposition ? i - 3 : i - 1;
  while (k >= 0 && i - k <= 7) {
    const w = tokens[k];
    if (
      !w ||
      w.type !== 'word' ||
      w.para !== t.para ||
      DETERMINERS.has(w.lower) ||
      PREPOSITIONS.has(w.lower) ||
      /'s$/.test(w.lower)
    )
      break;
    if (!w.upper && !ROLE_MODIFIERS.has(w.lower)) break;
    k--;
  }
  const before = tokens[k];
  if (
    before &&
    before.type === 'word' &&
    before.para === t.para &&
    (DETERMINERS.has(before.lower) || /'s$/.test(before.lower))
  )
    return;
  add(n.start);
}
/**
 * Lower-case words inside a role before its name: "state Congress chief", "senior party leader".
 */
const ROLE_MODIFIERS = new Set([
  'state',
  'union',
  'district',
  'party',
  'deputy',
  'former',
  'senior',
  'opposition',
  'city',
  'national',
]);
/** Past participles that modify the title rather than act as its verb: "Minister designate". */
const PARTICIPLE_MODIFIERS = new Set([
  'designated',
  'elected',
  'appointed',
  'concerned',
  'involved',
]);

/** A lower-case word that reads as a finite verb after a subject. */
function looksLikeVerb(lower: string): boolean {
  if (
    FINITE.has(lower) ||
    lower === 'said' ||
    lower === 'says' ||
    lower === 'told' ||
    IRREGULAR_PAST.has(lower)
  )
    return true;
  const use = cueUse(lower);
  if (use !== undefined && use !== 'participle') return true;
  return lower.length > 4 && lower.endsWith('ed');
}

const TITLE_MODIFIERS = new Set([
  'prime',
  'foreign',
  'defense',
  'defence',
  'vice',
  'finance',
  'interior',
  'deputy',
  'acting',
  'former',
  'health',
  'justice',
  'trade',
  'economy',
  'energy',
  'education',
  'executive',
  'chief',
  'senior',
  'general',
]);

function isHeadTitle(lower: string): boolean {
  return (
    NAME_HEADING_TITLES.has(lower) ||
    (lower.includes('-') && lower.split('-').some((part) => NAME_HEADING_TITLES.has(part)))
  );
}

function isModifierWord(tok: Token | undefined): boolean {
  return (
    tok !== undefined &&
    tok.type === 'word' &&
    tok.upper &&
    (NATIONALITIES.has(tok.lower) || isHeadTitle(tok.lower) || TITLE_MODIFIERS.has(tok.lower))
  );
}

/**
 * A nationality or title left without the noun it modified: "Turkish said", "rein in Syrian
 * to prevent", "Turkish and Russian "have"", "President said". Runs joined by "and" or a comma
 * are judged together, so "Turkish and Russian officials" is fine.
 */
function orphanModifierRule(
  tokens: readonly Token[],
  nextOf: (i: number) => Token | undefined,
  skip: (t: Token) => boolean,
  add: Add,
): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !isModifierWord(t) || skip(t)) continue;
    const prev = tokens[i - 1];
    const prevInPara = prev !== undefined && prev.para === t.para ? prev : undefined;
    // Members: the last word of each modifier group ("Foreign Minister" is one group).
    const members: number[] = [];
    let j = i;
    for (;;) {
      while (isModifierWord(tokens[j + 1]) && tokens[j + 1]?.para === t.para) j++;
      members.push(j);
      const link = tokens[j + 1];
      const following = tokens[j + 2];
      if (
        link &&
        (link.lower === 'and' || link.lower === 'or' || link.text === ',') &&
        isModifierWord(following) &&
        following?.para === t.para
      ) {
        j += 2;
        continue;
      }
      break;
    }
    const endOfRun = j;
    i = endOfRun;
    if (prevInPara && prevInPara.type === 'word') {
      const pl = prevInPara.lower;
      if (
        ARTICLES.has(pl) ||
        ['his', 'her', 'this', 'that', 'these', 'those'].includes(pl) ||
        pl.endsWith("'s")
      )
        continue;
      // "the Department of Justice said": the title word ends an organisation's name.
      if (pl === 'of' && tokens[i - 2]?.upper) continue;
      if (
        BE_FORMS.has(pl) ||
        [
          'become',
          'becomes',
          'became',
          'seemed',
          'seems',
          'remain',
          'remains',
          'remained',
        ].includes(pl)
      )
        continue;
      // Part of a longer name ("Martin Luther King"), unless the run ends on a title that is
      // never a surname: "Railways Minister said".
      // "Justice" and "Judge" also end names ("Centre for Environmental Justice said").
      const lastLower = tokens[endOfRun]?.lower ?? '';
      if (prevInPara.upper && (!isHeadTitle(lastLower) || TITLES_ENDING_NAMES.has(lastLower)))
        continue;
      if (
        LANGUAGES.has(t.lower) &&
        [
          'in',
          'into',
          'speak',
          'speaks',
          'spoke',
          'speaking',
          'from',
          'translated',
          'learn',
          'learned',
          'study',
        ].includes(pl)
      )
        continue;
    }
    const groupLast = tokens[endOfRun];
    if (!groupLast) continue;
    // A title group must end on a title ("Foreign Minister"), not a bare modifier ("Defense").
    if (!NATIONALITIES.has(groupLast.lower) && !isHeadTitle(groupLast.lower)) continue;
    const f = nextOf(endOfRun);
    if (!isBadFollower(f)) continue;
    // "Ontario Premier and Council Chair Doug Ford": a second capitalised title joined by "and"
    // shares the name that follows it.
    if ((f?.lower === 'and' || f?.text === '&') && sharesNameAfter(tokens, endOfRun + 2)) continue;
    for (const m of members) {
      const after = tokens[m + 1];
      const at = m === endOfRun ? (f ? f.start : (tokens[m]?.end ?? 0)) : (after?.start ?? 0);
      if (at > 0) add(at);
    }
  }
}

/**
 * Whether a capitalised run starting at `k`, in the same paragraph, goes on from a title to what
 * reads as a name ("Council Chair Doug Ford"): a title word, then at least one capitalised word
 * that is not a title.
 */
function sharesNameAfter(tokens: readonly Token[], k: number): boolean {
  const para = tokens[k]?.para;
  let title = -1;
  let j = k;
  for (; j < k + 8; j++) {
    const t = tokens[j];
    if (!t || t.para !== para || t.type !== 'word' || !t.upper) break;
    if (HEAD_TITLES.has(t.lower)) title = j;
  }
  return title >= 0 && j - 1 > title;
}

function isBadFollower(f: Token | undefined): boolean {
  if (!f) return true;
  if (f.type === 'quote') return true;
  if (f.type === 'punct') return PUNCT_AFTER_MISSING_NOUN.has(f.text);
  if (f.upper) return false;
  const lw = f.lower;
  if (FINITE.has(lw) || lw === 'to' || lw === 'while' || lw === 'and' || lw === 'or') return true;
  const use = cueUse(lw);
  return use === 'clause' || use === 'that';
}

/**
 * A body paragraph that stops without punctuation was cut after its last word ("... crowded
 * camps in", "... expert at the"). Short unpunctuated paragraphs are headings and bylines,
 * unless they end on a word that cannot end anything.
 */
function paragraphEndRule(layout: Layout, add: Add): void {
  const { paragraphs, tokens } = layout;
  paragraphs.forEach((para, p) => {
    if (!para.unterminated || paragraphs[p + 1]?.continuesPrevious) return;
    const last = tokens[para.endToken - 1];
    if (!last || last.type !== 'word') return;
    const body = layout.text.slice(para.start, para.end);
    if (body.includes('|')) return;
    if (!para.heading || (para.wordCount >= 4 && DANGLING_ENDINGS.has(last.lower))) add(last.end);
  });
}

/**
 * A body paragraph that opens without its subject: on a lower-case word ("beat by 42 runs on
 * the final day ...", "and are again facing ...") or on a comma ("[Name], a Sudan analyst ...,
 * said ..."). Paragraphs that carry on a sentence broken by the feed are not openings.
 */
function paragraphStartRule(layout: Layout, add: Add): void {
  const { paragraphs, tokens } = layout;
  for (const para of paragraphs) {
    if (para.heading || para.continuesPrevious) continue;
    const first = tokens[para.firstToken];
    if (!first) continue;
    if (first.text === ',') add(first.start);
    else if (first.type === 'word' && /^\p{Ll}[\p{Ll}'\u2019-]*$/u.test(first.text))
      add(first.start);
  }
}
