import type { Source } from '../model/attribution.ts';
import {
  ARTICLES,
  COORDINATORS,
  GROUP_NOUNS,
  IRREGULAR_PAST,
  ORGANIZATION_NAME_WORDS,
  ORGANIZATION_NOUNS,
  PERSON_NOUNS,
  PREPOSITIONS,
} from './lexicon.ts';
import {
  headForm,
  headSpan,
  nounPhraseEndingAt,
  nounPhraseStartingAt,
  preferNamedAppositive,
  roleAfter,
  subjectBefore,
} from './noun-phrases.ts';
import { afterDateline, type Sentence } from './sentences.ts';
import type { Token } from './tokens.ts';
import { hasGapWithin, resolveSpeaker, unknownSource, type SpeakerContext } from './speakers.ts';

/** The speaker found for a speech verb, with the token range that names them. */
export interface CueSpeaker {
  readonly source: Source;
  readonly first: number;
  readonly last: number;
}

/** A common noun that can name a speaker: "official", "authorities", "ministry". */
function isSpeakerHead(tok: Token): boolean {
  const h = headForm(tok);
  return PERSON_NOUNS.has(h) || GROUP_NOUNS.has(h) || ORGANIZATION_NOUNS.has(h);
}

/**
 * Whether the feed stripped words from the name spanning tokens [first, last]: a gap inside
 * it, one right before it behind a dangling article or preposition ("The for Human Rights"),
 * or, when `cueStart` is given, one between the name and its verb ("Turkish said"). Gaps
 * inside an appositive role do not make the name unknown.
 */
function nameHasGap(ctx: SpeakerContext, first: number, last: number, cueStart: number): boolean {
  const tokens = ctx.layout.tokens;
  const a = tokens[first];
  const b = tokens[last];
  if (!a || !b) return false;
  // "A senior official at the [name]", "Authorities in [name] said": the speaker is the
  // common noun heading the phrase; only the place or body after it was cut.
  const core = headSpan(tokens, { first, last });
  const coreHead = tokens[core.last];
  // A plural group noun is capitalised only because it opens the sentence ("Analysts at [name]
  // said").
  const commonHead =
    coreHead !== undefined &&
    (!coreHead.upper || (core.first === core.last && GROUP_NOUNS.has(coreHead.lower)));
  if (
    core.last < last &&
    coreHead &&
    commonHead &&
    coreHead.type === 'word' &&
    isSpeakerHead(coreHead)
  ) {
    return hasGapWithin(ctx.gaps, a.start + 1, coreHead.end);
  }
  let from = a.start + 1;
  const prev = tokens[first - 1];
  if (
    prev &&
    prev.type === 'word' &&
    !prev.upper &&
    (PREPOSITIONS.has(prev.lower) || ARTICLES.has(prev.lower)) &&
    prev.para === a.para
  ) {
    const before = tokens[first - 2];
    if (before && before.type === 'word' && ARTICLES.has(before.lower)) from = prev.start;
  }
  return hasGapWithin(ctx.gaps, from, cueStart >= 0 ? cueStart : b.end);
}

/**
 * The speaker of the speech verb at `cue`, named before it ("Aaron Stein, the director ...,
 * says"). When a gap lies inside the subject or right before the verb ("The for Human Rights
 * said", "Turkish said"), the name was stripped and the speaker is unknown.
 */
/** Adverbs that open a sentence before its subject: "Meanwhile, ...". */
const SENTENCE_ADVERBS = new Set([
  'meanwhile',
  'separately',
  'however',
  'earlier',
  'later',
  'also',
  'still',
  'now',
  'elsewhere',
  'besides',
  'moreover',
  'instead',
  'today',
  'yesterday',
]);

