import { cueUse, OBJECT_CUES, takesClause } from './cues.ts';
import { speakerAfterCue, speakerBeforeCue, type CueSpeaker } from './cue-speakers.ts';
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
import { nounPhraseStartingAt } from './noun-phrases.ts';
import type { Sentence } from './sentences.ts';
import { hasGapWithin, resolveSpeaker, unknownSource, type SpeakerContext } from './speakers.ts';
import type { Statement } from './statement.ts';
import type { Token } from './tokens.ts';

function isWord(tok: Token | undefined): tok is Token {
  return tok !== undefined && tok.type === 'word';
}

const INTRO_WORDS = new Set(['already', 'still', 'however', 'meanwhile', 'instead', 'separately', 'overall', 'now', 'yet', 'also', 'again', 'moreover', 'indeed', 'nevertheless', 'nonetheless', 'previously', 'earlier', 'later', 'today', 'yesterday', 'finally', 'first', 'second']);
const TIME_NOUNS = new Set(['week', 'month', 'year', 'weekend', 'night', 'morning', 'afternoon', 'evening', 'day', 'summer', 'winter', 'spring', 'fall', 'autumn', 'season', 'quarter']);
const ADJUNCT_PREPOSITIONS = new Set(['in', 'at', 'during', 'on', 'to', 'through', 'via', 'after', 'before', 'while', 'from', 'over']);
const TRAILING_JUNK = new Set([',', ':', ';', '\u2014', '\u2013', '-', '.', '!', '?', '(', ')']);

/** Where the statement of a sentence begins: after "But", "Already," and the like. */
export function bodyStart(tokens: readonly Token[], s: Sentence): number {
  let k = s.first;
  if (isWord(tokens[k]) && COORDINATORS.has(tokens[k]?.lower ?? '')) k++;
  const tok = tokens[k];
  if (isWord(tok) && tokens[k + 1]?.text === ',' && (INTRO_WORDS.has(tok.lower) || (tok.lower.endsWith('ly') && tok.lower.length > 4))) k += 2;
  return k;
}

/** Skips time and manner adjuncts after a speech verb: "Tuesday", "last week", "in a statement,". */
function skipAdjuncts(tokens: readonly Token[], k: number, end: number): number {
  for (let round = 0; round < 4 && k < end; round++) {
    const tok = tokens[k];
    if (!isWord(tok)) break;
    const lw = tok.lower;
    const next = tokens[k + 1];
    if (WEEKDAYS.has(lw) || ['yesterday', 'today', 'tonight', 'recently', 'previously', 'again', 'repeatedly', 'publicly', 'privately', 'separately', 'earlier', 'later', 'also', 'late'].includes(lw)) {
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
        if (AUXILIARIES.has(w.lower) || cueUse(w.lower) === 'clause' && !ADJUNCT_NOUNS.has(w.lower)) break;
        if (ADJUNCT_NOUNS.has(w.lower) || WEEKDAYS.has(w.lower) || (MONTHS.has(w.lower) && w.upper) || TIME_NOUNS.has(w.lower)) found = j;
        else if (found >= 0) break;
      }
      if (found < 0) break;
      k = found + 1;
      if (tokens[k]?.text === ',') k++;
      continue;
    }
    break;
  }
  return k;
}

/** Whether only adjuncts and closing punctuation remain from `k` to the end of the sentence. */
function onlyAdjunctsRemain(tokens: readonly Token[], k: number, end: number): boolean {
  const j = skipAdjuncts(tokens, k, end);
  for (let m = j; m < end; m++) {
    const tok = tokens[m];
    if (!tok || tok.type !== 'punct') return false;
  }
  return true;
}

/**
 * Where the reported clause after the speech verb at `c` starts, or -1 when the verb reports
 * no clause ("told reporters.", "warned of a crisis", "denied the charges").
 */
