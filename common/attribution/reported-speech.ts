import { cueUse, OBJECT_CUES, SAY_FORMS, takesClause } from './cues.ts';
import {
  quotedAsSaying,
  sentenceSubject,
  speakerAfterCue,
  speakerBeforeCue,
  speakerOfWithParticiple,
  type CueSpeaker,
} from './cue-speakers.ts';
import {
  ADJUNCT_NOUNS,
  AUXILIARIES,
  BE_FORMS,
  COORDINATORS,
  DETERMINERS,
  MODALS,
  MONTHS,
  NEGATIONS,
  OBJECT_PRONOUNS,
  PREPOSITIONS,
  WEEKDAYS,
} from './lexicon.ts';
import { IRREGULAR_PARTICIPLES, IRREGULAR_PAST } from './lexicon.ts';
import { nounPhraseStartingAt } from './noun-phrases.ts';
import { quotationWordCount, type Quotation } from './quotes.ts';
import { afterDateline, type Sentence } from './sentences.ts';
import { hasGapWithin, resolveSpeaker, unknownSource, type SpeakerContext } from './speakers.ts';
import type { Statement } from './statement.ts';
import type { Token } from './tokens.ts';

function isWord(tok: Token | undefined): tok is Token {
  return tok !== undefined && tok.type === 'word';
}

const INTRO_WORDS = new Set([
  'already',
  'still',
  'however',
  'meanwhile',
  'instead',
  'separately',
  'overall',
  'now',
  'yet',
  'also',
  'again',
  'moreover',
  'indeed',
  'nevertheless',
  'nonetheless',
  'previously',
  'earlier',
  'later',
  'today',
  'yesterday',
  'finally',
  'first',
  'second',
]);
const TIME_NOUNS = new Set([
  'week',
  'month',
  'year',
  'weekend',
  'night',
  'morning',
  'afternoon',
  'evening',
  'day',
  'summer',
  'winter',
  'spring',
  'fall',
  'autumn',
  'season',
  'quarter',
  'weeks',
  'months',
  'years',
  'days',
  'decades',
  'decade',
  'hours',
]);
const ADJUNCT_PREPOSITIONS = new Set([
  'in',
  'at',
  'during',
  'on',
  'to',
  'through',
  'via',
  'after',
  'before',
  'while',
  'from',
  'over',
  'for',
]);
const TRAILING_JUNK = new Set([',', ':', ';', '\u2014', '\u2013', '-', '.', '!', '?', '(', ')']);
/** A subject after these words is hypothetical: "until officials said it was safe". */
const HYPOTHETICAL = new Set([
  'until',
  'unless',
  'if',
  'whether',
  'before',
  'once',
  'when',
  'whenever',
]);
/** Participles that report a clause: "..., saying the plan had failed." */
const REPORTING_PARTICIPLES = new Set([
  'saying',
  'adding',
  'noting',
  'warning',
  'arguing',
  'insisting',
  'claiming',
  'explaining',
  'stressing',
  'declaring',
  'acknowledging',
  'complaining',
  'alleging',
]);
/** Verbs of belief that take a bare clause as readily as "say" does. */
const CLAUSE_WITHOUT_THAT = new Set([
  'believe',
  'believes',
  'believed',
  'think',
  'thinks',
  'thought',
  'add',
  'adds',
  'added',
  'estimate',
  'estimates',
  'estimated',
  'predict',
  'predicts',
  'predicted',
  'warn',
  'warns',
  'warned',
  'insist',
  'insists',
  'insisted',
  'claim',
  'claims',
  'claimed',
  'argue',
  'argues',
  'argued',
  'write',
  'writes',
  'wrote',
]);
/** Verbs that need a complement like "be" does: "the debt remained "the elephant in the room"". */
const LINKING_VERBS = new Set([
  'remain',
  'remains',
  'remained',
  'become',
  'becomes',
  'became',
  'seem',
  'seems',
  'seemed',
  'appear',
  'appears',
  'appeared',
  'look',
  'looks',
  'looked',
  'feel',
  'feels',
  'felt',
  'sound',
  'sounds',
  'sounded',
  'stay',
  'stays',
  'stayed',
]);
/** Quotations this short inside a reported clause are part of it ("kept "the heart" intact"). */
const EMBEDDED_QUOTE_WORDS = 3;
/**
 * Longer quoted phrases are too, when they end without punctuation of their own ("watching it "with
 * a high sense of urgency" and would act").
 */
const EMBEDDED_PHRASE_WORDS = 8;

function embeddedInClause(ctx: SpeakerContext, q: Quotation): boolean {
  const words = quotationWordCount(ctx.layout.tokens, q);
  if (words <= EMBEDDED_QUOTE_WORDS) return true;
  const content = ctx.layout.text.slice(q.start, q.end);
  // A phrase in the speaker's own first or second person ("the cuts we refused") is quoted
  // speech, not a phrase borrowed into the reporter's clause.
  return (
    words <= EMBEDDED_PHRASE_WORDS &&
    !/[,.!?;:]$/.test(content) &&
    !/\b(?:I|we|us|our|my|me|you|your)\b/i.test(content)
  );
}

/** Where the statement of a sentence begins: after "But", "Already," and the like. */
export function bodyStart(tokens: readonly Token[], s: Sentence): number {
  let k = afterDateline(tokens, s.first, s.end);
  if (isWord(tokens[k]) && COORDINATORS.has(tokens[k]?.lower ?? '')) k++;
  const tok = tokens[k];
  if (
    isWord(tok) &&
    tokens[k + 1]?.text === ',' &&
    (INTRO_WORDS.has(tok.lower) || (tok.lower.endsWith('ly') && tok.lower.length > 4))
  )
    k += 2;
  return k;
}

