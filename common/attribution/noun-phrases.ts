import { cueUse } from './cues.ts';
import {
  AUXILIARIES,
  COORDINATORS,
  DETERMINERS,
  DOCUMENT_NOUNS,
  GROUP_NOUNS,
  IRREGULAR_PAST,
  MONTHS,
  NATIONALITIES,
  NEGATIONS,
  ORGANIZATION_NAME_WORDS,
  ORGANIZATION_NOUNS,
  PERSON_NOUNS,
  PREPOSITIONS,
  PRE_CUE_ADVERBS,
  RELATIVE_PRONOUNS,
  SUBJECT_PRONOUNS,
  SUBORDINATORS,
  TITLE_WORDS,
  TIME_WORDS,
  WEEKDAYS,
} from './lexicon.ts';
import type { Token } from './tokens.ts';

/** An inclusive token range. */
export interface Span {
  readonly first: number;
  readonly last: number;
}

/** The subject of a speech verb: the noun phrase, and the appositive role given beside it. */
export interface Subject {
  readonly np: Span;
  readonly role: Span | null;
  /** First token of the whole subject, appositive included. */
  readonly first: number;
}

/** Adjectives that qualify an anonymous source: "people familiar with the matter". */
const QUALIFYING_ADJECTIVES = new Set([
  'familiar',
  'close',
  'briefed',
  'knowledgeable',
  'involved',
  'speaking',
  'opposed',
  'loyal',
  'allied',
]);

const WH_WORDS = new Set(['what', 'whatever', 'how', 'why', 'where', 'whoever', 'whichever']);

/** Lower-case connectors allowed inside a capitalised name: "Observatory for Human Rights". */
const NAME_CONNECTORS = new Set([
  'of',
  'for',
  'and',
  'de',
  'on',
  '&',
  'al',
  'bin',
  'van',
  'von',
  'der',
  'da',
  'del',
  'la',
  'le',
]);

function isSpeakerNoun(lw: string): boolean {
  return (
    PERSON_NOUNS.has(lw) ||
    DOCUMENT_NOUNS.has(lw) ||
    GROUP_NOUNS.has(lw) ||
    ORGANIZATION_NOUNS.has(lw)
  );
}

/**
 * Prepositions that extend a noun phrase after a head of each kind: "a spokesman for the
 * ministry", "data from the agency", "people familiar with the matter". An organisation is
 * not extended by "in" or "at", which after it start an adjunct ("the ministry in a statement").
 */
function extendsWith(head: string, preposition: string): boolean {
  if (PERSON_NOUNS.has(head))
    return ['of', 'for', 'at', 'with', 'from', 'in'].includes(preposition);
  if (GROUP_NOUNS.has(head)) return ['of', 'with', 'from', 'at', 'for'].includes(preposition);
  if (DOCUMENT_NOUNS.has(head)) return ['from', 'by', 'of'].includes(preposition);
  if (ORGANIZATION_NOUNS.has(head)) return ['of', 'for'].includes(preposition);
  return false;
}

function isWord(tok: Token | undefined): tok is Token {
  return tok !== undefined && tok.type === 'word';
}

/** The noun a token names, without a possessive ending. */
export function headForm(tok: Token): string {
  return tok.lower.replace(/'s$/, '').replace(/'$/, '');
}

/** Whether the token is a lower-case word that cannot be part of a noun phrase. */
function breaksNounPhrase(tok: Token): boolean {
  const lw = tok.lower;
  if (tok.upper) return false;
  return (
    PREPOSITIONS.has(lw) ||
    COORDINATORS.has(lw) ||
    SUBORDINATORS.has(lw) ||
    AUXILIARIES.has(lw) ||
    RELATIVE_PRONOUNS.has(lw) ||
    WH_WORDS.has(lw) ||
    NEGATIONS.has(lw) ||
    SUBJECT_PRONOUNS.has(lw) ||
    (cueUse(lw) !== undefined && !isSpeakerNoun(lw)) ||
    (lw.endsWith('ly') &&
      lw.length > 4 &&
      !['family', 'ally', 'italy', 'assembly', 'supply'].includes(lw))
  );
}

/**
 * Whether `tok`, after the noun `prev`, reads as the verb of the clause: an irregular past
 * ("kept"), or a word in -ed after a speaker noun or before an article or pronoun.
 */
