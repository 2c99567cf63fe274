import type { Source } from '../model/attribution.ts';
import { cueUse, LABEL_CUES, TITLE_NOUNS } from './cues.ts';
import {
  quotedAsSaying,
  sentenceSubject,
  speakerAfterCue,
  speakerBeforeCue,
  speakerOfWithParticiple,
  type CueSpeaker,
} from './cue-speakers.ts';
import { AUXILIARIES, COORDINATORS, DETERMINERS, PREPOSITIONS } from './lexicon.ts';
import { quotationWordCount, type Quotation } from './quotes.ts';
import type { Sentence } from './sentences.ts';
import { hasGapWithin, unknownSource, type SpeakerContext } from './speakers.ts';
import type { Statement } from './statement.ts';
import { isBaseFormBeforeName } from './reported-speech.ts';
import type { Token } from './tokens.ts';

interface Found {
  readonly speaker: CueSpeaker;
  readonly cue: string | null;
  readonly cueToken: number;
  /** Whether the cue only labels ("called it a "..."") rather than reports speech. */
  readonly label: boolean;
  /** The rule that found it, for `--explain`. */
  readonly rule: string;
}

/** Short quotations need a speaker and a speech verb close by; otherwise they are scare quotes. */
const SHORT_QUOTE_WORDS = 3;
/** Words that name a title or nickname in quotation marks rather than introduce speech. */
const NAMING_WORDS = new Set([
  'titled',
  'entitled',
  'named',
  'nicknamed',
  'headlined',
  'renamed',
  'so-called',
  'marked',
  'stamped',
  'reading',
  'labelled',
  'labeled',
  'hashtag',
]);
const ENDERS = new Set(['.', '!', '?']);

function isWord(tok: Token | undefined): tok is Token {
  return tok !== undefined && tok.type === 'word';
}

/** "Blue Harbor", "Operation Clean Sweep": capitalised words, no closing punctuation. */
function looksLikeTitle(content: string): boolean {
  if (/[,.!?;:]$/.test(content)) return false;
  const words = content.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 8) return false;
  const small = new Set([
    'of',
    'the',
    'and',
    'a',
    'an',
    'in',
    'on',
    'for',
    'to',
    'at',
    'by',
    'with',
    'from',
    'or',
  ]);
  let capitals = 0;
  for (const [i, w] of words.entries()) {
    if (/^\p{Lu}/u.test(w)) capitals++;
    else if (i === 0 || !small.has(w.toLowerCase())) return false;
  }
  return capitals > 0;
}

/**
 * 'the five "guarantee" schemes', 'its "quiet mode" feature': one or two quoted words between a
 * determiner or number and a noun modify that noun; nobody is being quoted.
 */
function isQuotedModifier(tokens: readonly Token[], q: Quotation): boolean {
  if (q.closeToken === null || quotationWordCount(tokens, q) > 2) return false;
  const before = tokens[q.openToken - 1];
  const after = tokens[q.closeToken + 1];
  const lastInner = tokens[q.lastInnerToken];
  if (!isWord(before) || !isWord(after) || !isWord(lastInner) || after.upper) return false;
  const modifierSlot =
    DETERMINERS.has(before.lower) || /^\p{N}/u.test(before.text) || NUMBER_WORDS.has(before.lower);
  const nounAfter =
    !PREPOSITIONS.has(after.lower) &&
    !COORDINATORS.has(after.lower) &&
    cueUse(after.lower) === undefined &&
    !AUXILIARIES.has(after.lower);
  return modifierSlot && nounAfter;
}

const NUMBER_WORDS = new Set([
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'several',
  'many',
  'few',
  'both',
]);

/** A title or a scare quote: "a film called "Blue Harbor"", "a so-called "peace dividend"". */
function isNamingContext(tokens: readonly Token[], q: Quotation): boolean {
  const before = tokens[q.openToken - 1];
  if (!isWord(before)) return false;
  if (isQuotedModifier(tokens, q)) return true;
  if (NAMING_WORDS.has(before.lower) || TITLE_NOUNS.has(before.lower)) return true;
  const twoBack = tokens[q.openToken - 2];
  if (
    (before.lower === 'called' || before.lower === 'dubbed' || before.lower === 'as') &&
    isWord(twoBack) &&
    TITLE_NOUNS.has(twoBack.lower)
  )
    return true;
  return false;
}