/** Skips time and manner adjuncts after a speech verb: "Tuesday", "last week", "in a statement". */
function skipAdjuncts(tokens: readonly Token[], k: number, end: number): number {
  for (let round = 0; round < 4 && k < end; round++) {
    const tok = tokens[k];
    if (!isWord(tok)) break;
    const lw = tok.lower;
    const next = tokens[k + 1];
    if (
      WEEKDAYS.has(lw) ||
      [
        'yesterday',
        'today',
        'tonight',
        'recently',
        'previously',
        'again',
        'repeatedly',
        'publicly',
        'privately',
        'separately',
        'earlier',
        'later',
        'also',
        'late',
      ].includes(lw)
    ) {
      k++;
      if (next && TIME_NOUNS.has(next.lower)) k++;
      continue;
    }
    if (['last', 'this', 'earlier', 'next'].includes(lw) && next && TIME_NOUNS.has(next.lower)) {
      k += 2;
      continue;
    }
    if (ADJUNCT_PREPOSITIONS.has(lw)) {
      let found = -1;
      for (let j = k + 1; j < Math.min(end, k + 8); j++) {
        const w = tokens[j];
        if (!isWord(w)) break;
        if (
          AUXILIARIES.has(w.lower) ||
          (cueUse(w.lower) === 'clause' && !ADJUNCT_NOUNS.has(w.lower))
        )
          break;
        if (
          ADJUNCT_NOUNS.has(w.lower) ||
          WEEKDAYS.has(w.lower) ||
          (MONTHS.has(w.lower) && w.upper) ||
          TIME_NOUNS.has(w.lower)
        )
          found = j;
        else if (found >= 0) break;
      }
      if (found < 0) break;
      k = found + 1;
      continue;
    }
    break;
  }
  return k;
}

/**
 * Whether an attribution ends here: only adjuncts remain before the end of the sentence, or
 * before a comma that appends something else ("..., researchers reported on Wednesday, a
 * finding that ...", "..., said Helima Croft, head of ..., and did little ...").
 */
function attributionEndsAt(tokens: readonly Token[], k: number, end: number): boolean {
  const j = skipAdjuncts(tokens, k, end);
  if (j >= end) return true;
  const tok = tokens[j];
  if (!tok || tok.type !== 'punct') return false;
  if (tok.text === ',') return true;
  for (let m = j; m < end; m++) if (tokens[m]?.type !== 'punct') return false;
  return true;
}

/**
 * After "told", the listener: "..., Krishnan told reporters.", "..., he told PTI in Patna.",
 * "..., she told the news agency." Returns the token after the listener, or after the verb.
 */
function afterToldObject(tokens: readonly Token[], c: number, end: number): number {
  if (tokens[c]?.lower !== 'told') return c + 1;
  let j = c + 1;
  if (DETERMINERS.has(tokens[j]?.lower ?? '')) j++;
  const from = j;
  while (j < end && j < from + 4) {
    const w = tokens[j];
    if (
      !isWord(w) ||
      (!w.upper &&
        (PREPOSITIONS.has(w.lower) ||
          AUXILIARIES.has(w.lower) ||
          COORDINATORS.has(w.lower) ||
          cueUse(w.lower) !== undefined))
    )
      break;
    j++;
  }
  return j > from ? j : c + 1;
}

/**
 * Skips an adjunct between a verb and its "that": "told AFP by telephone that", "has argued
 * in the past that", "cautioned, however, that", "said on social media that". Only a phrase
 * opening on a preposition or a comma is skipped, so a relative "that" ("said the people that
 * he met ...") is left alone.
 */
function skipToThat(tokens: readonly Token[], k: number, end: number): number {
  const lead = tokens[k];
  // Not "to": "agreed to drop a provision that ..." is an infinitive with a relative clause.
  if (
    !lead ||
    !(
      lead.text === ',' ||
      (isWord(lead) &&
        !lead.upper &&
        PREPOSITIONS.has(lead.lower) &&
        lead.lower !== 'that' &&
        lead.lower !== 'to')
    )
  )
    return k;
  for (let j = k + 1; j < Math.min(end, k + 8); j++) {
    const tok = tokens[j];
    if (!tok || tok.type === 'quote' || (tok.type === 'punct' && tok.text !== ',')) return k;
    if (tok.lower === 'that') {
      const after = tokens[j + 1];
      return isWord(after) && !AUXILIARIES.has(after.lower) ? j : k;
    }
    if (
      isWord(tok) &&
      !tok.upper &&
      (AUXILIARIES.has(tok.lower) || cueUse(tok.lower) !== undefined)
    )
      return k;
  }
  return k;
}

/**
 * Participles that, after a comma, describe what the speaker did rather than continue what was
 * said.
 */
const SUBJECT_PARTICIPLES = new Set([
  'adding',
  'saying',
  'blaming',
  'citing',
  'pointing',
  'referring',
  'noting',
  'arguing',
  'insisting',
  'accusing',
  'urging',
  'calling',
  'describing',
  'dismissing',
]);

/** "about a fifth of its sales", "nearly a third": a quantity opening a reported clause. */
const FRACTION_WORDS = new Set([
  'third',
  'quarter',
  'fifth',
  'tenth',
  'half',
  'dozen',
  'hundred',
  'thousand',
  'million',
  'billion',
  'lakh',
  'crore',
]);
/**
 * Common nouns after a medium's name: "the Frankfurter Allgemeine newspaper", "the Lusa news
 * agency".
 */
