import { cueUse } from './cues.ts';
import { DANGLING_ENDINGS, MODALS, PERSON_NOUNS, PREPOSITIONS } from './lexicon.ts';
import type { Layout } from './layout.ts';
import type { Token } from './tokens.ts';
import { type Add, CLAUSE_OPENERS, FINITE, isPastVerb } from './gap-grammar.ts';

/**
 * Gap rules about clauses and paragraphs: a clause that lost its subject, a body paragraph that
 * stops mid-sentence, a verb or participle stranded where a name was cut.
 */

/**
 * "Reporting by ; Editing by )": the credit line of wire copy with its names cut. A "by"
 * straight before a semicolon or a closing bracket never ends a phrase in running text.
 */
export function creditLineRule(
  t: Token,
  n: Token | undefined,
  after: Token | undefined,
  add: Add,
): void {
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
export function pastVerbAfterOpenerRule(
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
export function openerBeforeCoordinatorRule(
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
export function strandedAfterParticipleRule(
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
export function adminNounAfterPlaceRule(
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
export function relativeAfterPersonRule(
  t: Token,
  n: Token | undefined,
  prev: Token | undefined,
  add: Add,
): void {
  if (t.upper || !['at', 'with', 'from'].includes(t.lower) || !n || n.lower !== 'who' || n.upper)
    return;
  if (prev && prev.type === 'word' && PERSON_NOUNS.has(prev.lower)) add(n.start);
}

/** "said will ...": the reported clause lost its subject; '," said.': the speaker was cut. */
export function speechVerbRule(
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

const CONJUNCTION_STARTS = new Set(['but', 'and', 'yet', 'so', 'or']);

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
export function clauseStartRule(
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

/**
 * A body paragraph that stops without punctuation was cut after its last word ("... crowded
 * camps in", "... expert at the"). Short unpunctuated paragraphs are headings and bylines,
 * unless they end on a word that cannot end anything.
 */
export function paragraphEndRule(layout: Layout, add: Add): void {
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
export function paragraphStartRule(layout: Layout, add: Add): void {
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