export function speakerBeforeCue(
  ctx: SpeakerContext,
  cue: number,
  floor: number,
  lenient: boolean,
): CueSpeaker | null {
  const tokens = ctx.layout.tokens;
  const cueTok = tokens[cue];
  if (!cueTok) return null;
  const subject = subjectBefore(tokens, cue, floor);
  const closing = tokens[cue - 1];
  const inner = tokens[cue - 2];
  if (
    closing?.text === ',' &&
    hasGapWithin(ctx.gaps, closing.start - 3, cueTok.start) &&
    tokens[cue - 2]?.type === 'word'
  ) {
    // "The jury, led by the Kenyan-born actor [name], praised ...": the cut name ended a phrase
    // set off after the subject; the subject before the first comma speaks.
    let start = floor;
    for (let f = floor + 1; f < cue - 2; f++) {
      if (tokens[f]?.text !== ',') continue;
      // "Meanwhile, activist T M Shivanna, who had filed a complaint with the [name], said":
      // a sentence adverb before the subject is set off by a comma of its own.
      const lead = tokens[start];
      if (
        f === start + 1 &&
        lead &&
        lead.type === 'word' &&
        lead.upper &&
        (SENTENCE_ADVERBS.has(lead.lower) || lead.lower.endsWith('ly'))
      ) {
        start = f + 1;
        continue;
      }
      // Only a participle or relative phrase ("led by", "which is owned by"), not an appositive
      // role.
      const opener = tokens[f + 1];
      if (
        !opener ||
        opener.upper ||
        !(
          /(?:ed|en)$/.test(opener.lower) ||
          IRREGULAR_PAST.has(opener.lower) ||
          ['who', 'which', 'whose', 'including'].includes(opener.lower)
        )
      )
        break;
      const np = nounPhraseEndingAt(tokens, f - 1, start);
      if (!np || np.first !== start) break;
      const source = resolveSpeaker(ctx, np, null, true);
      if (source) return { source, first: np.first, last: cue - 1 };
      break;
    }
  }
  // "His lawyer, senior advocate [name], argued": the name closing the appositive was cut.
  if (
    subject &&
    subject.role &&
    closing?.text === ',' &&
    inner &&
    hasGapWithin(ctx.gaps, inner.end, closing.start)
  ) {
    const role = ctx.layout.text.slice(tokens[subject.first]?.start ?? 0, inner.end);
    // "the lawyer said" later still points at them.
    ctx.registry.notePerson(ctx.registry.strippedPerson(role));
    return { source: unknownSource(role), first: subject.first, last: cue - 1 };
  }
  if (subject) {
    // A gap between the name and what follows it ("The provincial governor, General , said")
    // means the name itself was cut.
    const nameEnd =
      subject.role === null ? cueTok.start : (tokens[subject.np.last + 1]?.start ?? -1);
    if (nameHasGap(ctx, subject.np.first, subject.np.last, nameEnd)) {
      // "Railways Minister [name] said ... He said ...": the pronoun still points at them.
      const head = tokens[subject.np.last];
      // "Saran Superintendent of Police [name] told PTI": a title with its complement.
      let titled = -1;
      for (let j = subject.first; j < subject.np.last && titled < 0; j++) {
        const t = tokens[j];
        if (
          t &&
          t.upper &&
          t.type === 'word' &&
          PERSON_NOUNS.has(headForm(t)) &&
          tokens[j + 1]?.lower === 'of'
        )
          titled = j;
      }
      if (
        titled >= 0 &&
        head &&
        (ORGANIZATION_NOUNS.has(head.lower) || GROUP_NOUNS.has(head.lower))
      ) {
        ctx.registry.notePerson(
          ctx.registry.strippedPerson(
            ctx.layout.text.slice(tokens[subject.first]?.start ?? 0, head.end),
          ),
        );
      } else if (
        head &&
        !ORGANIZATION_NOUNS.has(head.lower) &&
        !ORGANIZATION_NAME_WORDS.has(head.lower) &&
        !GROUP_NOUNS.has(head.lower)
      ) {
        // The title left behind is their role, so "the minister said" later points at them.
        const titled = head.upper && PERSON_NOUNS.has(headForm(head));
        const role = titled
          ? ctx.layout.text.slice(tokens[subject.np.first]?.start ?? 0, head.end)
          : null;
        ctx.registry.notePerson(ctx.registry.strippedPerson(role));
      }
      return { source: unknownSource(), first: subject.first, last: cue - 1 };
    }
    const source = resolveSpeaker(ctx, subject.np, subject.role, lenient);
    return source
      ? { source, first: subject.first, last: Math.max(subject.np.last, subject.role?.last ?? -1) }
      : null;
  }
  if (hasGapWithin(ctx.gaps, cueTok.start - 1, cueTok.start)) {
    // "Analysts at [name] said": only the object of the preposition was cut; the group speaks.
    const prep = tokens[cue - 1];
    if (prep && prep.type === 'word' && !prep.upper && PREPOSITIONS.has(prep.lower)) {
      const np = nounPhraseEndingAt(tokens, cue - 2, floor);
      const head = np ? tokens[np.last] : undefined;
      if (np && head && isSpeakerHead(head) && !tokens[np.first - 1]?.upper) {
        const source = resolveSpeaker(ctx, np, null, false);
        if (source) return { source, first: np.first, last: cue - 1 };
      }
    }
    return { source: unknownSource(), first: cue, last: cue };
  }
  // "Its leader, , said": the name between the commas was stripped.
  const comma = tokens[cue - 1];
  if (comma?.text === ',' && hasGapWithin(ctx.gaps, comma.start - 3, cueTok.start)) {
    // "Harlow's attorney, , said ... the attorney said": the description is their role.
    const described = subjectBefore(tokens, cue - 2, floor);
    const role = described
      ? ctx.layout.text.slice(
          tokens[described.first]?.start ?? 0,
          tokens[described.np.last]?.end ?? 0,
        )
      : null;
    ctx.registry.notePerson(ctx.registry.strippedPerson(role));
    return { source: unknownSource(), first: cue - 1, last: cue };
  }
  // "[Name], a Sudan analyst at ..., said": the sentence opens on the appositive; the name was cut.
  // "The [name], a digital rights group, said": only the article was left of the subject.
  const lone = tokens[floor];
  const open =
    lone && lone.type === 'word' && ARTICLES.has(lone.lower) && tokens[floor + 1]?.text === ','
      ? floor + 1
      : floor;
  const opener = tokens[open];
  if (
    comma?.text === ',' &&
    opener?.text === ',' &&
    cue - 1 > open &&
    hasGapWithin(ctx.gaps, opener.start, opener.start)
  ) {
    const role =
      cue - 2 > open
        ? ctx.layout.text.slice(tokens[open + 1]?.start ?? 0, tokens[cue - 2]?.end ?? 0).trim()
        : null;
    const person = ctx.registry.strippedPerson(role);
    ctx.registry.notePerson(person);
    return { source: unknownSource(role), first: open, last: cue - 1 };
  }
  return null;
}