const MEDIA_NOUNS = new Set([
  'newspaper',
  'daily',
  'weekly',
  'magazine',
  'news',
  'agency',
  'channel',
  'broadcaster',
  'television',
  'radio',
  'website',
  'network',
  'paper',
]);

/**
 * Where the reported clause after the speech verb at `c` starts, or -1 when the verb reports
 * no clause ("told reporters.", "warned of a crisis", "denied the charges").
 */
function clauseStart(ctx: SpeakerContext, c: number, end: number, needsThat: boolean): number {
  const tokens = ctx.layout.tokens;
  const cue = tokens[c];
  if (!cue) return -1;
  let k = c + 1;
  if (OBJECT_CUES.has(cue.lower)) {
    const obj = tokens[k];
    let objEnd = -1;
    if (isWord(obj) && OBJECT_PRONOUNS.has(obj.lower)) objEnd = k;
    else {
      const np = nounPhraseStartingAt(tokens, k, end - 1);
      if (np) objEnd = np.last;
      // "told the Frankfurter Allgemeine newspaper the workforce ...": the medium's common noun
      // ends the name.
      for (
        let n = 0;
        objEnd >= 0 &&
        n < 3 &&
        tokens[objEnd]?.upper &&
        MEDIA_NOUNS.has(tokens[objEnd + 1]?.lower ?? '');
        n++
      ) {
        objEnd++;
        if (!MEDIA_NOUNS.has(tokens[objEnd + 1]?.lower ?? '')) break;
      }
    }
    const isTell = ['tell', 'tells', 'told'].includes(cue.lower);
    if (objEnd >= 0) {
      const afterObj = skipAdjuncts(tokens, objEnd + 1, end);
      // "told the Lusa news agency.": only the addressee, no clause reported.
      if (isTell && !hasVerb(tokens, objEnd, end - 1)) return -1;
      if (isTell || tokens[afterObj]?.lower === 'that') k = objEnd + 1;
    } else if (isTell) {
      return -1;
    }
  }
  k = skipAdjuncts(tokens, k, end);
  k = skipToThat(tokens, k, end);
  let hasThat = false;
  if (tokens[k]?.lower === 'that') {
    const afterThat = tokens[k + 1];
    // "said that was wrong": "that" is the subject, not a conjunction.
    if (!(isWord(afterThat) && AUXILIARIES.has(afterThat.lower))) {
      k++;
      hasThat = true;
    }
  }
  if (needsThat && !hasThat) return -1;
  const first = tokens[k];
  if (k >= end || !first) return -1;
  if (!isWord(first)) return -1;
  const second = tokens[k + 1];
  // "about 31,000 runners", "over 11 lakh complaints", "at least 14 workers", "up to 500 people"
  // open clauses with a number.
  const third = tokens[k + 2]?.lower ?? '';
  const fraction =
    second?.lower === 'half' ||
    (['a', 'an', 'one'].includes(second?.lower ?? '') && FRACTION_WORDS.has(third));
  const quantity =
    (['about', 'over', 'under', 'around', 'above', 'below', 'nearly', 'almost'].includes(
      first.lower,
    ) &&
      (/^\p{N}/u.test(second?.text ?? '') || fraction)) ||
    (first.lower === 'at' && ['least', 'most'].includes(second?.lower ?? '')) ||
    (first.lower === 'up' && second?.lower === 'to');
  if (!quantity && (first.lower === 'to' || first.lower === 'of' || first.lower === 'about'))
    return -1;
  if (!quantity && !hasThat && !first.upper && PREPOSITIONS.has(first.lower)) return -1;
  if (
    !first.upper &&
    (AUXILIARIES.has(first.lower) || cueUse(first.lower) === 'clause') &&
    !hasGapWithin(ctx.gaps, first.start, first.start)
  )
    return -1;
  // "said making a change ...": a participle, unless it is a gerund subject with its verb
  // ("said reaching Wembley was the proudest moment").
  if (!first.upper && first.lower.endsWith('ing') && !hasThat && !gerundSubject(tokens, k, end))
    return -1;
  return k;
}

/**
 * "reaching Wembley was ...": a gerund phrase followed, before any punctuation, by a finite verb.
 */
function gerundSubject(tokens: readonly Token[], k: number, end: number): boolean {
  for (let j = k + 1; j < Math.min(end, k + 7); j++) {
    const tok = tokens[j];
    if (!isWord(tok)) return false;
    // "said fogging would be carried out": a single gerund before a modal is a subject too.
    if (['is', 'was', 'are', 'were', 'would', 'will', 'could', 'has', 'had'].includes(tok.lower))
      return j > k + 1 || ['would', 'will', 'could'].includes(tok.lower);
  }
  return false;
}

function wordCount(tokens: readonly Token[], first: number, last: number): number {
  let n = 0;
  for (let k = first; k <= last; k++) if (tokens[k]?.type === 'word') n++;
  return n;
}

/**
 * A clause that needs the quotation after it to be complete ("the country has told Russia",
 * "the documents were", "the conservatives had tabled", "would not sign"), so that it only
 * leads into the quotation.
 */
function isLeadIn(tokens: readonly Token[], first: number, last: number): boolean {
  if (wordCount(tokens, first, last) < 4) return true;
  const tail = tokens[last];
  const before = tokens[last - 1];
  if (!tail) return true;
  const tl = tail.lower;
  if (
    AUXILIARIES.has(tl) ||
    LINKING_VERBS.has(tl) ||
    DETERMINERS.has(tl) ||
    PREPOSITIONS.has(tl) ||
    ['that', 'as', 'to', 'be', 'than', 'so'].includes(tl)
  )
    return true;
  if (before && !tail.upper) {
    const bl = before.lower;
    if (
      ['have', 'has', 'had'].includes(bl) &&
      (tl.endsWith('ed') || tl.endsWith('en') || IRREGULAR_PARTICIPLES.has(tl))
    )
      return true; // "had tabled"
    if (MODALS.has(bl) || NEGATIONS.has(bl)) return true; // "would not sign"
  }
  for (let k = Math.max(first, last - 2); k <= last; k++) {
    const tok = tokens[k];
    if (isWord(tok) && !tok.upper && cueUse(tok.lower) !== undefined) return true;
  }
  return false;
}