function looksLikeVerbAfter(tok: Token, prev: Token, next: Token | undefined): boolean {
  if (tok.upper) return false;
  const lw = tok.lower;
  if (IRREGULAR_PAST.has(lw)) return true;
  if (!/ed$/.test(lw) || lw.length < 4) return false;
  const nextIsFunction =
    next !== undefined &&
    next.type === 'word' &&
    (DETERMINERS.has(next.lower) ||
      SUBJECT_PRONOUNS.has(next.lower) ||
      PREPOSITIONS.has(next.lower) ||
      /^\p{N}/u.test(next.text));
  return nextIsFunction || isSpeakerNoun(headForm(prev)) || prev.upper;
}

/** Where a post is published: "wrote Marta Villar on Instagram" names her, not the platform. */
const PLATFORMS = new Set([
  'instagram',
  'x',
  'twitter',
  'facebook',
  'linkedin',
  'youtube',
  'tiktok',
  'telegram',
  'threads',
  'weibo',
  'whatsapp',
  'bluesky',
  'truth',
]);

function isConnectorBetweenNames(tokens: readonly Token[], k: number): boolean {
  const tok = tokens[k];
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  if (tok?.lower === 'on' && after !== undefined && PLATFORMS.has(after.lower)) return false;
  return (
    tok !== undefined &&
    NAME_CONNECTORS.has(tok.lower) &&
    !tok.upper &&
    isWord(before) &&
    before.upper &&
    !DETERMINERS.has(before.lower) &&
    isWord(after) &&
    after.upper
  );
}

/**
 * "Former world number three Lucia Ortega", "German chemicals maker Adler Chemie": a capitalised
 * title or nationality opening the phrase, then a few
 * lower-case descriptive words, then a name of two or more capitalised words. Looks ahead a
 * bounded number of tokens.
 */
function descriptorBeforeName(
  tokens: readonly Token[],
  title: number,
  k: number,
  ceiling: number,
): boolean {
  const titleTok = tokens[title];
  if (!titleTok || !(TITLE_WORDS.has(titleTok.lower) || NATIONALITIES.has(titleTok.lower)))
    return false;
  for (let j = k; j <= Math.min(ceiling, k + 5); j++) {
    const tok = tokens[j];
    if (!isWord(tok)) return false;
    if (tok.upper)
      return j > k && isWord(tokens[j + 1]) && (tokens[j + 1] as Token).upper && j + 1 <= ceiling;
    if (
      breaksNounPhrase(tok) ||
      DETERMINERS.has(tok.lower) ||
      IRREGULAR_PAST.has(tok.lower) ||
      /ed$/.test(tok.lower)
    )
      return false;
  }
  return false;
}

/**
 * "European Union antitrust regulators", "Gaza health officials": lowercase words after a name
 * of two or more capitalised words that end, within three words, in a plural group noun or an
 * organisation noun; the name modifies them.
 */
function groupAfterName(
  tokens: readonly Token[],
  first: number,
  last: number,
  k: number,
  ceiling: number,
): boolean {
  if (last <= first) return false;
  for (let j = first; j <= last; j++)
    if (!tokens[j]?.upper && !DETERMINERS.has(tokens[j]?.lower ?? '')) return false;
  if (!tokens[last - 1]?.upper) return false;
  for (let j = k; j <= Math.min(ceiling, k + 2); j++) {
    const tok = tokens[j];
    if (!isWord(tok) || tok.upper) return false;
    if (
      breaksNounPhrase(tok) ||
      DETERMINERS.has(tok.lower) ||
      AUXILIARIES.has(tok.lower) ||
      IRREGULAR_PAST.has(tok.lower) ||
      /ed$/.test(tok.lower)
    )
      return false;
    if (GROUP_NOUNS.has(tok.lower) || ORGANIZATION_NOUNS.has(tok.lower))
      return (
        !isWord(tokens[j + 1]) ||
        (tokens[j + 1] as Token).upper ||
        j + 1 > ceiling ||
        !GROUP_NOUNS.has((tokens[j + 1] as Token).lower)
      );
  }
  return false;
}

/**
 * The noun phrase that ends at token `last`, reading backwards but not before `floor`.
 * It stops after a determiner ("the ministry"), before a preposition, conjunction, verb or
 * punctuation, and keeps connectors inside capitalised names.
 */