/**
 * The speaker named after the speech verb at `cue` ("," says Aaron Stein, the director of ...").
 */
export function speakerAfterCue(
  ctx: SpeakerContext,
  cue: number,
  ceiling: number,
): CueSpeaker | null {
  const tokens = ctx.layout.tokens;
  const cueTok = tokens[cue];
  const np = nounPhraseStartingAt(tokens, cue + 1, ceiling);
  if (!cueTok || !np) {
    if (cueTok && hasGapWithin(ctx.gaps, cueTok.end, cueTok.end + 1))
      return { source: unknownSource(), first: cue, last: cue };
    return null;
  }
  const role = roleAfter(tokens, np.last, ceiling);
  // "said lead author [name], a professor ...": a bare role (no article) whose name, after it, was
  // cut.
  const headTok = tokens[np.last];
  const bareRole =
    headTok !== undefined &&
    !headTok.upper &&
    !ARTICLES.has(tokens[np.first]?.lower ?? '') &&
    PERSON_NOUNS.has(headTok.lower);
  const npEnd = (bareRole ? tokens[np.last + 1]?.start : undefined) ?? headTok?.end ?? cueTok.end;
  if (hasGapWithin(ctx.gaps, cueTok.end, npEnd)) {
    if (bareRole)
      ctx.registry.notePerson(
        ctx.registry.strippedPerson(
          role
            ? ctx.layout.text.slice(tokens[role.first]?.start ?? 0, tokens[role.last]?.end ?? 0)
            : null,
        ),
      );
    return { source: unknownSource(), first: cue + 1, last: role?.last ?? np.last };
  }
  const source = resolveSpeaker(ctx, np, role, true);
  return source ? { source, first: cue + 1, last: role?.last ?? np.last } : null;
}

/**
 * The subject of a sentence's main clause, after any introductory phrase ("In an interview,
 * Carver said ..."): the speaker of a participle (", saying ...") or of a second verb that
 * shares the subject ("Rahman acknowledged the slowdown but said ...").
 */