/** Trims trailing punctuation and conjunctions off a clause ending at `last`. */
function trimEnd(tokens: readonly Token[], first: number, last: number): number {
  while (last >= first) {
    const tok = tokens[last];
    if (!tok) break;
    if (
      TRAILING_JUNK.has(tok.text) ||
      (tok.type === 'word' && (COORDINATORS.has(tok.lower) || tok.lower === 'that'))
    )
      last--;
    else break;
  }
  return last;
}

function hasQuoteIn(quoteOf: Int32Array, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) if ((quoteOf[k] ?? -1) >= 0) return true;
  return false;
}

/** Whether the token starts a new verb phrase that shares the subject: "and warned that ...". */
function startsCoordinatedReport(tokens: readonly Token[], k: number): boolean {
  const tok = tokens[k];
  if (!isWord(tok) || !COORDINATORS.has(tok.lower)) return false;
  const next = tokens[k + 1];
  return isWord(next) && !next.upper && cueUse(next.lower) !== undefined;
}

/** Whether words of the clause follow at `k` (not the end of the sentence or a new clause). */
function continuesClause(tokens: readonly Token[], k: number, end: number): boolean {
  const tok = tokens[k];
  if (k >= end || !tok) return false;
  // "... "clinging to power" and called for a new vote": a new verb phrase of the speaker's.
  if (isWord(tok) && COORDINATORS.has(tok.lower))
    return AUXILIARIES.has(tokens[k + 1]?.lower ?? '');
  if (tok.type === 'word') return true;
  const next = tokens[k + 1];
  return tok.text === ',' && isWord(next) && k + 1 < end && !COORDINATORS.has(next.lower);
}

/** ", and the industry group Maklarsamfundet said ...": a new clause with its own speaker. */
function startsAttributedClause(tokens: readonly Token[], k: number, end: number): boolean {
  const conj = tokens[k];
  if (!isWord(conj) || !COORDINATORS.has(conj.lower)) return false;
  if (tokens[k + 1]?.lower === 'that') return false; // "..., and that ...": the same report goes on
  for (let j = k + 1; j < Math.min(end, k + 10); j++) {
    const tok = tokens[j];
    if (!tok || tok.type !== 'word') return false;
    if (!tok.upper && cueUse(tok.lower) === 'clause' && j > k + 1) return true;
    if (!tok.upper && (AUXILIARIES.has(tok.lower) || (PREPOSITIONS.has(tok.lower) && j === k + 1)))
      return false;
  }
  return false;
}

/** "and that ...", "but that ...": a conjunction opening another clause of the same report. */
function startsThatClause(tokens: readonly Token[], k: number): boolean {
  const tok = tokens[k];
  if (!isWord(tok) || (tok.lower !== 'and' && tok.lower !== 'but')) return false;
  if (tokens[k + 1]?.lower !== 'that') return false;
  // "and that was the end": "that" is a pronoun subject, not a conjunction.
  return !AUXILIARIES.has(tokens[k + 2]?.lower ?? '');
}

/**
 * ", an accusation that ...", ", a move which ...": a noun phrase commenting on what came before.
 */
function isAppendedComment(tokens: readonly Token[], k: number, end: number): boolean {
  const det = tokens[k];
  // After a name the phrase describes the name: "agreed to buy Stackwise, a maker of ...".
  if (tokens[k - 2]?.upper) return false;
  if (!isWord(det) || (det.lower !== 'a' && det.lower !== 'an')) return false;
  for (let j = k + 1; j < Math.min(end, k + 4); j++) {
    const tok = tokens[j];
    if (!isWord(tok) || tok.upper || PREPOSITIONS.has(tok.lower) || AUXILIARIES.has(tok.lower))
      return false;
    if (tok.lower === 'that' || tok.lower === 'which') return j > k + 1;
  }
  return false;
}

/**
 * Whether the clause has a verb: a complement without one ("acknowledged the slowdown") reports no
 * statement.
 */
function hasVerb(tokens: readonly Token[], first: number, last: number): boolean {
  for (let k = first + 1; k <= last; k++) {
    const tok = tokens[k];
    if (!isWord(tok) || tok.upper) continue;
    // ", compared with a profit": a participle after a comma modifies; it is not the verb.
    if (tokens[k - 1]?.text === ',' && !AUXILIARIES.has(tok.lower)) continue;
    if (
      AUXILIARIES.has(tok.lower) ||
      /(?:ed|es)$/.test(tok.lower) ||
      IRREGULAR_PARTICIPLES.has(tok.lower) ||
      IRREGULAR_PAST.has(tok.lower)
    )
      return true;
  }
  return false;
}

/** Subordinators that, before a participle, open a circumstance rather than a statement. */
const ADJUNCT_SUBORDINATORS = new Set(['while', 'when', 'after', 'before', 'since', 'whilst']);

/**
 * Whether the words after a speech verb (or before a trailing "he said") tell the
 * circumstance of speaking, not what was said: "said while talking to a private news channel",
 * "said in a text message sent to mobile phones", "said in an interview broadcast
 * simultaneously on ...", "Dismissing corruption allegations, he said". Such a phrase opens
 * with a participle, an adverb or "while"/"when" and a participle, and has no finite verb.
 */