export function nounPhraseEndingAt(
  tokens: readonly Token[],
  last: number,
  floor: number,
): Span | null {
  const tail = tokens[last];
  if (!isWord(tail) || last < floor) return null;
  if (SUBJECT_PRONOUNS.has(tail.lower) || tail.lower === 'who' || tail.lower === 'which')
    return { first: last, last };
  if (breaksNounPhrase(tail) || DETERMINERS.has(tail.lower)) return null;
  let first = last;
  let size = 1;
  while (first - 1 >= floor && size < 9) {
    const prev = tokens[first - 1];
    if (!isWord(prev)) break;
    if (DETERMINERS.has(prev.lower)) {
      if (prev.lower !== 'that' && prev.lower !== 'no') first -= 1;
      break;
    }
    if (isConnectorBetweenNames(tokens, first - 1)) {
      first -= 1;
      size++;
      continue;
    }
    if (breaksNounPhrase(prev)) break;
    if (!prev.upper && TIME_WORDS.has(prev.lower)) break;
    first -= 1;
    size++;
  }
  return { first, last };
}

/**
 * The noun phrase that starts at token `first`, reading forwards to at most `ceiling`
 * ("says Aaron Stein, the director ...", "according to the U.N., with ...").
 */
export function nounPhraseStartingAt(
  tokens: readonly Token[],
  first: number,
  ceiling: number,
): Span | null {
  const head = tokens[first];
  if (!isWord(head) || first > ceiling) return null;
  if (SUBJECT_PRONOUNS.has(head.lower)) return { first, last: first };
  let k = first;
  if (DETERMINERS.has(head.lower)) k++;
  let last = -1;
  let size = 0;
  while (k <= ceiling && size < 10) {
    const tok = tokens[k];
    if (!isWord(tok)) break;
    if (last >= 0 && isConnectorBetweenNames(tokens, k)) {
      k++;
      continue;
    }
    const lastTok = last >= 0 ? tokens[last] : undefined;
    if (lastTok && !lastTok.upper && extendsWith(headForm(lastTok), tok.lower)) {
      const after = tokens[k + 1];
      if (!isWord(after)) break;
      k++;
      if (DETERMINERS.has(after.lower)) k++;
      continue;
    }
    if (breaksNounPhrase(tok)) break;
    // "told the court the material ...": a new phrase
    if (last >= 0 && DETERMINERS.has(tok.lower)) break;
    // "the bank kept its rate"
    if (last >= 0 && lastTok && looksLikeVerbAfter(tok, lastTok, tokens[k + 1])) break;
    if (last >= 0 && (WEEKDAYS.has(tok.lower) || (MONTHS.has(tok.lower) && tok.upper))) break;
    // "said Smith Tuesday", "Smith told" end the phrase; "Former captain Sunil Gavaskar" does not.
    // A role noun after a capitalised modifier goes on: "state BJP president", "Congress
    // spokesperson".
    if (
      last >= 0 &&
      !tok.upper &&
      lastTok?.upper &&
      !lastTok.lower.endsWith("'s") &&
      !PERSON_NOUNS.has(tok.lower) &&
      !(
        (last === first || (last === first + 1 && DETERMINERS.has(tokens[first]?.lower ?? ''))) &&
        descriptorBeforeName(tokens, last, k, ceiling)
      ) &&
      !groupAfterName(tokens, first, last, k, ceiling)
    )
      break;
    // "two diplomats familiar with the talks", "sources close to the ministry"
    if (
      lastTok &&
      !lastTok.upper &&
      (GROUP_NOUNS.has(lastTok.lower) || PERSON_NOUNS.has(lastTok.lower)) &&
      QUALIFYING_ADJECTIVES.has(tok.lower) &&
      PREPOSITIONS.has(tokens[k + 1]?.lower ?? '')
    ) {
      k += 2;
      if (DETERMINERS.has(tokens[k]?.lower ?? '')) k++;
      continue;
    }
    last = k;
    k++;
    size++;
  }
  return last >= first ? { first, last } : null;
}

/**
 * Skips words that may sit between a subject and its verb ("has often", "on Tuesday"), backwards.
 */