/**
 * Finds the speaker of a quotation from what follows it in its sentence:
 * ", says Aaron Stein, ...", ", Akar, Turkey's defense minister, said last week.", ", he said.",
 * ", according to the ministry."
 */
function attributeAfter(ctx: SpeakerContext, lo: number, hi: number): Found | null {
  const tokens = ctx.layout.tokens;
  let k = lo;
  // '"...," , a senior official at the ministry, told AFP': a second comma after the quotation's
  // own means the name before the appositive was cut.
  const close = tokens[lo - 1];
  const nameCut =
    tokens[k]?.text === ',' &&
    close?.type === 'quote' &&
    tokens[lo - 2]?.text === ',' &&
    tokens[lo - 2]?.end === close.start;
  if (tokens[k]?.text === ',') k++;
  const t = tokens[k];
  if (k > hi || !isWord(t)) return null;
  const use = t.upper ? undefined : cueUse(t.lower);
  // '"...," told PTI': the listener follows "told", never the speaker; the speaker was cut.
  if ((t.lower === 'told' || t.lower === 'tells') && hasGapWithin(ctx.gaps, t.start - 1, t.start)) {
    return {
      speaker: { source: unknownSource(), first: k, last: k },
      cue: t.text,
      cueToken: k,
      label: false,
      rule: 'told-after-gap',
    };
  }
  if (use !== undefined && use !== 'participle') {
    const speaker = speakerAfterCue(ctx, k, hi);
    return speaker
      ? { speaker, cue: t.text, cueToken: k, label: false, rule: 'cue-then-speaker' }
      : null;
  }
  if (t.lower === 'according' && tokens[k + 1]?.lower === 'to') {
    const speaker = speakerAfterCue(ctx, k + 1, hi);
    return speaker
      ? { speaker, cue: 'according to', cueToken: k, label: false, rule: 'according-to-after' }
      : null;
  }
  for (let c = k + 1; c <= hi && c <= k + 30; c++) {
    const tok = tokens[c];
    if (!tok || tok.type === 'quote' || ENDERS.has(tok.text)) return null;
    if (!isWord(tok) || tok.upper) continue;
    // '"...," Kumar was quoted as saying.', '"...," Reuters quoted Kumar as saying.'
    const quoted = quotedAsSaying(ctx, c, k);
    if (quoted)
      return {
        speaker: quoted,
        cue: tok.text,
        cueToken: c,
        label: false,
        rule: 'quoted-as-saying',
      };
    const cu = cueUse(tok.lower);
    if (cu === undefined || cu === 'participle') continue;
    const speaker = speakerBeforeCue(ctx, c, k, true);
    if (nameCut && tokens[c - 1]?.text === ',' && c - 2 >= k) {
      const role = ctx.layout.text.slice(t.start, tokens[c - 2]?.end ?? t.end);
      ctx.registry.notePerson(ctx.registry.strippedPerson(role));
      return {
        speaker: { source: unknownSource(role), first: k, last: c - 1 },
        cue: tok.text,
        cueToken: c,
        label: false,
        rule: 'appositive-after-cut-name',
      };
    }
    if (speaker && speaker.first === k)
      return {
        speaker,
        cue: tok.text,
        cueToken: c,
        label: LABEL_CUES.has(tok.lower),
        rule: 'speaker-then-cue',
      };
    return null;
  }
  return null;
}

/**
 * Whether the speech verb at `c` is used as a noun or phrasal verb ("its claims", "called for").
 */
function notASpeechVerb(tokens: readonly Token[], c: number): boolean {
  const prev = tokens[c - 1];
  const next = tokens[c + 1];
  const tok = tokens[c];
  if (!tok) return true;
  if (isWord(prev) && (DETERMINERS.has(prev.lower) || prev.lower.endsWith("'s"))) return true;
  if (isBaseFormBeforeName(tokens, c)) return true;
  if (
    LABEL_CUES.has(tok.lower) &&
    isWord(next) &&
    ['for', 'on', 'off', 'up', 'in', 'out'].includes(next.lower)
  )
    return true;
  return false;
}