function isAdjunct(tokens: readonly Token[], first: number, last: number): boolean {
  const a = tokens[first];
  const b = tokens[first + 1];
  if (!isWord(a)) return false;
  // A fronted phrase with no verb of its own ("As per the local paper, X said", "In a
  // statement, X said") says where the words come from, not what was said.
  const opensAdjunct =
    PREPOSITIONS.has(a.lower) ||
    a.lower === 'as' ||
    /(?:ing|ly)$/.test(a.lower) ||
    (ADJUNCT_SUBORDINATORS.has(a.lower) && isWord(b) && /ing$/.test(b.lower)) ||
    ((/ed$/.test(a.lower) || IRREGULAR_PARTICIPLES.has(a.lower) || a.lower === 'broadcast') &&
      isWord(b) &&
      PREPOSITIONS.has(b.lower));
  return opensAdjunct && !hasVerb(tokens, first, last);
}

/** Whether only closing punctuation is left of the sentence from `k`. */
function endsSentence(tokens: readonly Token[], k: number, end: number): boolean {
  if (k < 0) return false;
  for (let j = k; j < end; j++) {
    const tok = tokens[j];
    if (!tok || tok.type !== 'punct' || !['.', '!', '?', ')'].includes(tok.text)) return false;
  }
  return true;
}

interface Clause {
  readonly first: number;
  readonly last: number;
  /** Token after the quotation that cut the clause short, or -1. */
  readonly resumeAt: number;
}

/**
 * The reported clause from token `k`: to the end of the sentence, a semicolon, a coordinated
 * speech verb ("and warned ..."), or a quotation that carries the rest of what was said. A
 * clause that only leads into its quotation is kept when words follow the quotation ("kept
 * "the heart of the bill" intact"), cut back to a complete first conjunct ("her party would
 * stay at the table but would not sign "...""), or dropped.
 */
function extractClause(ctx: SpeakerContext, k: number, end: number): Clause | null {
  const { tokens, quoteOf, quotations } = ctx.layout;
  let e = k;
  let cutBy = -1;
  while (e < end) {
    const t = tokens[e];
    if (!t) break;
    const qi = quoteOf[e] ?? -1;
    if (qi >= 0) {
      const q = quotations[qi];
      // A short quotation inside the clause is part of it ("what executives called
      // "premiumization" was risky"); one that ends the clause completes it like any other.
      if (
        q &&
        embeddedInClause(ctx, q) &&
        q.closeToken !== null &&
        continuesClause(tokens, q.closeToken + 1, end)
      ) {
        e = q.closeToken + 1;
        continue;
      }
      cutBy = qi;
      break;
    }
    if (t.text === ';' || startsCoordinatedReport(tokens, e)) break;
    // "..., an accusation that UN experts have supported": an appositive comment on the clause.
    if (t.text === ',' && e > k && isAppendedComment(tokens, e + 1, end)) break;
    // "said it would close two plants, blaming weak demand": the subject's own participle, not what
    // was said.
    if (t.text === ',' && e > k && SUBJECT_PARTICIPLES.has(tokens[e + 1]?.lower ?? '')) break;
    if (
      t.text === ',' &&
      (startsCoordinatedReport(tokens, e + 1) || startsAttributedClause(tokens, e + 1, end))
    )
      break;
    e++;
  }
  let last = trimEnd(tokens, k, e - 1);
  if (last < k) return null;
  const q = cutBy >= 0 ? quotations[cutBy] : undefined;
  if (!q) return { first: k, last, resumeAt: -1 };
  const resumeAt = q.closeToken === null ? -1 : q.closeToken + 1;
  // "would present plans for a power price "within weeks".": a short quoted phrase that ends the
  // sentence completes the clause, which then only leads into it; the quotation alone is
  // reported, or a complete first conjunct before it ("... and that he had called the bill "a
  // priority."").
  const completedByQuote = embeddedInClause(ctx, q) && endsSentence(tokens, resumeAt, end);
  // "... was so outdated that "...": a clause ending on "that" leads into the quotation.
  if (!completedByQuote && tokens[e - 1]?.lower !== 'that' && !isLeadIn(tokens, k, last))
    return { first: k, last, resumeAt };
  const after = tokens[resumeAt];
  if (
    resumeAt >= 0 &&
    resumeAt < end &&
    isWord(after) &&
    !after.upper &&
    !COORDINATORS.has(after.lower) &&
    after.lower !== 'said'
  ) {
    let f = resumeAt;
    while (f < end && tokens[f]?.text !== ';' && !startsCoordinatedReport(tokens, f)) f++;
    last = trimEnd(tokens, k, f - 1);
    return { first: k, last, resumeAt: -1 };
  }
  if (
    resumeAt >= 0 &&
    resumeAt < end &&
    isWord(after) &&
    COORDINATORS.has(after.lower) &&
    AUXILIARIES.has(tokens[resumeAt + 1]?.lower ?? '')
  ) {
    // "the group would "remain cautious" and was ready to act ..."
    let f = resumeAt;
    while (f < end && tokens[f]?.text !== ';' && (quoteOf[f] ?? -1) < 0) f++;
    last = trimEnd(tokens, k, f - 1);
    return { first: k, last, resumeAt: -1 };
  }
  for (let j = last - 1; j > k; j--) {
    const t = tokens[j];
    // "... if no new law is passed, a scenario critics call the "...": the appended comment leads
    // in.
    if (t?.text === ',' && ['a', 'an'].includes(tokens[j + 1]?.lower ?? '')) {
      const firstPart = trimEnd(tokens, k, j - 1);
      if (firstPart >= k && !isLeadIn(tokens, k, firstPart))
        return { first: k, last: firstPart, resumeAt };
      continue;
    }
    // "... a new school library in her hometown, which she called "...": the relative clause leads
    // in.
    if (isWord(t) && ['which', 'who', 'where'].includes(t.lower) && tokens[j - 1]?.text === ',') {
      const firstPart = trimEnd(tokens, k, j - 2);
      if (firstPart >= k && !isLeadIn(tokens, k, firstPart))
        return { first: k, last: firstPart, resumeAt };
      continue;
    }
    if (!isWord(t) || !COORDINATORS.has(t.lower)) continue;
    const next = tokens[j + 1];
    // "... but the resolution was "a political drama"": a second clause with its own subject
    // leads in; the first conjunct is the report.
    const newSubject =
      isWord(next) &&
      DETERMINERS.has(next.lower) &&
      next.lower !== 'that' &&
      hasVerb(tokens, j + 1, last);
    if (!isWord(next) || !(AUXILIARIES.has(next.lower) || next.lower === 'that' || newSubject))
      continue;
    const firstPart = trimEnd(tokens, k, j - 1);
    if (firstPart >= k && !isLeadIn(tokens, k, firstPart))
      return { first: k, last: firstPart, resumeAt };
  }
  return { first: k, last: -1, resumeAt };
}