function skipPreCueWords(tokens: readonly Token[], k: number, floor: number): number {
  while (k >= floor) {
    const tok = tokens[k];
    if (!isWord(tok)) break;
    const lw = tok.lower;
    if (!tok.upper && PRE_CUE_ADVERBS.has(lw)) {
      k--;
      continue;
    }
    if (WEEKDAYS.has(lw)) {
      k--;
      if (tokens[k]?.lower === 'on') k--;
      continue;
    }
    if (
      !tok.upper &&
      ['week', 'month', 'year', 'night', 'morning', 'afternoon', 'evening', 'weekend'].includes(
        lw,
      ) &&
      ['last', 'this', 'earlier', 'later'].includes(tokens[k - 1]?.lower ?? '')
    ) {
      k -= 2;
      if (['earlier', 'later'].includes(tokens[k]?.lower ?? '')) k--;
      continue;
    }
    break;
  }
  return k;
}

/** A proper name, pronoun or speaker noun can head a subject; a stray common noun cannot. */
function canHeadSubject(tokens: readonly Token[], np: Span): boolean {
  const core = headSpan(tokens, np);
  if (core.last < np.last && canHeadSubject(tokens, core)) return true;
  const last = tokens[np.last];
  if (!last) return false;
  if (last.upper || SUBJECT_PRONOUNS.has(last.lower)) return true;
  const h = headForm(last);
  return (
    PERSON_NOUNS.has(h) || GROUP_NOUNS.has(h) || ORGANIZATION_NOUNS.has(h) || DOCUMENT_NOUNS.has(h)
  );
}

function isNameSpan(tokens: readonly Token[], span: Span): boolean {
  for (let k = span.first; k <= span.last; k++) {
    const tok = tokens[k];
    if (!isWord(tok)) return false;
    if (!tok.upper && !isConnectorBetweenNames(tokens, k)) return false;
  }
  return span.last >= span.first;
}

/** Words naming part of a group before "of": "one of the sources", "many of them". */
const PART_QUANTIFIERS = new Set([
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'some',
  'many',
  'most',
  'several',
  'all',
  'both',
  'none',
  'each',
  'few',
  'half',
  'either',
  'neither',
  'any',
  'another',
]);

/** Adverbs set off by commas between a subject and its verb. */
const PARENTHETICAL_ADVERBS = new Set([
  'however',
  'though',
  'too',
  'meanwhile',
  'instead',
  'also',
  'nevertheless',
  'nonetheless',
  'moreover',
  'furthermore',
  'likewise',
  'similarly',
  'separately',
  'meantime',
  'therefore',
  'indeed',
]);

const ROLE_STOPPERS = new Set(['who', 'which', 'where', 'when', 'whose', 'whom']);

/**
 * The subject of the speech verb at `cue`, reading backwards to `floor`: a noun phrase,
 * optionally followed by an appositive between commas ("Akar, Turkey's defense minister,
 * said"), or a relative "who" whose antecedent precedes it ("Smith, who ..., said").
 */
export function subjectBefore(
  tokens: readonly Token[],
  cue: number,
  floor: number,
): Subject | null {
  let k = skipPreCueWords(tokens, cue - 1, floor);
  // "Ashoka, however, said": a sentence adverb set off by commas is not an appositive.
  if (
    tokens[k]?.text === ',' &&
    tokens[k - 2]?.text === ',' &&
    PARENTHETICAL_ADVERBS.has(tokens[k - 1]?.lower ?? '')
  )
    k = skipPreCueWords(tokens, k - 3, floor);
  // "Kumar (45) said": an age in brackets after the name.
  if (
    tokens[k]?.text === ')' &&
    tokens[k - 2]?.text === '(' &&
    /^\d{1,3}$/.test(tokens[k - 1]?.text ?? '') &&
    k - 3 >= floor
  )
    k -= 3;
  if (k < floor) return null;
  const tok = tokens[k];
  if (!tok) return null;
  if (tok.text === ',') return appositiveSubject(tokens, k, floor);
  let np = nounPhraseEndingAt(tokens, k, floor);
  if (!np) return null;
  // "..., the 45-year-old said": an age used as a noun refers back to the person just named.
  if (
    np.last === np.first + 1 &&
    tokens[np.first]?.lower === 'the' &&
    AGE_NOUN.test(tokens[np.last]?.lower ?? '')
  )
    return { np, role: null, first: np.first };
  // "one of the sources said", "two of the people said", "one of them added": a part of a
  // group speaks; the group names the speaker, and the subject starts at the quantifier.
  if (
    tokens[np.first - 1]?.lower === 'of' &&
    PART_QUANTIFIERS.has(tokens[np.first - 2]?.lower ?? '') &&
    np.first - 2 >= floor
  ) {
    // "them" refers back past the sentence only where the part opens a clause ("..., one of
    // them added"); inside one ("what one of them called") it is a group in the same sentence.
    const opensClause =
      np.first - 2 === floor ||
      [',', '.'].includes(tokens[np.first - 3]?.text ?? '') ||
      tokens[np.first - 3]?.para !== tokens[np.first - 2]?.para;
    if ((tokens[np.last]?.lower === 'them' && opensClause) || canHeadSubject(tokens, np))
      return { np, role: null, first: np.first - 2 };
  }
  const headTok = tokens[np.last];
  if (headTok?.lower === 'who' || headTok?.lower === 'which') {
    if (tokens[np.first - 1]?.text !== ',') return null;
    const antecedent = nounPhraseEndingAt(tokens, np.first - 2, floor);
    return antecedent && canHeadSubject(tokens, antecedent)
      ? { np: antecedent, role: null, first: antecedent.first }
      : null;
  }
  np = extendOverPrepositions(tokens, np, floor);
  // "Diplomats following the negotiations": the head before the attached phrase decides.
  if (!canHeadSubject(tokens, np) && !canHeadSubject(tokens, headSpan(tokens, np))) return null;
  return { np, role: null, first: np.first };
}