/**
 * Finds the speaker of a quotation from the words before it in its sentence: the nearest
 * speech verb with a speaker as its subject ("Top Russian officials have often called Idlib a
 * "...""; "Putin said he would not rule out ... but "...""), "according to X, "..."", or a
 * participle whose subject is the sentence's subject (", saying "..."").
 */
function attributeBefore(
  ctx: SpeakerContext,
  lo: number,
  hi: number,
  sentence: Sentence,
): Found | null {
  const tokens = ctx.layout.tokens;
  let tries = 0;
  for (let c = hi; c >= lo; c--) {
    const tok = tokens[c];
    // "According to Kumar, "..."": capitalised when it opens the sentence.
    if (!isWord(tok) || (tok.upper && tok.lower !== 'according')) continue;
    if (tok.lower === 'according' && tokens[c + 1]?.lower === 'to' && c + 1 <= hi) {
      const speaker = speakerAfterCue(ctx, c + 1, hi);
      if (speaker)
        return { speaker, cue: 'according to', cueToken: c, label: false, rule: 'according-to' };
      continue;
    }
    const use = cueUse(tok.lower);
    if (use === undefined || notASpeechVerb(tokens, c)) continue;
    tries++;
    let speaker: CueSpeaker | null;
    let rule = 'cue-before';
    if (use === 'participle') {
      rule = 'participle-before';
      // 'Kumar was quoted as saying: "..."', ', saying "..."', 'with X saying "..."'.
      speaker = quotedAsSaying(ctx, c, Math.min(lo, sentence.first));
      if (!speaker && tokens[c - 1]?.text === ',') speaker = sentenceSubject(ctx, sentence, c);
      else if (!speaker) speaker = speakerOfWithParticiple(ctx, c, Math.min(lo, sentence.first));
    } else {
      speaker = speakerBeforeCue(ctx, c, Math.min(lo, sentence.first), false);
      // "... and warned that firms were "running out of patience."": the verb shares the subject.
      if (!speaker && COORDINATORS.has(tokens[c - 1]?.lower ?? ''))
        speaker = sentenceSubject(ctx, sentence, c - 1);
      // "Brandt Motoren declined to comment on what it called "market speculation"": the
      // pronoun of a "what" clause is the sentence's subject, not yet noted as an antecedent.
      if (
        !speaker &&
        tokens[c - 2]?.lower === 'what' &&
        ['it', 'they'].includes(tokens[c - 1]?.lower ?? '')
      ) {
        const subject = sentenceSubject(ctx, sentence, c - 2);
        if (subject && subject.last < c - 2 && tokens[subject.first]?.upper) speaker = subject;
      }
    }
    if (speaker)
      return { speaker, cue: tok.text, cueToken: c, label: LABEL_CUES.has(tok.lower), rule };
    if (tries >= 2) return null;
  }
  return null;
}

/** The reported statement whose clause contains the quotation, looking back a few statements. */
function enclosingReport(history: readonly Statement[], q: Quotation): Statement | undefined {
  for (let i = history.length - 1; i >= Math.max(0, history.length - 4); i--) {
    const st = history[i];
    if (st && st.kind === 'indirect' && st.start < q.start && st.end > q.end) return st;
  }
  return undefined;
}

/** The statement that a quotation without its own attribution continues, if any. */
function continuedTurn(
  ctx: SpeakerContext,
  q: Quotation,
  words: number,
  history: readonly Statement[],
): Statement | undefined {
  const tokens = ctx.layout.tokens;
  const opener = tokens[q.openToken];
  const last = history[history.length - 1];
  if (!opener || !last) return undefined;
  if (last.paragraph === opener.para) return last;
  const para = ctx.layout.paragraphs[opener.para];
  if (
    last.paragraph === opener.para - 1 &&
    para?.firstToken === q.openToken &&
    words > SHORT_QUOTE_WORDS
  )
    return last;
  return undefined;
}

/**
 * Attributes the quotation with index `qi`, or returns null for scare quotes, titles and
 * nicknames. `history` holds the statements found so far, in reading order.
 */