/** The token before `k` skipping adverbs between a subject and its verb ("which also says"). */
function skipBack(tokens: readonly Token[], k: number): number {
  while (
    k > 0 &&
    ['also', 'now', 'still', 'often', 'repeatedly', 'has', 'have', 'had'].includes(
      tokens[k]?.lower ?? '',
    )
  )
    k--;
  return k;
}

/**
 * "Republican state Sen. Paul Marchetti": a verb's bare form straight before a capitalised word
 * is a noun modifying a title or name; an inverted attribution uses a finite form ("said Smith").
 */
export function isBaseFormBeforeName(tokens: readonly Token[], c: number): boolean {
  const tok = tokens[c];
  const next = tokens[c + 1];
  if (!isWord(tok) || !isWord(next) || !next.upper) return false;
  const lw = tok.lower;
  return !/(?:s|ed)$/.test(lw) && !IRREGULAR_PAST.has(lw) && !IRREGULAR_PARTICIPLES.has(lw);
}

/** Whether the verb at `c` is used as a noun, infinitive, passive, or is negated. */
function notAReport(tokens: readonly Token[], c: number): boolean {
  const prev = tokens[c - 1];
  if (isBaseFormBeforeName(tokens, c)) return true;
  if (/^tanks?$/.test(tokens[c + 1]?.lower ?? '')) return true; // "think tank"
  if (!isWord(prev)) return false;
  const pl = prev.lower;
  if (DETERMINERS.has(pl) || pl.endsWith("'s")) return true;
  if (pl === 'to' || MODALS.has(pl) || BE_FORMS.has(pl) || NEGATIONS.has(pl) || pl.endsWith("n't"))
    return true;
  const two = tokens[c - 2];
  return (
    isWord(two) &&
    NEGATIONS.has(two.lower) &&
    ['have', 'has', 'had', 'did', 'does', 'do'].includes(pl)
  );
}

function makeStatement(
  ctx: SpeakerContext,
  first: number,
  last: number,
  cue: string,
  speaker: CueSpeaker,
  cueFirst: number,
  cueLast: number,
  by: string,
): Statement | null {
  const tokens = ctx.layout.tokens;
  const a = tokens[first];
  const b = tokens[last];
  if (!a || !b || b.end <= a.start) return null;
  const extentFirst = tokens[Math.min(speaker.first, cueFirst)];
  const extentLast = tokens[Math.max(speaker.last, cueLast)];
  return {
    start: a.start,
    end: b.end,
    kind: 'indirect',
    cue,
    source: speaker.source,
    extentStart: extentFirst?.start ?? a.start,
    extentEnd: extentLast?.end ?? b.end,
    paragraph: a.para,
    by,
  };
}

/**
 * Finds reported speech in one sentence: "X said (that) ...", "X told reporters ...",
 * "X believes ...", "..., X said.", "..., said X.", "according to X, ...", "..., according to X.",
 * "..., saying ...". Statements nested inside an earlier reported clause of the same sentence
 * are not reported separately; text inside quotation marks is left to direct speech.
 */