/** "45-year-old", "33-year-old": an age used as a noun. */
export const AGE_NOUN = /^\d{1,3}-year-old$/;

/**
 * "following" in "Diplomats following the negotiations": a participle that attaches a phrase to a
 * noun.
 */
function isAttachingParticiple(tok: Token): boolean {
  return (
    tok.type === 'word' &&
    !tok.upper &&
    tok.lower.length > 5 &&
    tok.lower.endsWith('ing') &&
    cueUse(tok.lower) === undefined
  );
}

/**
 * Prepositions that attach a phrase to the subject's head: "Residents of the township in Lusaka".
 */
const ATTACHING_PREPOSITIONS = new Set(['of', 'in', 'for', 'at', 'from', 'with', 'on']);

/**
 * A speaker is never the object of a preposition: in "Residents of the Chawama township in
 * Lusaka said" or "The Board of Control for Cricket in India said", the subject starts at the
 * head before the prepositional phrases. Extends `np` back over them while the head found is a
 * plausible speaker.
 */
function extendOverPrepositions(tokens: readonly Token[], np: Span, floor: number): Span {
  let current = np;
  for (let round = 0; round < 3; round++) {
    const prep = tokens[current.first - 1];
    // "Diplomats following the negotiations": a participle attaches its phrase like a preposition.
    const participle = prep !== undefined && isAttachingParticiple(prep);
    if (!prep || prep.type !== 'word' || prep.upper || current.first - 2 < floor) break;
    // "sources close to the ministry": a qualifying adjective and its preposition.
    const qualifier =
      PREPOSITIONS.has(prep.lower) &&
      QUALIFYING_ADJECTIVES.has(tokens[current.first - 2]?.lower ?? '');
    if (!(ATTACHING_PREPOSITIONS.has(prep.lower) || participle || qualifier)) break;
    let head = nounPhraseEndingAt(tokens, current.first - (qualifier ? 3 : 2), floor);
    // "Researchers from [name] in Shanghai": a preposition left without its object.
    const stranded = tokens[current.first - 2];
    if (
      !head &&
      !qualifier &&
      isWord(stranded) &&
      !stranded.upper &&
      ATTACHING_PREPOSITIONS.has(stranded.lower) &&
      current.first - 3 >= floor
    ) {
      const before = nounPhraseEndingAt(tokens, current.first - 3, floor);
      if (
        before &&
        canHeadSubject(tokens, before) &&
        GROUP_NOUNS.has(tokens[before.last]?.lower ?? '')
      )
        head = before;
    }
    if (!head) break;
    const extended: Span = { first: head.first, last: np.last };
    const headTok = tokens[head.last];
    if (!headTok || SUBJECT_PRONOUNS.has(headTok.lower)) break;
    current = extended;
    if (
      canHeadSubject(tokens, head) &&
      !tokens[head.first - 1]?.lower.match(/^(of|in|for|at|from|with|on)$/)
    )
      return extended;
  }
  return np;
}