export function sentenceSubject(
  ctx: SpeakerContext,
  sentence: Sentence,
  before: number,
): CueSpeaker | null {
  const tokens = ctx.layout.tokens;
  let k = afterDateline(tokens, sentence.first, sentence.end);
  if (COORDINATORS.has(tokens[k]?.lower ?? '')) k++;
  const lead = tokens[k];
  // Introductory phrases end at their comma: "In an interview,", "Speaking to reporters here,",
  // "Asked about reports linking him with a move,".
  const participial =
    lead !== undefined && lead.upper && lead.lower.length > 4 && /(?:ing|ed)$/.test(lead.lower);
  if (
    lead &&
    lead.type === 'word' &&
    (PREPOSITIONS.has(lead.lower) ||
      (lead.lower.endsWith('ly') && !lead.upper) ||
      participial ||
      tokens[k + 1]?.text === ',')
  ) {
    for (let j = k; j < Math.min(before, k + 10); j++) {
      if (tokens[j]?.text === ',') {
        k = j + 1;
        break;
      }
    }
  }
  const np = nounPhraseStartingAt(tokens, k, before - 1);
  if (!np) return null;
  // "state BJP president [name] termed it ... and said": a gap before the verb took the name.
  const verbAfter = tokens[np.last + 1];
  if (nameHasGap(ctx, np.first, np.last, verbAfter?.type === 'word' ? verbAfter.start : -1))
    return { source: unknownSource(), first: np.first, last: np.last };
  const after = tokens[np.last + 1]?.text === ',' ? roleAfter(tokens, np.last, before - 1) : null;
  const closed = after && tokens[after.last + 1]?.text === ',' ? after : null;
  const named = preferNamedAppositive(tokens, np, closed);
  const source = resolveSpeaker(ctx, named.np, named.role, false);
  return source ? { source, first: np.first, last: Math.max(np.last, closed?.last ?? -1) } : null;
}

/**
 * The speaker of a participle after "with": "..., with its state chief Prakash Shetty saying
 * ...", "..., with leader describing the move as "..."" (a bare singular role: its name was cut).
 */
export function speakerOfWithParticiple(
  ctx: SpeakerContext,
  c: number,
  floor: number,
): CueSpeaker | null {
  const tokens = ctx.layout.tokens;
  const tok = tokens[c];
  if (!tok) return null;
  for (let w = c - 2; w >= Math.max(floor, c - 9); w--) {
    const t = tokens[w];
    if (!t || t.type !== 'word') return null;
    if (t.lower !== 'with') continue;
    const np = nounPhraseStartingAt(tokens, w + 1, c - 1);
    if (!np || np.last !== c - 1) return null;
    const named = tokens[w + 1];
    if (!named) return null;
    const bare = np.first === np.last && !named.upper && PERSON_NOUNS.has(named.lower);
    const source =
      bare || hasGapWithin(ctx.gaps, named.start, tok.start)
        ? unknownSource()
        : resolveSpeaker(ctx, np, null, false);
    return source ? { source, first: np.first, last: np.last } : null;
  }
  return null;
}

/**
 * The speaker of "saying" at `c` in "Kumar was quoted as saying" (the subject) or "Reuters
 * quoted Kumar as saying" (the object), or null when the participle is not so framed.
 */
export function quotedAsSaying(ctx: SpeakerContext, c: number, floor: number): CueSpeaker | null {
  const tokens = ctx.layout.tokens;
  if (tokens[c]?.lower !== 'saying' || tokens[c - 1]?.lower !== 'as') return null;
  if (
    tokens[c - 2]?.lower === 'quoted' &&
    ['was', 'were', 'is', 'been'].includes(tokens[c - 3]?.lower ?? '')
  ) {
    let v = c - 3;
    if (tokens[v]?.lower === 'been' && ['has', 'have', 'had'].includes(tokens[v - 1]?.lower ?? ''))
      v--;
    return speakerBeforeCue(ctx, v, floor, true);
  }
  // "Reuters quoted Kumar as saying": the object of "quoted".
  for (let q = c - 3; q >= Math.max(floor, c - 8); q--) {
    if (tokens[q]?.lower !== 'quoted') continue;
    const np = nounPhraseStartingAt(tokens, q + 1, c - 2);
    if (!np || np.last !== c - 2) return null;
    const source = resolveSpeaker(ctx, np, null, true);
    return source ? { source, first: np.first, last: np.last } : null;
  }
  return null;
}