export function reportedStatements(ctx: SpeakerContext, sentenceIndex: number): Statement[] {
  const { tokens, sentences, quoteOf } = ctx.layout;
  const s = sentences[sentenceIndex];
  if (!s) return [];
  const out: Statement[] = [];
  let consumedUntil = -1;
  const end = s.end;
  const start = bodyStart(tokens, s);

  /**
   * Emits the clauses a speaker reports from token `k`, including "... "..." and that ..."
   * continuations.
   */
  const emitClauses = (
    k: number,
    cue: Token,
    c: number,
    speaker: CueSpeaker,
    by: string,
    needsVerb = false,
  ): void => {
    for (let round = 0; round < 3 && k >= 0; round++) {
      const clause = extractClause(ctx, k, end);
      if (!clause) return;
      consumedUntil = Math.max(consumedUntil, clause.last, clause.resumeAt);
      if (needsVerb && !hasVerb(tokens, clause.first, clause.last)) return;
      if (isAdjunct(tokens, clause.first, clause.last)) return;
      if (clause.last >= clause.first && wordCount(tokens, clause.first, clause.last) >= 2) {
        const st = makeStatement(ctx, clause.first, clause.last, cue.text, speaker, c, c, by);
        if (st) out.push(st);
      }
      // "... had given "everything they had" and that the club would not appeal ..."
      let r = clause.resumeAt;
      if (r < 0) return;
      if (tokens[r]?.text === ',') r++;
      if (!startsThatClause(tokens, r)) return;
      k = r + 2;
    }
  };

  for (let c = s.first; c < end; c++) {
    if (c <= consumedUntil || (quoteOf[c] ?? -1) >= 0) continue;
    const tok = tokens[c];
    if (!isWord(tok)) continue;
    if (tok.lower === 'according' && tokens[c + 1]?.lower === 'to') {
      consumedUntil = Math.max(consumedUntil, accordingTo(ctx, s, c, start, out));
      continue;
    }
    if (tok.upper) continue;
    const use = cueUse(tok.lower);

    if (
      use === 'participle' &&
      REPORTING_PARTICIPLES.has(tok.lower) &&
      tokens[c - 1]?.text === ','
    ) {
      const speaker = speakerOfAttributionBefore(ctx, s, c - 1) ?? sentenceSubject(ctx, s, c - 1);
      const k = speaker
        ? clauseStart(ctx, c, end, tok.lower !== 'saying' && tok.lower !== 'adding')
        : -1;
      if (speaker && k >= 0) emitClauses(k, tok, c, speaker, 'reported/participle-after-comma');
      continue;
    }
    // "..., with its state chief Prakash Shetty saying the probe would be ...": the noun
    // phrase after "with" is the speaker of the participle.
    if (use === 'participle' && REPORTING_PARTICIPLES.has(tok.lower)) {
      // "Kumar was quoted as saying ...", "with X saying ...".
      const speaker = quotedAsSaying(ctx, c, s.first) ?? speakerOfWithParticiple(ctx, c, s.first);
      const k = speaker ? clauseStart(ctx, c, end, false) : -1;
      if (speaker && k >= 0) emitClauses(k, tok, c, speaker, 'reported/with-participle');
      continue;
    }
    if (!takesClause(tok.lower) || notAReport(tokens, c)) continue;

    let speaker = speakerBeforeCue(ctx, c, s.first, false);
    const aside = asideBefore(tokens, c, s.first);
    // "Mayor Tim Kerr – who has led the city since 2019 – said ...": the subject stands before
    // an aside set off by dashes.
    if (!speaker && aside >= 0) speaker = speakerBeforeCue(ctx, aside, s.first, false);
    if (!speaker && COORDINATORS.has(tokens[c - 1]?.lower ?? '')) {
      // "Rahman acknowledged the slowdown but said ...": the verb shares the sentence's subject.
      speaker = sentenceSubject(ctx, s, c - 1);
    }
    if (!speaker) {
      // "..., said Smith." — the attribution trails, inverted.
      if (tokens[c - 1]?.text === ',') {
        const after = speakerAfterCue(ctx, c, end - 1);
        if (after && attributionEndsAt(tokens, after.last + 1, end)) {
          const last = trimEnd(tokens, start, c - 2);
          if (
            last >= start &&
            wordCount(tokens, start, last) >= 3 &&
            !isAdjunct(tokens, start, last)
          ) {
            const st = makeStatement(
              ctx,
              start,
              last,
              tok.text,
              after,
              c,
              after.last,
              'reported/trailing-cue-then-speaker',
            );
            if (st) framePartialQuotes(ctx, st, start, last, out);
          }
          consumedUntil = Math.max(consumedUntil, after.last);
        }
      }
      continue;
    }
    if (HYPOTHETICAL.has(tokens[speaker.first - 1]?.lower ?? '')) continue;

    // "..., X said." — the attribution trails the statement.
    const beforeSubject = tokens[speaker.first - 1];
    if (
      beforeSubject?.text === ',' &&
      attributionEndsAt(tokens, afterToldObject(tokens, c, end), end)
    ) {
      const last = trimEnd(tokens, start, speaker.first - 2);
      if (last >= start && wordCount(tokens, start, last) >= 3 && !isAdjunct(tokens, start, last)) {
        const st = makeStatement(
          ctx,
          start,
          last,
          tok.text,
          speaker,
          c,
          c,
          'reported/trailing-speaker-then-cue',
        );
        if (st) framePartialQuotes(ctx, st, start, last, out);
      }
      consumedUntil = Math.max(consumedUntil, c);
      continue;
    }

    const k = clauseStart(ctx, c, end, use === 'that');
    if (k < 0) continue;
    // "The app, which says it has 150 million users, has also faced ...": the relative clause
    // ends at the comma before the main verb.
    const subjectWord = tokens[skipBack(tokens, c - 1)]?.lower;
    if (subjectWord === 'which' || subjectWord === 'who') {
      // Set off by commas ("Nora Blake, who argued that ..., won"), the clause ends at the next
      // comma; otherwise at the comma before a main verb.
      const setOff = tokens[skipBack(tokens, c - 1) - 1]?.text === ',';
      let stop = k;
      while (
        stop < end &&
        !(tokens[stop]?.text === ',' && (setOff || AUXILIARIES.has(tokens[stop + 1]?.lower ?? '')))
      )
        stop++;
      if (stop < end) {
        const last = trimEnd(tokens, k, stop - 1);
        if (last >= k && wordCount(tokens, k, last) >= 2) {
          const st = makeStatement(
            ctx,
            k,
            last,
            tok.text,
            speaker,
            c,
            c,
            'reported/relative-clause',
          );
          if (st) out.push(st);
        }
        consumedUntil = Math.max(consumedUntil, stop);
        continue;
      }
    }
    // Beyond "say", "tell" and "believe", a verb without "that" may take a plain object
    // ("acknowledged the slowdown"); only a complement with a verb of its own is a statement.
    const needsVerb =
      !SAY_FORMS.has(tok.lower) &&
      !CLAUSE_WITHOUT_THAT.has(tok.lower) &&
      tokens[k - 1]?.lower !== 'that';
    // "reported a 21 per cent fall", "declared an interim dividend": an indefinite object, no
    // clause.
    if (needsVerb && ['a', 'an'].includes(tokens[k]?.lower ?? '')) continue;
    emitClauses(
      k,
      tok,
      c,
      speaker,
      use === 'that' ? 'reported/cue-that-clause' : 'reported/cue-clause',
      needsVerb,
    );
  }
  return out;
}