export function attributeQuotation(
  ctx: SpeakerContext,
  qi: number,
  history: readonly Statement[],
): Statement | null {
  const { tokens, sentences, sentenceOf, quotations, text } = ctx.layout;
  const q = quotations[qi];
  if (!q) return null;
  const closeIdx = q.closeToken ?? q.lastInnerToken;
  const sOpen = sentences[sentenceOf[q.openToken] ?? -1];
  const sClose = sentences[sentenceOf[closeIdx] ?? -1];
  if (!sOpen || !sClose) return null;
  const prevQ = quotations[qi - 1];
  const nextQ = quotations[qi + 1];
  const beforeLo = Math.max(
    sOpen.first,
    prevQ ? (prevQ.closeToken ?? prevQ.lastInnerToken) + 1 : 0,
  );
  const afterHi = Math.min(sClose.end - 1, nextQ ? nextQ.openToken - 1 : Number.MAX_SAFE_INTEGER);
  const words = quotationWordCount(tokens, q);
  const content = text.slice(q.start, q.end);
  const opener = tokens[q.openToken];
  if (!opener || words === 0) return null;
  if (isNamingContext(tokens, q)) return null;

  let found = q.closeToken !== null ? attributeAfter(ctx, closeIdx + 1, afterHi) : null;
  // Every field written out: V8 builds spread objects far more slowly, per quotation.
  const made = (
    cue: string | null,
    source: Source,
    extentStart: number,
    extentEnd: number,
    by: string,
  ): Statement => ({
    start: q.start,
    end: q.end,
    kind: 'direct',
    paragraph: opener.para,
    cue,
    source,
    extentStart,
    extentEnd,
    by,
  });
  if (!found) {
    const before = attributeBefore(ctx, beforeLo, q.openToken - 1, sOpen);
    // A quotation inside someone's reported clause ("said the ruling showed that the
    // legislature had "taken a shortcut"") is theirs, not the inner subject's, unless a verb
    // inside the clause labels it ("said what executives called "premiumization" was risky").
    const host = enclosingReport(history, q) ?? ctx.partialQuoteFrames.get(qi);
    const labelled = before !== null && cueUse(tokens[before.cueToken]?.lower ?? '') === 'quote';
    if (host && !labelled)
      return made(
        host.cue,
        host.source,
        host.extentStart,
        host.extentEnd,
        'direct/inside-reported-clause',
      );
    if (before) found = before;
    // 'An official, who did not wish to be named, was more blunt: "..."', 'He said: "..."'.
    else if (tokens[q.openToken - 1]?.text === ':' && words > SHORT_QUOTE_WORDS)
      // The colon may end the paragraph before ("... issued the following statement:" and the
      // statement quoted below it): the subject is looked for in the colon's own sentence.
      found = colonLead(
        ctx,
        sentences[sentenceOf[q.openToken - 1] ?? -1] ?? sOpen,
        q.openToken - 1,
      );
  }
  const title = looksLikeTitle(content);
  if (found && title && found.label) return null;

  if (found) {
    const cueTok = tokens[found.cueToken];
    const first = tokens[Math.min(found.speaker.first, found.cueToken)];
    const last =
      tokens[Math.max(found.speaker.last, found.cueToken + (found.cue === 'according to' ? 1 : 0))];
    return made(
      found.cue,
      found.speaker.source,
      first?.start ?? cueTok?.start ?? q.start,
      last?.end ?? cueTok?.end ?? q.end,
      `direct/${found.rule}`,
    );
  }
  // '"It was terrifying," Lopez said. "We lost everything."': a short but whole sentence quoted
  // on its own continues the turn of the speaker just quoted in the same paragraph.
  const wholeSentence =
    /^\p{Lu}/u.test(content) && /[.!?]$/.test(content) && sOpen.first === q.openToken;
  if (words <= SHORT_QUOTE_WORDS && wholeSentence && !title) {
    const last = history[history.length - 1];
    if (last && last.kind === 'direct' && last.paragraph === opener.para)
      return made(last.cue, last.source, q.start, q.end, 'direct/short-sentence-continues-turn');
  }
  if (words <= SHORT_QUOTE_WORDS || title) return null;
  const next = q.closeToken !== null ? attributeNextSentence(ctx, q) : null;
  if (next)
    return made(next.cue, next.speaker.source, q.start, q.end, 'direct/next-sentence-speaker');
  const turn = continuedTurn(ctx, q, words, history);
  if (turn) return made(turn.cue, turn.source, q.start, q.end, 'direct/continued-turn');
  // Someone is said to speak but cannot be named from the text: an unknown speaker. With no
  // speech verb at all (a sign's slogan, a quoted phrase), there is no statement to report.
  const cue =
    speechVerbIn(tokens, beforeLo, q.openToken - 1) ??
    (q.closeToken !== null ? speechVerbIn(tokens, closeIdx + 1, afterHi) : null);
  if (cue === null) return null;
  return made(cue, unknownSource(), q.start, q.end, 'direct/speech-verb-without-speaker');
}

