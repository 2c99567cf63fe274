import { cueUse } from './cues.ts';
import {
  ARTICLES,
  COORDINATORS,
  DETERMINERS,
  IRREGULAR_PAST,
  OFFICIAL_ABBREVIATIONS,
  PERSON_NOUNS,
  PREPOSITIONS,
  WEEKDAYS,
} from './lexicon.ts';
import type { Token } from './tokens.ts';
import { type Add, CLAUSE_CONJUNCTIONS, FINITE } from './gap-grammar.ts';

/**
 * Gap rules about titles and roles: a title or nationality left without the name or noun it
 * modified ("Turkish said", "President said", "Prime Minister told reporters").
 */

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
export function strippedTitleSubjectRule(
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

/** Words that end a title phrase read backwards: finite verbs, and the words of a clause. */
const AUXILIARIES_LIKE = new Set([...FINITE, 'to', 'not', 'who', 'which', 'that']);

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
export function bareRoleRule(
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
export function bareTitleSubjectRule(
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
export function titleBeforeVerbRule(i: number, tokens: readonly Token[], add: Add): void {
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