/**
 * '"...," Patil said, adding that ...', "..., one of the sources said, adding ...", '"...,"
 * said Patil, adding ...': a participle after an attribution continues that speaker's turn,
 * whatever the sentence opened with.
 */
function speakerOfAttributionBefore(
  ctx: SpeakerContext,
  s: Sentence,
  comma: number,
): CueSpeaker | null {
  const tokens = ctx.layout.tokens;
  for (let c = comma - 1; c >= Math.max(s.first, comma - 10); c--) {
    const tok = tokens[c];
    if (!tok || tok.type === 'quote') return null;
    if (!isWord(tok) || tok.upper) continue;
    const use = cueUse(tok.lower);
    if (use === undefined || use === 'participle') continue;
    // "X said [on Tuesday]," : the speaker comes before the verb.
    if (skipAdjuncts(tokens, c + 1, comma) === comma) {
      const before = speakerBeforeCue(ctx, c, s.first, true);
      if (before) return before;
    }
    // "said X[, the role]," : the speaker follows it.
    const after = speakerAfterCue(ctx, c, comma - 1);
    if (after && after.last >= comma - 1) return after;
    return null;
  }
  return null;
}

/**
 * "According to X, ..." (the statement follows), "..., according to X." and "..., according
 * to X, with ..." (the statement precedes). Returns the last token consumed.
 */
function accordingTo(
  ctx: SpeakerContext,
  s: Sentence,
  c: number,
  start: number,
  out: Statement[],
): number {
  const { tokens, quoteOf } = ctx.layout;
  let np = nounPhraseStartingAt(tokens, c + 2, s.end - 1);
  if (!np) return c + 1;
  // "According to officials of the Assembly secretariat, ...": at the head of the sentence the
  // source runs to its comma.
  if (c <= start && tokens[np.last + 1]?.text !== ',') {
    for (let j = np.last + 1; j <= Math.min(s.end - 1, np.last + 4); j++) {
      const tok = tokens[j];
      if (tok?.text === ',') {
        np = { first: np.first, last: j - 1 };
        break;
      }
      if (
        !isWord(tok) ||
        tok.upper ||
        AUXILIARIES.has(tok.lower) ||
        cueUse(tok.lower) !== undefined ||
        /ed$/.test(tok.lower)
      )
        break;
    }
  }
  const cueTok = tokens[c];
  // "according to the state weather agency,[name].": a gap after the comma took the name.
  const npEnd =
    tokens[np.last + 1]?.text === ','
      ? (tokens[np.last + 1]?.end ?? 0)
      : (tokens[np.last]?.end ?? 0);
  const source =
    cueTok && hasGapWithin(ctx.gaps, cueTok.end, npEnd)
      ? unknownSource()
      : resolveSpeaker(ctx, np, null, false);
  if (!source) return np.last;
  const speaker: CueSpeaker = { source, first: np.first, last: np.last };
  let first: number;
  let last: number;
  if (c <= start) {
    first = np.last + 1;
    if (tokens[first]?.text === ',') first++;
    let e = first;
    while (e < s.end && (quoteOf[e] ?? -1) < 0 && tokens[e]?.text !== ';') e++;
    last = trimEnd(tokens, first, e - 1);
  } else {
    first = start;
    last = trimEnd(tokens, start, c - 1);
  }
  if (last < first || hasQuoteIn(quoteOf, first, last) || wordCount(tokens, first, last) < 3)
    return np.last;
  const st = makeStatement(
    ctx,
    first,
    last,
    'according to',
    speaker,
    c,
    c + 1,
    c <= start ? 'reported/according-to-before' : 'reported/according-to-after',
  );
  if (st) out.push(st);
  return Math.max(np.last, last);
}

/**
 * A reported clause that trails its attribution keeps its quoted words apart: under the
 * labelling conventions only those words are a statement (direct), so the clause is not
 * reported; its frame is recorded so that the direct stage gives each quotation inside it
 * this speaker, however short ("The call was of a "personal" nature, he said").
 */
function framePartialQuotes(
  ctx: SpeakerContext,
  st: Statement,
  first: number,
  last: number,
  out: Statement[],
): void {
  const { quoteOf } = ctx.layout;
  if (!hasQuoteIn(quoteOf, first, last)) {
    out.push(st);
    return;
  }
  for (let k = first; k <= last; k++) {
    const qi = quoteOf[k] ?? -1;
    if (qi >= 0 && !ctx.partialQuoteFrames.has(qi)) ctx.partialQuoteFrames.set(qi, st);
  }
}

const DASHES = new Set(['\u2013', '\u2014', '--']);

/**
 * When the word before the verb at `cue` closes an aside set off by dashes, the index of the
 * dash that opens it (within the sentence from `floor`); else -1.
 */
function asideBefore(tokens: readonly Token[], cue: number, floor: number): number {
  if (!DASHES.has(tokens[cue - 1]?.text ?? '')) return -1;
  for (let k = cue - 3; k > floor; k--) if (DASHES.has(tokens[k]?.text ?? '')) return k;
  return -1;
}