/**
 * '"We have asked for this for years." Punjab DGP Harpreet Sandhu, who attended, said ...': a
 * quotation that opens its paragraph as a whole sentence, followed in the same paragraph by a
 * sentence whose subject speaks, is that subject's.
 */
function attributeNextSentence(ctx: SpeakerContext, q: Quotation): Found | null {
  const { tokens, sentences, sentenceOf, paragraphs } = ctx.layout;
  const close = q.closeToken;
  const opener = tokens[q.openToken];
  if (close === null || !opener || paragraphs[opener.para]?.firstToken !== q.openToken) return null;
  if (!ENDERS.has(tokens[q.lastInnerToken]?.text ?? '')) return null;
  const si = sentenceOf[close] ?? -1;
  const here = sentences[si];
  const next = sentences[si + 1];
  if (!here || !next || here.end - 1 !== close || tokens[next.first]?.para !== opener.para)
    return null;
  for (let c = next.first + 1; c < next.end && c <= next.first + 25; c++) {
    const tok = tokens[c];
    if (!tok || tok.type === 'quote') return null;
    if (!isWord(tok) || tok.upper) continue;
    const cu = cueUse(tok.lower);
    if (cu === undefined || cu === 'participle' || notASpeechVerb(tokens, c)) continue;
    const speaker = speakerBeforeCue(ctx, c, next.first, true);
    return speaker && speaker.first === next.first
      ? { speaker, cue: tok.text, cueToken: c, label: false, rule: 'next-sentence-speaker' }
      : null;
  }
  return null;
}

/**
 * The subject of the clause that a colon closes before a quotation, when that clause is the
 * sentence's own: 'Dalton smiled: "..."'. A person, group or organisation speaks; a thing
 * ("The plan has three parts:") does not.
 */
function colonLead(ctx: SpeakerContext, sentence: Sentence, colon: number): Found | null {
  const tokens = ctx.layout.tokens;
  for (let k = sentence.first; k < colon; k++) if (tokens[k]?.type === 'quote') return null;
  // A long introductory phrase ("Asked about reports linking him with a move to ...,") ends at
  // its comma; the subject follows it.
  let from = sentence;
  const lead = tokens[sentence.first];
  if (lead && lead.upper && (PREPOSITIONS.has(lead.lower) || /(?:ing|ed)$/.test(lead.lower))) {
    for (let k = sentence.first + 1; k < colon; k++) {
      if (tokens[k]?.text === ',') {
        from = { ...sentence, first: k + 1 };
        break;
      }
    }
  }
  const speaker = sentenceSubject(ctx, from, colon);
  if (!speaker || speaker.last >= colon - 1) return null;
  const head = tokens[speaker.first];
  const firstWord = speaker.source.name?.split(/\s+/)[0] ?? '';
  if (!head || (!head.upper && PREPOSITIONS.has(head.lower)) || PREPOSITIONS.has(firstWord))
    return null;
  const kind = speaker.source.kind;
  if (kind !== 'person' && kind !== 'group' && kind !== 'organization' && kind !== 'unknown')
    return null;
  return {
    speaker,
    cue: tokens[speaker.last + 1]?.text ?? ':',
    cueToken: colon,
    label: false,
    rule: 'colon-after-subject',
  };
}

/** The first speech verb between tokens `lo` and `hi`, if any. */
function speechVerbIn(tokens: readonly Token[], lo: number, hi: number): string | null {
  for (let k = lo; k <= hi; k++) {
    const tok = tokens[k];
    if (isWord(tok) && !tok.upper && cueUse(tok.lower) !== undefined && !notASpeechVerb(tokens, k))
      return tok.text;
  }
  return null;
}