function clauseStart(ctx: SpeakerContext, c: number, end: number): number {
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
    }
    const isTell = ['tell', 'tells', 'told'].includes(cue.lower);
    if (objEnd >= 0) {
      const afterObj = skipAdjuncts(tokens, objEnd + 1, end);
      if (isTell || tokens[afterObj]?.lower === 'that') k = objEnd + 1;
    } else if (isTell) {
      return -1;
    }
  }
  k = skipAdjuncts(tokens, k, end);
  let hasThat = false;
  if (tokens[k]?.lower === 'that') {
    const afterThat = tokens[k + 1];
    // "said that was wrong": "that" is the subject, not a conjunction.
    if (!(isWord(afterThat) && AUXILIARIES.has(afterThat.lower))) {
      k++;
      hasThat = true;
    }
  }
  if (cueUse(cue.lower) === 'that' && !hasThat) return -1;
  const first = tokens[k];
  if (k >= end || !first) return -1;
  if (first.type === 'quote') return -1;
  if (!isWord(first)) return -1;
  if (first.lower === 'to' || first.lower === 'of' || first.lower === 'about') return -1;
  if (!hasThat && !first.upper && PREPOSITIONS.has(first.lower)) return -1;
  if (!first.upper && (AUXILIARIES.has(first.lower) || cueUse(first.lower) === 'clause') && !hasGapWithin(ctx.gaps, first.start, first.start)) return -1;
  if (!first.upper && (first.lower.endsWith('ing') && !hasThat)) return -1;
  return k;
}

/** A clause cut off by a quotation that only leads into it ("the country has told Russia "..."). */
function isLeadIn(tokens: readonly Token[], first: number, last: number): boolean {
  let words = 0;
  for (let k = first; k <= last; k++) if (tokens[k]?.type === 'word') words++;
  if (words < 4) return true;
  const tail = tokens[last];
  if (!tail) return true;
  if (AUXILIARIES.has(tail.lower) || DETERMINERS.has(tail.lower) || PREPOSITIONS.has(tail.lower) || ['that', 'as', 'to', 'is', 'was', 'be'].includes(tail.lower)) return true;
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
    if (TRAILING_JUNK.has(tok.text) || (tok.type === 'word' && (COORDINATORS.has(tok.lower) || tok.lower === 'that'))) last--;
    else break;
  }
  return last;
}

function hasQuoteIn(quoteOf: Int32Array, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) if ((quoteOf[k] ?? -1) >= 0) return true;
  return false;
}

/** Whether the verb at `c` is used as a noun, infinitive, passive, or is negated. */
function notAReport(tokens: readonly Token[], c: number): boolean {
  const prev = tokens[c - 1];
  if (!isWord(prev)) return false;
  const pl = prev.lower;
  if (DETERMINERS.has(pl) || pl.endsWith("'s")) return true;
  if (pl === 'to' || MODALS.has(pl) || BE_FORMS.has(pl) || NEGATIONS.has(pl) || pl.endsWith("n't")) return true;
  const two = tokens[c - 2];
  return isWord(two) && NEGATIONS.has(two.lower) && ['have', 'has', 'had', 'did', 'does', 'do'].includes(pl);
}

function makeStatement(ctx: SpeakerContext, first: number, last: number, cue: string, speaker: CueSpeaker, cueFirst: number, cueLast: number): Statement | null {
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
  };
}

function wordCount(tokens: readonly Token[], first: number, last: number): number {
  let n = 0;
  for (let k = first; k <= last; k++) if (tokens[k]?.type === 'word') n++;
  return n;
}

/**
 * Finds reported speech in one sentence: "X said (that) ...", "X told reporters ...",
 * "X believes ...", "..., X said.", "..., said X.", "according to X, ...", "..., according to X."
 * Statements nested inside an earlier reported clause of the same sentence are not reported
 * separately; text inside quotation marks is left to direct speech.
 */