function appositiveSubject(
  tokens: readonly Token[],
  closingComma: number,
  floor: number,
): Subject | null {
  for (let j = closingComma - 1; j >= floor && closingComma - j < 30; j--) {
    const tok = tokens[j];
    if (!tok) break;
    if (tok.text === '.' || tok.text === ';' || tok.text === '!' || tok.text === '?') break;
    if (tok.text !== ',') continue;
    const inner: Span = { first: j + 1, last: closingComma - 1 };
    if (inner.last < inner.first) return null;
    if (!ROLE_STOPPERS.has(tokens[inner.first]?.lower ?? '') && hasFiniteVerb(tokens, inner))
      return null;
    // "A senior official of the Cyber Crime Centre (I4C), which ..., said": the bracketed
    // abbreviation belongs to the phrase before it.
    let nameEnd = j - 1;
    if (tokens[nameEnd]?.text === ')' && tokens[nameEnd - 2]?.text === '(' && nameEnd - 3 >= floor)
      nameEnd -= 3;
    let bare = nounPhraseEndingAt(tokens, nameEnd, floor);
    // "A senior official at the [name], who asked not to be named, said": the object was cut.
    const dangling = tokens[j - 1];
    if (
      !bare &&
      dangling &&
      DETERMINERS.has(dangling.lower) &&
      PREPOSITIONS.has(tokens[j - 2]?.lower ?? '')
    ) {
      const before = nounPhraseEndingAt(tokens, j - 3, floor);
      if (before && canHeadSubject(tokens, before)) bare = { first: before.first, last: j - 1 };
    }
    if (!bare) continue;
    const head = extendOverPrepositions(tokens, bare, floor);
    const innerFirst = tokens[inner.first];
    const headLast = tokens[head.last];
    if (!innerFirst || !headLast) return null;
    if (ROLE_STOPPERS.has(innerFirst.lower)) {
      // "Dr Anil Mehra, senior consultant at [hospital] in New Delhi, who was not involved,
      // told": a place governed by a preposition is no subject; the sentence's opening name is.
      const governor = tokens[head.first - 1];
      if (isWord(governor) && !governor.upper && PREPOSITIONS.has(governor.lower)) {
        const opening = nounPhraseStartingAt(tokens, floor, j - 1);
        if (
          opening &&
          tokens[opening.last + 1]?.text === ',' &&
          tokens[opening.last]?.upper &&
          canHeadSubject(tokens, opening)
        ) {
          return {
            np: opening,
            role: { first: opening.last + 2, last: j - 1 },
            first: opening.first,
          };
        }
      }
      // "Smith, who ..., said": no role, the head is the subject.
      return canHeadSubject(tokens, head) ? { np: head, role: null, first: head.first } : null;
    }
    const described = describesPerson(tokens, head);
    // "The committee's top Republican, Sen. Doug Pemberton of Kansas, said": a description
    // opened by a determiner or possessive, then the name.
    const descriptive =
      described ||
      (tokens[head.first] !== undefined &&
        (DETERMINERS.has(tokens[head.first]?.lower ?? '') ||
          /['\u2019]s$/.test(tokens[head.first]?.lower ?? '')) &&
        !isNameSpan(tokens, head));
    if (descriptive && isPersonName(tokens, inner))
      return { np: inner, role: head, first: head.first };
    // "A spokeswoman for the UN refugee agency, UNHCR, said": the appositive names the
    // organisation; the speaker is the person described.
    if (described && isNameSpan(tokens, inner)) return { np: head, role: null, first: head.first };
    if (headLast.upper && canHeadSubject(tokens, head)) {
      const role = /^\p{N}+$/u.test(innerFirst.text) && inner.first === inner.last ? null : inner;
      return { np: head, role, first: head.first };
    }
    // "Turkey's defense minister, Hulusi Akar, said": the appositive is the name.
    if (isNameSpan(tokens, inner) && canHeadSubject(tokens, head)) {
      return { np: inner, role: head, first: head.first };
    }
    if (canHeadSubject(tokens, head)) return { np: head, role: inner, first: head.first };
  }
  return null;
}

/** A phrase that describes a person by role: "A spokesman for the M23", "Amarante's mayor". */
function describesPerson(tokens: readonly Token[], span: Span): boolean {
  const core = headSpan(tokens, span);
  const h = tokens[core.last];
  return h !== undefined && !h.upper && PERSON_NOUNS.has(headForm(h));
}

/** Two to four capitalised words with no organisation word: "Lucien Bahati", "José Luís Gaspar". */
function isPersonName(tokens: readonly Token[], span: Span): boolean {
  if (span.last <= span.first || span.last - span.first > 5 || !isNameSpan(tokens, span))
    return false;
  for (let k = span.first; k <= span.last; k++) {
    const tok = tokens[k];
    if (!tok) return false;
    if (!tok.upper) continue; // "Indika de Silva"
    if (
      ORGANIZATION_NAME_WORDS.has(headForm(tok)) ||
      ORGANIZATION_NOUNS.has(tok.lower) ||
      GROUP_NOUNS.has(tok.lower)
    )
      return false;
  }
  return true;
}

/**
 * "Amarante's mayor, José Luís Gaspar, ...": when a description of a person is followed by a
 * name in apposition, the name is the speaker and the description their role.
 */
export function preferNamedAppositive(
  tokens: readonly Token[],
  np: Span,
  role: Span | null,
): { np: Span; role: Span | null } {
  if (role && describesPerson(tokens, np) && isPersonName(tokens, role))
    return { np: role, role: np };
  return { np, role };
}

/**
 * An appositive names or describes; one with a finite verb is a clause ("In 2019, the plan was
 * dead, said ...").
 */
function hasFiniteVerb(tokens: readonly Token[], span: Span): boolean {
  for (let k = span.first; k <= span.last; k++) {
    const tok = tokens[k];
    if (!tok || tok.type !== 'word') continue;
    if (ROLE_STOPPERS.has(tok.lower) || tok.lower === 'that') return false; // "an astrobiologist ... who was not involved"
    if (!tok.upper && AUXILIARIES.has(tok.lower)) return true;
  }
  return false;
}

const ROLE_END_WORDS = new Set([
  'who',
  'which',
  'where',
  'when',
  'and',
  'but',
  'adding',
  'saying',
  'according',
  'while',
  'as',
]);

/**
 * The role given after a name: ", the director of the program ..." up to the end of the
 * sentence, a relative clause, or another clause. Returns null when no role follows.
 */
export function roleAfter(tokens: readonly Token[], npLast: number, ceiling: number): Span | null {
  if (tokens[npLast + 1]?.text !== ',') return null;
  const first = npLast + 2;
  const opener = tokens[first];
  if (
    !isWord(opener) ||
    ROLE_STOPPERS.has(opener.lower) ||
    (cueUse(opener.lower) !== undefined && !opener.upper) ||
    opener.lower === 'according'
  )
    return null;
  let last = first - 1;
  for (let k = first; k <= ceiling; k++) {
    const tok = tokens[k];
    if (!tok) break;
    if (
      tok.type === 'quote' ||
      tok.text === ';' ||
      tok.text === '.' ||
      tok.text === '!' ||
      tok.text === '?' ||
      tok.text === '('
    )
      break;
    if (k > first && tok.type === 'word' && ROLE_STOPPERS.has(tok.lower)) break; // "a bus driver who was sheltering ..."
    if (k > first && tok.type === 'word' && !tok.upper && cueUse(tok.lower) === 'participle') break;
    if (tok.text === ',') {
      const next = tokens[k + 1];
      if (
        !next ||
        ROLE_END_WORDS.has(next.lower) ||
        (cueUse(next.lower) !== undefined && !next.upper)
      )
        break;
    }
    if (
      tok.type === 'word' &&
      !tok.upper &&
      cueUse(tok.lower) !== undefined &&
      AUXILIARIES.has(tokens[k - 1]?.lower ?? '')
    )
      break;
    last = k;
  }
  while (last >= first && tokens[last]?.type !== 'word') last--;
  if (last < first) return null;
  if (/^\p{N}+$/u.test(opener.text) && last === first) return null; // an age, not a role
  return { first, last };
}

/**
 * The head of a noun phrase, before any attached prepositional phrase or qualifier:
 * "Residents" in "Residents of the Chawama township in Lusaka", "two diplomats" in "two
 * diplomats familiar with the talks". Connectors inside capitalised names are kept
 * ("Board of Control for Cricket").
 */
export function headSpan(tokens: readonly Token[], np: Span): Span {
  for (let k = np.first + 1; k <= np.last; k++) {
    const tok = tokens[k];
    if (!tok || tok.type !== 'word' || tok.upper) continue;
    if (isConnectorBetweenNames(tokens, k)) continue;
    if (
      PREPOSITIONS.has(tok.lower) ||
      QUALIFYING_ADJECTIVES.has(tok.lower) ||
      isAttachingParticiple(tok)
    )
      return { first: np.first, last: k - 1 };
  }
  return np;
}
