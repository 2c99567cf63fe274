import type { Source } from '../model/attribution.ts';
import type { Layout } from './layout.ts';
import {
  COUNTRIES,
  DETERMINERS,
  DOCUMENT_NOUNS,
  FEMALE_TITLES,
  GROUP_NOUNS,
  MALE_TITLES,
  NATIONALITIES,
  ORGANIZATION_NAME_WORDS,
  ORGANIZATION_NOUNS,
  PERSON_NOUNS,
  SUBJECT_PRONOUNS,
  TITLE_WORDS,
} from './lexicon.ts';
import { headForm, nounPhraseStartingAt, type Span } from './noun-phrases.ts';
import type { Sentence } from './sentences.ts';
import type { Gender, PersonEntry, SpeakerRegistry } from './speaker-registry.ts';
import type { Token } from './tokens.ts';

/** What speaker resolution reads: the layout, the detected gaps, and what was said before. */
export interface SpeakerContext {
  readonly layout: Layout;
  readonly registry: SpeakerRegistry;
  /** Sorted gap offsets. */
  readonly gaps: readonly number[];
}

/** Whether a gap offset lies in [from, to]. */
export function hasGapWithin(gaps: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = gaps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((gaps[mid] ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < gaps.length && (gaps[lo] ?? Infinity) <= to;
}

const QUANTIFIERS = new Set(['some', 'many', 'several', 'most', 'few', 'both', 'all', 'other', 'numerous']);

/** A speaker whose name is missing from the text. */
export function unknownSource(role: string | null = null): Source {
  return { name: null, role, kind: 'unknown' };
}

function spanText(layout: Layout, first: number, last: number): string {
  const a = layout.tokens[first];
  const b = layout.tokens[last];
  if (!a || !b) return '';
  return layout.text.slice(a.start, b.end).replace(/\s+/g, ' ').trim();
}

function isTitleToken(tok: Token): boolean {
  return TITLE_WORDS.has(tok.lower) || NATIONALITIES.has(tok.lower) || /^[\p{Lu}][\p{L}]*'s$/u.test(tok.text);
}

function isAcronym(text: string): boolean {
  return /^[A-Z][A-Z0-9&]{1,7}$/.test(text) || /^(?:[A-Z]\.){2,}$/.test(text);
}

function isOrganizationName(tokens: readonly Token[], first: number, last: number): boolean {
  const words: string[] = [];
  for (let k = first; k <= last; k++) {
    const tok = tokens[k];
    if (!tok) continue;
    const h = headForm(tok);
    if (ORGANIZATION_NAME_WORDS.has(h)) return true;
    words.push(h);
  }
  const whole = words.join(' ');
  if (COUNTRIES.has(whole)) return true;
  return first === last && isAcronym((tokens[first]?.text ?? '').replace(/['\u2019]s$/, ''));
}

/**
 * Resolves the speaker named by the noun phrase `np` (with an optional appositive `role`) to
 * a Source, following pronouns and surnames back to people named earlier. Returns null when
 * the phrase does not name a plausible speaker. With `lenient`, any noun phrase in a clear
 * speaker position ("...," the 42-year-old said) is accepted as a person.
 */
export function resolveSpeaker(ctx: SpeakerContext, np: Span, role: Span | null, lenient: boolean): Source | null {
  const { layout, registry } = ctx;
  const tokens = layout.tokens;
  const head = tokens[np.last];
  if (!head) return null;
  const roleText = role ? spanText(layout, role.first, role.last) : null;

  if (np.first === np.last && SUBJECT_PRONOUNS.has(head.lower)) return resolvePronoun(registry, head.lower, roleText);
  if (head.upper) return resolveProperName(ctx, np, roleText);
  return resolveCommonNoun(ctx, np, roleText, lenient);
}

function resolvePronoun(registry: SpeakerRegistry, pronoun: string, roleText: string | null): Source | null {
  if (pronoun === 'he' || pronoun === 'she') {
    const person = registry.personFor(pronoun);
    if (!person) return null;
    registry.notePerson(person);
    return { name: person.name, role: roleText ?? person.role, kind: person.name === null ? 'unknown' : 'person' };
  }
  if (pronoun === 'it' || pronoun === 'they') {
    const thing = registry.thingFor(pronoun);
    return thing ? { ...thing } : null;
  }
  return null;
}

function resolveProperName(ctx: SpeakerContext, np: Span, roleText: string | null): Source | null {
  const { layout, registry } = ctx;
  const tokens = layout.tokens;
  // The capitalised run at the end of the phrase is the name; what precedes it may be a role.
  let runStart = np.last;
  while (runStart - 1 >= np.first) {
    const prev = tokens[runStart - 1];
    if (!prev || prev.type !== 'word') break;
    const connector = !prev.upper && ['of', 'for', 'and', 'de', '&', 'al', 'bin'].includes(prev.lower) && tokens[runStart - 2]?.upper === true && !DETERMINERS.has(tokens[runStart - 2]?.lower ?? '');
    if ((prev.upper && !DETERMINERS.has(prev.lower)) || connector) runStart--;
    else break;
  }
  if (isOrganizationName(tokens, runStart, np.last)) {
    const source: Source = { name: spanText(layout, np.first, np.last), role: roleText, kind: 'organization' };
    registry.noteThing('organization', source);
    return source;
  }
  let nameStart = runStart;
  while (nameStart <= np.last && tokens[nameStart] !== undefined && isTitleToken(tokens[nameStart] as Token)) nameStart++;
  const titleRole = nameStart > runStart ? spanText(layout, runStart, nameStart - 1) : null;
  let gender: Gender | null = null;
  const titleLower = tokens[nameStart - 1]?.lower ?? '';
  if (nameStart > runStart && MALE_TITLES.has(titleLower)) gender = 'm';
  if (nameStart > runStart && FEMALE_TITLES.has(titleLower)) gender = 'f';
  const honorific = gender !== null && nameStart === runStart + 1;

  if (nameStart > np.last) {
    // Only a title or a nationality is left: the name itself was stripped ("Turkish said").
    const person = registry.strippedPerson(roleText ?? titleRole);
    registry.notePerson(person);
    return unknownSource(roleText);
  }
  const prefixRole = runStart > np.first ? prefixAsRole(layout, np.first, runStart - 1) : null;
  const givenRole = roleText ?? (honorific ? null : titleRole) ?? prefixRole;
  const name = spanText(layout, nameStart, np.last);

  if (nameStart === np.last) {
    const word = (tokens[np.last]?.text ?? '').replace(/['\u2019]s$/, '');
    const known = registry.bySurname(word);
    if (known) {
      known.gender ??= gender;
      known.role ??= givenRole;
      registry.notePerson(known);
      return { name: known.name, role: roleText ?? known.role, kind: 'person' };
    }
  }
  const entry: PersonEntry = registry.person(name, givenRole, gender);
  registry.notePerson(entry);
  return { name: entry.name, role: roleText ?? entry.role, kind: 'person' };
}

/** "opposition leader John Smith": the words before the name are a role when they end in a role noun. */
function prefixAsRole(layout: Layout, first: number, last: number): string | null {
  const tail = layout.tokens[last];
  if (!tail || !PERSON_NOUNS.has(headForm(tail))) return null;
  let from = first;
  while (from < last && DETERMINERS.has(layout.tokens[from]?.lower ?? '')) from++;
  return spanText(layout, from, last);
}

function resolveCommonNoun(ctx: SpeakerContext, np: Span, roleText: string | null, lenient: boolean): Source | null {
  const { layout, registry } = ctx;
  const tokens = layout.tokens;
  const head = tokens[np.last];
  if (!head) return null;
  const h = headForm(head);
  const text = spanText(layout, np.first, np.last);
  if (GROUP_NOUNS.has(h)) {
    let from = np.first;
    while (from < np.last && QUANTIFIERS.has(tokens[from]?.lower ?? '')) from++;
    const source: Source = { name: spanText(layout, from, np.last), role: roleText, kind: 'group' };
    registry.noteThing('group', source);
    return source;
  }
  if (ORGANIZATION_NOUNS.has(h) || DOCUMENT_NOUNS.has(h)) {
    const source: Source = { name: text, role: roleText, kind: 'organization' };
    registry.noteThing('organization', source);
    return source;
  }
  if (PERSON_NOUNS.has(h) || lenient) {
    const determiner = tokens[np.first]?.lower ?? '';
    if (np.last === np.first + 1 && (determiner === 'the' || determiner === 'his' || determiner === 'her')) {
      const known = registry.byRoleNoun(h);
      if (known) {
        registry.notePerson(known);
        return { name: known.name, role: roleText ?? known.role, kind: 'person' };
      }
    }
    // An unnamed person ("a spokesman"): no surname to look up later, but a "he" may refer to them.
    registry.notePerson({ name: text, surname: null, firstName: null, role: roleText, gender: null });
    return { name: text, role: roleText, kind: 'person' };
  }
  return null;
}

/**
 * Notes the subject of a sentence that attributes nothing ("Russia has launched airstrikes
 * ..."), so that a following "It has complained ..." or "He said ..." can refer back to it.
 */
export function noteSentenceSubject(ctx: SpeakerContext, sentence: Sentence): void {
  const tokens = ctx.layout.tokens;
  let k = sentence.first;
  const first = tokens[k];
  if (!first || first.type !== 'word') return;
  if (['but', 'and', 'yet', 'so', 'still', 'meanwhile', 'however'].includes(first.lower)) k++;
  if (tokens[k]?.text === ',') k++;
  const np = nounPhraseStartingAt(tokens, k, sentence.end - 1);
  if (!np) return;
  const head = tokens[np.last];
  const next = tokens[np.last + 1];
  if (!head?.upper || !next || next.type !== 'word' || next.upper) return;
  const lead = tokens[np.first];
  if (!lead || (lead.upper && DETERMINERS.has(lead.lower) && np.first === np.last)) return;
  if (isOrganizationName(tokens, np.first, np.last) || (tokens[np.first]?.lower === 'the' && isOrganizationName(tokens, np.first + 1, np.last))) {
    ctx.registry.noteThing('organization', { name: spanText(ctx.layout, np.first, np.last), role: null, kind: 'organization' });
    return;
  }
  // Only full names (two words or more, not just titles) make reliable antecedents.
  let nameStart = np.first;
  while (nameStart <= np.last && tokens[nameStart] && isTitleToken(tokens[nameStart] as Token)) nameStart++;
  if (np.last - nameStart < 1) {
    if (nameStart === np.last) {
      const known = ctx.registry.bySurname(tokens[np.last]?.text ?? '');
      if (known) ctx.registry.notePerson(known);
    }
    return;
  }
  for (let j = nameStart; j <= np.last; j++) if (!tokens[j]?.upper) return;
  const titleRole = nameStart > np.first ? spanText(ctx.layout, np.first, nameStart - 1) : null;
  ctx.registry.notePerson(ctx.registry.person(spanText(ctx.layout, nameStart, np.last), titleRole, null));
}