export function reportedStatements(ctx: SpeakerContext, sentenceIndex: number): Statement[] {
  const { tokens, sentences, quoteOf } = ctx.layout;
  const s = sentences[sentenceIndex];
  if (!s) return [];
  const out: Statement[] = [];
  let consumedUntil = -1;
  const end = s.end;
  const start = bodyStart(tokens, s);

  for (let c = s.first; c < end; c++) {
    if (c <= consumedUntil || (quoteOf[c] ?? -1) >= 0) continue;
    const tok = tokens[c];
    if (!isWord(tok) || tok.upper) {
      if (isWord(tok) && tok.lower === 'according' && tokens[c + 1]?.lower === 'to') {
        const done = accordingTo(ctx, s, c, start, out);
        consumedUntil = Math.max(consumedUntil, done);
      }
      continue;
    }
    if (tok.lower === 'according' && tokens[c + 1]?.lower === 'to') {
      consumedUntil = Math.max(consumedUntil, accordingTo(ctx, s, c, start, out));
      continue;
    }
    if (!takesClause(tok.lower) || notAReport(tokens, c)) continue;

    const speaker = speakerBeforeCue(ctx, c, s.first, false);
    if (!speaker) {
      // "..., said Smith." — the attribution trails, inverted.
      if (tokens[c - 1]?.text === ',') {
        const after = speakerAfterCue(ctx, c, end - 1);
        if (after && onlyAdjunctsRemain(tokens, after.last + 1, end)) {
          const last = trimEnd(tokens, start, c - 2);
          if (last >= start && !hasQuoteIn(quoteOf, start, last) && wordCount(tokens, start, last) >= 3) {
            const st = makeStatement(ctx, start, last, tok.text, after, c, after.last);
            if (st) out.push(st);
          }
          consumedUntil = end;
        }
      }
      continue;
    }

    // "..., X said." — the attribution trails the statement.
    const beforeSubject = tokens[speaker.first - 1];
    if (beforeSubject?.text === ',' && onlyAdjunctsRemain(tokens, c + 1, end)) {
      const last = trimEnd(tokens, start, speaker.first - 2);
      if (last >= start && !hasQuoteIn(quoteOf, start, last) && wordCount(tokens, start, last) >= 3) {
        const st = makeStatement(ctx, start, last, tok.text, speaker, c, c);
        if (st) out.push(st);
      }
      consumedUntil = end;
      continue;
    }

    const k = clauseStart(ctx, c, end);
    if (k < 0) continue;
    let e = k;
    let cutByQuote = false;
    while (e < end) {
      const t = tokens[e];
      if (!t) break;
      if ((quoteOf[e] ?? -1) >= 0) {
        cutByQuote = true;
        break;
      }
      if (t.text === ';') break;
      e++;
    }
    const last = trimEnd(tokens, k, e - 1);
    consumedUntil = Math.max(consumedUntil, e - 1);
    if (last < k || wordCount(tokens, k, last) < 2) continue;
    if (cutByQuote && isLeadIn(tokens, k, last)) continue;
    const st = makeStatement(ctx, k, last, tok.text, speaker, c, c);
    if (st) out.push(st);
  }
  return out;
}

/**
 * "According to X, ..." (the statement follows), "..., according to X." and "..., according
 * to X, with ..." (the statement precedes). Returns the last token consumed.
 */
function accordingTo(ctx: SpeakerContext, s: Sentence, c: number, start: number, out: Statement[]): number {
  const { tokens, quoteOf } = ctx.layout;
  const np = nounPhraseStartingAt(tokens, c + 2, s.end - 1);
  if (!np) return c + 1;
  const cueTok = tokens[c];
  const npEnd = tokens[np.last]?.end ?? 0;
  const source = cueTok && hasGapWithin(ctx.gaps, cueTok.end, npEnd) ? unknownSource() : resolveSpeaker(ctx, np, null, false);
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
  if (last < first || hasQuoteIn(quoteOf, first, last) || wordCount(tokens, first, last) < 3) return np.last;
  const st = makeStatement(ctx, first, last, 'according to', speaker, c, c + 1);
  if (st) out.push(st);
  return Math.max(np.last, last);
}
