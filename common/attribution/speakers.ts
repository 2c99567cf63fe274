import type { Source } from '../model/attribution.ts';
import type { Layout } from './layout.ts';
import type { Statement } from './statement.ts';
import {
  COUNTRIES,
  DETERMINERS,
  DOCUMENT_NOUNS,
  FEMALE_TITLES,
  GROUP_NOUNS,
  HEAD_TITLES,
  MALE_TITLES,
  MONTHS,
  NATIONALITIES,
  OFFICIAL_ABBREVIATIONS,
  TITLES_ENDING_NAMES,
  ORGANIZATION_NAME_WORDS,
  ORGANIZATION_NOUNS,
  PERSON_NOUNS,
  REFERRING_MODIFIERS,
  PREPOSITIONS,
  SENTENCE_STARTERS,
  SUBJECT_PRONOUNS,
  SUBORDINATORS,
  TITLE_WORDS,
  WEEKDAYS,
} from './lexicon.ts';
import { cueUse } from './cues.ts';
import {
  AGE_NOUN,
  headForm,
  headSpan,
  nounPhraseStartingAt,
  roleAfter,
  type Span,
} from './noun-phrases.ts';
import { afterDateline, type Sentence } from './sentences.ts';
import type { Gender, PersonEntry, SpeakerRegistry } from './speaker-registry.ts';
import type { Token } from './tokens.ts';

/** What speaker resolution reads: the layout, the detected gaps, and what was said before. */
export interface SpeakerContext {
  readonly layout: Layout;
  readonly registry: SpeakerRegistry;
  /** Sorted gap offsets. */
  readonly gaps: readonly number[];
  /**
   * Quotations (by index) that lie inside a reported clause whose attribution trails it: the
   * clause's statement, whose speaker the quotation takes.
   */
  readonly partialQuoteFrames: Map<number, Statement>;
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

const QUANTIFIERS = new Set([
  'some',
  'many',
  'several',
  'most',
  'few',
  'both',
  'all',
  'other',
  'numerous',
]);

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
  return (
    TITLE_WORDS.has(tok.lower) ||
    OFFICIAL_ABBREVIATIONS.has(tok.text) || // "Saran SP Kumar Ashish"
    NATIONALITIES.has(tok.lower) ||
    (tok.upper && /^[\p{L}.]+'s$/u.test(tok.lower)) || // "Kenya's Faith Kiptoo", curly apostrophe too
    /^(?:\p{Lu}\.){2,}$/u.test(tok.text) || // "U.S." in "Assistant U.S. Attorney"
    (tok.lower.includes('-') && tok.lower.split('-').some((part) => TITLE_WORDS.has(part))) // "Vice-President"
  );
}

/** A run that ends on a title names nobody: "Health Minister said" once the name was cut. */
function endsOnTitle(tokens: readonly Token[], last: number): boolean {
  const tok = tokens[last];
  if (!tok || !tok.upper) return false;
  return (
    (HEAD_TITLES.has(tok.lower) && !TITLES_ENDING_NAMES.has(tok.lower)) ||
    OFFICIAL_ABBREVIATIONS.has(tok.text) ||
    (tok.lower.includes('-') && tok.lower.split('-').some((part) => HEAD_TITLES.has(part)))
  );
}

/**
 * Where the name proper starts in a capitalised run: after its last title word ("Assistant U.S.
 * Attorney Megan Ortiz").
 */
function nameStartOf(tokens: readonly Token[], first: number, last: number): number {
  let start = first;
  for (let j = first; j < last; j++) {
    const tok = tokens[j];
    if (!tok) continue;
    // "Economist Sunitha Rao", "Additional Public Prosecutor Shilpa Kapil": a role noun
    // capitalised before a full name is a title too.
    if (isTitleToken(tok) || (j < last - 1 && PERSON_NOUNS.has(tok.lower))) {
      start = j + 1;
      const end = titleComplementEnd(tokens, j, last);
      if (end > j) {
        start = end + 1;
        j = end;
      }
    }
  }
  return start;
}

/**
 * A title's portfolio, "Minister for Industries and Production Rana Tanveer Hussain",
 * "Secretary of State for Health and Social Care": after "for" or "of", one capitalised word
 * per conjunct ("X", "X and Y", "X, Y and Z"). Returns the portfolio's last token, or `title`
 * when none follows; the name proper starts after it.
 */
function titleComplementEnd(tokens: readonly Token[], title: number, last: number): number {
  let k = title + 1;
  const linker = tokens[k];
  if (!linker || linker.upper || (linker.lower !== 'for' && linker.lower !== 'of')) return title;
  let end = title;
  k++;
  while (k < last && tokens[k]?.upper && tokens[k]?.type === 'word') {
    end = k;
    // "Minister of State for Information": a second title with its own portfolio.
    if (isTitleToken(tokens[k] as Token)) {
      const inner = titleComplementEnd(tokens, k, last);
      if (inner > k) return inner;
    }
    const joiner = tokens[k + 1];
    if (joiner && (joiner.lower === 'and' || joiner.text === ',') && tokens[k + 2]?.upper) k += 2;
    else break;
  }
  // Nothing may be left for the name: then the run was all title.
  return end >= last - 1 ? title : end;
}

function isAcronym(text: string): boolean {
  // "SP", "DGP", "CM" abbreviate an official's title, not an organisation's name.
  if (OFFICIAL_ABBREVIATIONS.has(text)) return false;
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
export function resolveSpeaker(
  ctx: SpeakerContext,
  np: Span,
  role: Span | null,
  lenient: boolean,
): Source | null {
  const { layout, registry } = ctx;
  const tokens = layout.tokens;
  const head = tokens[np.last];
  if (!head) return null;
  const roleText = role ? spanText(layout, role.first, role.last) : null;

  if (np.first === np.last && SUBJECT_PRONOUNS.has(head.lower))
    return resolvePronoun(registry, head.lower, roleText);
  // "Many of them said": a part of the group last mentioned.
  if (head.lower === 'them' && tokens[np.last - 1]?.lower === 'of')
    return resolvePronoun(registry, 'they', roleText);
  // Classify by the head, name by the whole phrase: "Residents of the township in Lusaka".
  const core = headSpan(tokens, np);
  if (core.last < np.last) {
    const coreHead = tokens[core.last];
    const h = coreHead ? headForm(coreHead) : '';
    // "Leader of the Opposition R. Ashoka": a role with its complement, then the person's name.
    if (PERSON_NOUNS.has(h) && head.upper) {
      let runStart = np.last;
      while (
        runStart - 1 > core.last &&
        tokens[runStart - 1]?.upper &&
        tokens[runStart - 1]?.type === 'word'
      )
        runStart--;
      const run = {
        first: runStart,
        last: np.last,
        nameStart: nameStartOf(tokens, runStart, np.last),
      };
      if (isPersonRun(tokens, run)) {
        return resolveProperName(
          ctx,
          { first: run.nameStart, last: np.last },
          roleText ?? spanText(layout, np.first, run.nameStart - 1),
        );
      }
    }
    if (
      GROUP_NOUNS.has(h) ||
      ORGANIZATION_NOUNS.has(h) ||
      DOCUMENT_NOUNS.has(h) ||
      PERSON_NOUNS.has(h)
    ) {
      return resolveCommonNoun(ctx, core, roleText, lenient, spanText(layout, np.first, np.last));
    }
    // "Simon Ellery of the Guardian": a person's name, then where they work.
    if (
      coreHead?.upper &&
      isPersonRun(tokens, {
        first: core.first,
        last: core.last,
        nameStart: nameStartOf(tokens, core.first, core.last),
      })
    ) {
      return resolveProperName(ctx, core, roleText ?? spanText(layout, core.last + 1, np.last));
    }
  }
  if (head.upper) return resolveProperName(ctx, np, roleText);
  return resolveCommonNoun(ctx, np, roleText, lenient);
}

const FEMALE_NOUNS = new Set([
  'woman',
  'mother',
  'daughter',
  'wife',
  'sister',
  'girl',
  'widow',
  'grandmother',
  'actress',
  'queen',
  'princess',
  'businesswoman',
  'chairwoman',
  'spokeswoman',
  'congresswoman',
  'councilwoman',
  'sportswoman',
  'policewoman',
  'waitress',
  'heiress',
]);
const MALE_NOUNS = new Set([
  'man',
  'father',
  'son',
  'husband',
  'brother',
  'boy',
  'widower',
  'grandfather',
  'actor',
  'king',
  'prince',
  'businessman',
  'chairman',
  'spokesman',
  'congressman',
  'councilman',
  'sportsman',
  'policeman',
]);

/** The gender a role implies: "a 34-year-old mother of three", "a spokeswoman for the agency". */
export function genderOfRole(role: string | null): Gender | null {
  if (!role) return null;
  for (const w of role.toLowerCase().split(/[^\p{L}-]+/u)) {
    if (FEMALE_NOUNS.has(w)) return 'f';
    if (MALE_NOUNS.has(w)) return 'm';
  }
  return null;
}

function resolvePronoun(
  registry: SpeakerRegistry,
  pronoun: string,
  roleText: string | null,
): Source | null {
  if (pronoun === 'he' || pronoun === 'she') {
    const person = registry.personFor(pronoun);
    if (!person) return null;
    registry.notePerson(person);
    return {
      name: person.name,
      role: roleText ?? person.role,
      kind: person.name === null ? 'unknown' : 'person',
    };
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
    const connector =
      !prev.upper &&
      ['of', 'for', 'and', 'de', '&', 'al', 'bin'].includes(prev.lower) &&
      tokens[runStart - 2]?.upper === true &&
      !DETERMINERS.has(tokens[runStart - 2]?.lower ?? '');
    if ((prev.upper && !DETERMINERS.has(prev.lower)) || connector) runStart--;
    else break;
  }
  // Sentence-initial capitals on common nouns: "Analysts say", "Residents of Kolonnawa said",
  // "Police said".
  const runHead = tokens[runStart];
  if (
    runHead &&
    (GROUP_NOUNS.has(runHead.lower) || ORGANIZATION_NOUNS.has(runHead.lower)) &&
    (runStart === np.last || tokens[runStart + 1]?.lower === 'of')
  ) {
    const kind = GROUP_NOUNS.has(runHead.lower) ? 'group' : 'organization';
    const source: Source = { name: spanText(layout, np.first, np.last), role: roleText, kind };
    registry.noteThing(kind, source);
    return source;
  }
  const abbreviated = tokens[np.last];
  const fullTitle = abbreviated ? OFFICIAL_ABBREVIATIONS.get(abbreviated.text) : undefined;
  if (abbreviated && fullTitle !== undefined && runStart === np.last) {
    // "The SP said", "the DM told reporters": the official introduced earlier, named or not.
    const known = registry.byRoleNoun(abbreviated.text) ?? registry.byRoleNoun(fullTitle);
    if (known) {
      registry.notePerson(known);
      if (known.name === null) return unknownSource(roleText ?? known.role);
      return { name: known.name, role: roleText ?? known.role, kind: 'person' };
    }
    registry.notePerson(registry.strippedPerson(roleText ?? abbreviated.text));
    return unknownSource(roleText ?? abbreviated.text);
  }
  const titleOnly =
    endsOnTitle(tokens, np.last) && !ORGANIZATION_NAME_WORDS.has(tokens[np.last]?.lower ?? '');
  if (titleOnly && tokens[np.first]?.lower === 'the') {
    // "The Minister said" after "Finance Minister Arjun Mehra ...": a definite title is a
    // description of the person who holds it, when the text has named them.
    const known = registry.byRoleNoun(tokens[np.last]?.lower ?? '');
    if (known && known.name !== null) {
      registry.notePerson(known);
      return { name: known.name, role: roleText ?? known.role, kind: 'person' };
    }
  }
  if (titleOnly) {
    // "Commission Executive Vice-President told reporters": a title whose name was cut.
    registry.notePerson(registry.strippedPerson(roleText ?? spanText(layout, runStart, np.last)));
    return unknownSource(roleText);
  }
  // "Chief Financial Officer Ingrid Haas": titles, then a person's name, is a person.
  const titled = nameStartOf(tokens, runStart, np.last);
  const titledPerson =
    titled > runStart && isPersonRun(tokens, { first: titled, last: np.last, nameStart: titled });
  if (!titledPerson && isOrganizationName(tokens, runStart, np.last)) {
    const source: Source = {
      name: spanText(layout, np.first, np.last),
      role: roleText,
      kind: 'organization',
    };
    registry.noteThing('organization', source);
    return source;
  }
  // The name is the run's tail after its last title word: "Assistant U.S. Attorney Megan Ortiz".
  let nameStart = nameStartOf(tokens, runStart, np.last);
  if (
    nameStart === np.last &&
    tokens[np.last] &&
    isTitleToken(tokens[np.last] as Token) &&
    NATIONALITIES.has(tokens[np.last]?.lower ?? '')
  )
    nameStart = np.last + 1;
  const titleRole = nameStart > runStart ? spanText(layout, runStart, nameStart - 1) : null;
  let gender: Gender | null = null;
  const titleLower = tokens[nameStart - 1]?.lower ?? '';
  if (nameStart > runStart && MALE_TITLES.has(titleLower)) gender = 'm';
  if (nameStart > runStart && FEMALE_TITLES.has(titleLower)) gender = 'f';
  const honorific = gender !== null && nameStart === runStart + 1;

  if (
    nameStart > np.last &&
    tokens[np.first]?.lower === 'the' &&
    np.last === np.first + 1 &&
    NATIONALITIES.has(tokens[np.last]?.lower ?? '')
  ) {
    // "..., the Kazakh said": a nationality used as a noun refers back to the person just quoted.
    const person = registry.lastNamedPerson();
    if (person) {
      registry.notePerson(person);
      return { name: person.name, role: roleText ?? person.role, kind: 'person' };
    }
  }
  if (nameStart > np.last || (nameStart > runStart && tokens[nameStart]?.upper === false)) {
    // Only a title or a nationality is left: the name itself was stripped ("Turkish said",
    // "Leader of Opposition hit back").
    const person = registry.strippedPerson(roleText ?? titleRole);
    registry.notePerson(person);
    return unknownSource(roleText);
  }
  const prefixRole = runStart > np.first ? prefixAsRole(layout, np.first, runStart - 1) : null;
  const givenRole = roleText ?? (honorific ? null : titleRole) ?? prefixRole;
  // "Sen. Dale Harmon of Kansas": the place after "of" is not part of a person's name.
  let nameEnd = np.last;
  for (let j = nameStart + 2; j < np.last; j++) {
    if (tokens[j]?.lower === 'of') {
      nameEnd = j - 1;
      break;
    }
  }
  const name = spanText(layout, nameStart, nameEnd);

  if (nameStart === nameEnd) {
    const word = (tokens[nameEnd]?.text ?? '').replace(/['\u2019]s$/, '');
    const known = registry.bySurname(word);
    if (known) {
      known.gender ??= gender;
      known.role ??= givenRole;
      registry.notePerson(known);
      return { name: known.name, role: roleText ?? known.role, kind: 'person' };
    }
  }
  const entry: PersonEntry = registry.person(
    name,
    givenRole,
    gender ?? genderOfRole(roleText ?? givenRole),
  );
  registry.notePerson(entry);
  return { name: entry.name, role: roleText ?? entry.role, kind: 'person' };
}

/**
 * "opposition leader John Smith": the words before the name are a role when they end in a role
 * noun.
 */
function prefixAsRole(layout: Layout, first: number, last: number): string | null {
  const tail = layout.tokens[last];
  if (!tail || !PERSON_NOUNS.has(headForm(tail))) return null;
  let from = first;
  while (from < last && DETERMINERS.has(layout.tokens[from]?.lower ?? '')) from++;
  return spanText(layout, from, last);
}

function resolveCommonNoun(
  ctx: SpeakerContext,
  np: Span,
  roleText: string | null,
  lenient: boolean,
  fullName?: string,
): Source | null {
  const { layout, registry } = ctx;
  const tokens = layout.tokens;
  const head = tokens[np.last];
  if (!head) return null;
  const h = headForm(head);
  // Classified by its head, named by the whole phrase ("Residents of the township in Lusaka").
  const text = fullName ?? spanText(layout, np.first, np.last);
  if (GROUP_NOUNS.has(h)) {
    let from = np.first;
    while (from < np.last && QUANTIFIERS.has(tokens[from]?.lower ?? '')) from++;
    // "a scenario critics call ...": "a" cannot head a plural; the group starts at its noun.
    if (
      ['a', 'an'].includes(tokens[np.first]?.lower ?? '') &&
      h.endsWith('s') &&
      np.last > np.first + 1
    )
      from = np.last;
    const source: Source = {
      name:
        from === np.first && fullName !== undefined ? fullName : spanText(layout, from, np.last),
      role: roleText,
      kind: 'group',
    };
    registry.noteThing('group', source);
    return source;
  }
  if (ORGANIZATION_NOUNS.has(h) || DOCUMENT_NOUNS.has(h)) {
    // "the agency said", "the company said": a definite description of an organisation
    // named before refers back to it. (A document, "the statement said", stays itself.)
    // "the top court", "the apex court": a modifier that ranks rather than classifies keeps it
    // a description of the organisation named before whose name has that noun ("the Supreme
    // Court"); "the central bank" may be another bank.
    const modifiersOnly = (): boolean => {
      for (let k = np.first + 1; k < np.last; k++)
        if (!REFERRING_MODIFIERS.has(tokens[k]?.lower ?? '')) return false;
      return true;
    };
    if (tokens[np.first]?.lower === 'the' && ORGANIZATION_NOUNS.has(h) && modifiersOnly()) {
      const named =
        registry.namedOrganization(h) ??
        (np.last === np.first + 1 ? registry.namedOrganization() : undefined);
      if (named) {
        registry.noteThing('organization', named);
        return { ...named, role: roleText ?? named.role };
      }
    }
    const source: Source = { name: text, role: roleText, kind: 'organization' };
    registry.noteThing('organization', source);
    return source;
  }
  if (np.last === np.first + 1 && tokens[np.first]?.lower === 'the' && AGE_NOUN.test(h)) {
    // "..., the 45-year-old said": the person just named.
    const person = registry.lastNamedPerson();
    if (person) {
      registry.notePerson(person);
      return { name: person.name, role: roleText ?? person.role, kind: 'person' };
    }
  }
  if (PERSON_NOUNS.has(h) || lenient) {
    const determiner = tokens[np.first]?.lower ?? '';
    const definite = determiner === 'the' || determiner === 'his' || determiner === 'her';
    // "the district collector said" after "Ravi Kumar, the district collector, ...".
    const described =
      definite && np.last > np.first + 1 && np.last <= np.first + 3
        ? registry.byRoleNoun(spanText(layout, np.first + 1, np.last))
        : undefined;
    if (described) {
      registry.notePerson(described);
      if (described.name === null) return unknownSource(roleText ?? described.role);
      return { name: described.name, role: roleText ?? described.role, kind: 'person' };
    }
    // "the minister", "The security minister", "the Home Office minister", "the law officer":
    // a definite description resolves to the last person whose role has its head noun.
    if (definite && np.last <= np.first + 4 && determiner === 'the') {
      const known = registry.byRoleNoun(h);
      if (known) {
        registry.notePerson(known);
        // The person this description points back to had their name stripped.
        if (known.name === null) return unknownSource(roleText ?? known.role);
        return { name: known.name, role: roleText ?? known.role, kind: 'person' };
      }
    }
    // "a Delhi government spokesperson", "A Met spokesman": an unnamed spokesperson speaks for
    // the organisation named before the noun, and is reported as it (the shared convention).
    const organization = spokespersonOrganization(layout, np);
    if (organization !== null) {
      const source: Source = { name: organization, role: roleText ?? text, kind: 'organization' };
      registry.notePerson({
        name: organization,
        surname: null,
        firstName: null,
        role: text,
        gender: genderOfRole(text),
      });
      return source;
    }
    // An unnamed person ("a spokesman"): no surname to look up later, but a "he" may refer to them.
    registry.notePerson({
      name: text,
      surname: null,
      firstName: null,
      role: roleText,
      gender: genderOfRole(text) ?? genderOfRole(roleText),
    });
    return { name: text, role: roleText, kind: 'person' };
  }
  return null;
}

/** Nouns for someone who speaks for an organisation without being named. */
const SPOKESPERSON_NOUNS = new Set(['spokesperson', 'spokesman', 'spokeswoman', 'source']);

/**
 * The organisation an unnamed spokesperson speaks for, when the phrase names it before the
 * noun with a capital: "a Delhi government spokesperson" -> "Delhi government", "A Met
 * spokesman" -> "Met", "a Treasury source" -> "Treasury". Null otherwise.
 */
function spokespersonOrganization(layout: Layout, np: Span): string | null {
  const tokens = layout.tokens;
  const head = tokens[np.last];
  if (!head || !SPOKESPERSON_NOUNS.has(head.lower)) return null;
  let first = np.first;
  while (first < np.last && DETERMINERS.has(tokens[first]?.lower ?? '')) first++;
  // "a senior Treasury source": adjectives before the name are not part of it.
  while (first < np.last && !tokens[first]?.upper && tokens[first]?.type === 'word') first++;
  if (first >= np.last || !tokens[first]?.upper) return null;
  return spanText(layout, first, np.last - 1);
}

/** Name-internal lower-case particles: "Indika de Silva", "Tahrir al-Sham". */
const NAME_PARTICLES = new Set([
  'de',
  'da',
  'del',
  'della',
  'van',
  'von',
  'der',
  'al',
  'bin',
  'ibn',
  'la',
  'le',
  'du',
  'dos',
]);

/** Capitalised words that start sentences or name things other than people. */
function cannotBeInPersonName(tok: Token): boolean {
  const lw = tok.lower;
  return (
    DETERMINERS.has(lw) ||
    COUNTRIES.has(lw) ||
    NATIONALITIES.has(lw) ||
    MONTHS.has(lw) ||
    WEEKDAYS.has(lw) ||
    GROUP_NOUNS.has(lw) ||
    ORGANIZATION_NOUNS.has(lw) ||
    ORGANIZATION_NAME_WORDS.has(headForm(tok)) ||
    SENTENCE_STARTERS.has(lw) ||
    !/^[\p{L}][\p{L}'\u2019.-]*$/u.test(tok.text)
  );
}

interface NameRun {
  /** Token range of the whole capitalised run, titles included. */
  readonly first: number;
  readonly last: number;
  /** Where the name proper starts, after any titles. */
  readonly nameStart: number;
}

/** Capitalised runs of two or more words, in order, from token `from` to `to` (exclusive). */
function nameRuns(
  tokens: readonly Token[],
  from: number,
  to: number,
  quoteOf: Int32Array,
): NameRun[] {
  const runs: NameRun[] = [];
  let k = from;
  while (k < to) {
    const tok = tokens[k];
    if (!tok || !tok.upper || (quoteOf[k] ?? -1) >= 0) {
      k++;
      continue;
    }
    let last = k;
    while (last + 1 < to) {
      const next = tokens[last + 1];
      const after = tokens[last + 2];
      if (next?.upper && next.type === 'word') last++;
      else if (next && NAME_PARTICLES.has(next.lower) && after?.upper) last += 2;
      else break;
    }
    runs.push({ first: k, last, nameStart: nameStartOf(tokens, k, last) });
    k = last + 1;
  }
  return runs;
}

function isPersonRun(tokens: readonly Token[], run: NameRun): boolean {
  if (run.last - run.nameStart < 1 || run.last - run.nameStart > 3) return false;
  // A title may name an organisation ("Minister for Industries"); the name itself may not.
  if (isOrganizationName(tokens, run.nameStart, run.last)) return false;
  for (let j = run.nameStart; j <= run.last; j++) {
    const tok = tokens[j];
    if (!tok) return false;
    if (NAME_PARTICLES.has(tok.lower) && !tok.upper) continue;
    if (cannotBeInPersonName(tok) || isTitleToken(tok)) return false;
  }
  return true;
}

function roleBeforeRun(layout: Layout, run: NameRun): string | null {
  if (run.nameStart > run.first) return spanText(layout, run.first, run.nameStart - 1);
  // "glaciologist Henrik Aas", "defence lawyer Kavita Rao"
  let from = run.first;
  while (from - 1 >= 0 && run.first - from < 3) {
    const prev = layout.tokens[from - 1];
    if (!prev || prev.type !== 'word' || prev.upper || DETERMINERS.has(prev.lower)) break;
    from--;
  }
  return from < run.first ? prefixAsRole(layout, from, run.first - 1) : null;
}

/**
 * Registers the people a sentence names ("led by glaciologist Henrik Aas of the ..."), so that
 * a later "Aas said" resolves to the full name and inherits the role given here.
 */
export function registerNamedPeople(ctx: SpeakerContext, sentence: Sentence): void {
  const { layout, registry } = ctx;
  for (const run of nameRuns(layout.tokens, sentence.first, sentence.end, layout.quoteOf)) {
    if (!isPersonRun(layout.tokens, run)) continue;
    const name = spanText(layout, run.nameStart, run.last);
    const known = registry.bySurname(layout.tokens[run.last]?.text ?? '');
    if (known && known.name !== null && known.name.toLowerCase().endsWith(name.toLowerCase()))
      continue;
    const role = roleBeforeRun(layout, run) ?? appositiveRole(layout, run.last, sentence.end);
    registry.person(name, role, genderOfTitle(layout.tokens, run) ?? genderOfRole(role));
  }
}

/** "Lena Ortiz, the city engineer, described ...": a closed appositive after a name is its role. */
function appositiveRole(layout: Layout, nameLast: number, sentenceEnd: number): string | null {
  let role = roleAfter(layout.tokens, nameLast, sentenceEnd - 1);
  // "Ravi Kumar, the district collector, inspected ...": the role ends at its closing comma.
  if (role && layout.tokens[role.last + 1]?.text !== ',') {
    for (let j = role.first + 1; j < role.last && j < role.first + 8; j++) {
      if (layout.tokens[j]?.text === ',') {
        role = { first: role.first, last: j - 1 };
        break;
      }
    }
  }
  if (!role || layout.tokens[role.last + 1]?.text !== ',') return null;
  const opener = layout.tokens[role.first];
  if (!opener || !(DETERMINERS.has(opener.lower) || /'s$/.test(opener.lower))) return null;
  return spanText(layout, role.first, role.last);
}

function genderOfTitle(tokens: readonly Token[], run: NameRun): Gender | null {
  const title = tokens[run.nameStart - 1]?.lower ?? '';
  if (run.nameStart === run.first) return null;
  if (MALE_TITLES.has(title)) return 'm';
  if (FEMALE_TITLES.has(title)) return 'f';
  return null;
}

/** How many tokens into a sentence its subject may start: "On Tuesday, the ministry ...". */
const SUBJECT_REACH = 8;

/**
 * Notes the subject of a sentence that attributes nothing ("Russia has launched airstrikes
 * ...", "The consortium has denied ...", "The panel's top Republican, Sen. Dale Harmon of
 * Kansas, voted ..."), so that a following "It has complained ..." or "He said ..." can refer
 * back to it.
 */
export function noteSentenceSubject(ctx: SpeakerContext, sentence: Sentence): void {
  const { layout, registry } = ctx;
  const tokens = layout.tokens;
  let k = afterDateline(tokens, sentence.first, sentence.end);
  if (['but', 'and', 'yet', 'so', 'still', 'meanwhile', 'however'].includes(tokens[k]?.lower ?? ''))
    k++;
  if (tokens[k]?.text === ',') k++;
  // An introductory phrase ends at its comma: "Asked whether her side could win, Adeyemi smiled."
  const intro = tokens[k];
  if (
    intro &&
    intro.type === 'word' &&
    (PREPOSITIONS.has(intro.lower) ||
      SUBORDINATORS.has(intro.lower) ||
      intro.lower.endsWith('ed') ||
      intro.lower.endsWith('ing') ||
      intro.lower.endsWith('ly'))
  ) {
    for (let j = k + 1; j < Math.min(sentence.end, k + 12); j++) {
      if (tokens[j]?.text === ',') {
        k = j + 1;
        break;
      }
    }
  }
  const lead = tokens[k];
  if (!lead || lead.type !== 'word') return;
  // A common-noun subject: "The consortium has denied ...", "Residents fled ...".
  const np = nounPhraseStartingAt(tokens, k, sentence.end - 1);
  if (np) {
    // Classified by the head before any attached phrase: "Depositors of the bank".
    const head = tokens[headSpan(tokens, np).last];
    if (head && (!head.upper || np.first === np.last)) {
      const h = headForm(head);
      if (ORGANIZATION_NOUNS.has(h) || COUNTRIES.has(h)) {
        registry.noteThing('organization', {
          name: spanText(layout, np.first, np.last),
          role: null,
          kind: 'organization',
        });
        return;
      }
      if (GROUP_NOUNS.has(h)) {
        registry.noteThing('group', {
          name: spanText(layout, np.first, np.last),
          role: null,
          kind: 'group',
        });
        return;
      }
    }
  }
  // "Chief Minister [name] defended the budget": a title whose name was cut is still who the
  // sentence is about, and the "he" that follows refers to them.
  if (
    np &&
    endsOnTitle(tokens, np.last) &&
    hasGapWithin(ctx.gaps, tokens[np.last]?.end ?? 0, tokens[np.last + 1]?.start ?? 0)
  ) {
    registry.notePerson(registry.strippedPerson(spanText(layout, np.first, np.last)));
    return;
  }
  // "Opposition leader slammed the government": a bare role, its name cut before the verb.
  const bareHead = np ? tokens[np.last] : undefined;
  if (
    np &&
    bareHead &&
    !bareHead.upper &&
    np.last > np.first &&
    !DETERMINERS.has(tokens[np.first]?.lower ?? '') &&
    PERSON_NOUNS.has(headForm(bareHead)) &&
    hasGapWithin(ctx.gaps, bareHead.end, tokens[np.last + 1]?.start ?? bareHead.end)
  ) {
    registry.notePerson(registry.strippedPerson(spanText(layout, np.first, np.last)));
    return;
  }
  // "Kenya's interior minister, , ordered ...": the name in the appositive was cut.
  const npHead = np ? tokens[np.last] : undefined;
  const npComma = np ? tokens[np.last + 1] : undefined;
  if (
    np &&
    npHead &&
    npComma?.text === ',' &&
    PERSON_NOUNS.has(headForm(npHead)) &&
    hasGapWithin(ctx.gaps, npComma.end, tokens[np.last + 2]?.start ?? npComma.end)
  ) {
    registry.notePerson(registry.strippedPerson(spanText(layout, np.first, np.last)));
    return;
  }
  // The subject starts near the sentence's head; its name may run on ("Khyber Pakhtunkhwa
  // Chief Minister Ali Amin Gandapur").
  const limit = Math.min(sentence.end, k + SUBJECT_REACH);
  const runs = nameRuns(tokens, k, sentence.end, layout.quoteOf).filter((r) => r.first < limit);
  for (let r = 0; r < runs.length; r++) {
    let run = runs[r] as NameRun;
    const before = tokens[run.first - 1];
    // "Minister for Defense Khawaja Muhammad Asif": the preposition joins a title to its
    // portfolio; the title, portfolio and name are one subject.
    const title = tokens[run.first - 2];
    if (
      (before?.lower === 'for' || before?.lower === 'of') &&
      title?.upper &&
      isTitleToken(title)
    ) {
      let first = run.first - 2;
      while (first - 1 >= k && tokens[first - 1]?.upper && tokens[first - 1]?.type === 'word')
        first--;
      run = { first, last: run.last, nameStart: nameStartOf(tokens, first, run.last) };
    } else if (
      before &&
      before.type === 'word' &&
      !before.upper &&
      (PREPOSITIONS.has(before.lower) || cueUse(before.lower) !== undefined)
    )
      continue;
    // "Samajwadi Party chief Akhilesh Yadav blamed ...": the party names the person's role.
    const next = runs[r + 1];
    if (
      next &&
      next.first - run.last <= 3 &&
      next.first > run.last + 1 &&
      PERSON_NOUNS.has(headForm(tokens[next.first - 1] as Token)) &&
      isPersonRun(tokens, next)
    ) {
      let lowerBetween = true;
      for (let j = run.last + 1; j < next.first; j++)
        if (tokens[j]?.upper || tokens[j]?.type !== 'word') lowerBetween = false;
      if (lowerBetween) continue;
    }
    if (
      isOrganizationName(tokens, run.first, run.last) ||
      (run.first === run.last && COUNTRIES.has(tokens[run.first]?.lower ?? ''))
    ) {
      registry.noteThing('organization', {
        name: spanText(layout, run.first, run.last),
        role: null,
        kind: 'organization',
      });
      return;
    }
    if (isPersonRun(tokens, run)) {
      registry.notePerson(
        registry.person(
          spanText(layout, run.nameStart, run.last),
          roleBeforeRun(layout, run),
          genderOfTitle(tokens, run),
        ),
      );
      return;
    }
  }
  // "Kiptoo's time earns her a bonus": a person named in the possessive is who the sentence is
  // about.
  if (lead.upper && /'s$/.test(lead.lower)) {
    const known = registry.bySurname(lead.text.replace(/['\u2019]s$/, ''));
    if (known) {
      registry.notePerson(known);
      return;
    }
  }
  // A single capitalised word: a country ("Russia has launched ...") or a known surname.
  if (lead.upper && np && np.first === np.last) {
    if (COUNTRIES.has(lead.lower) || isAcronym(lead.text)) {
      registry.noteThing('organization', { name: lead.text, role: null, kind: 'organization' });
      return;
    }
    const known = registry.bySurname(lead.text);
    if (known) registry.notePerson(known);
  }
}

/**
 * "The meeting was chaired by Chief Minister [name].": a title whose name was cut anywhere in a
 * sentence that attributes nothing is someone a following "he" may refer to. Noted before the
 * sentence's subject, which stays the likelier referent.
 */
export function noteStrippedTitles(ctx: SpeakerContext, sentence: Sentence): void {
  const { layout, registry } = ctx;
  const tokens = layout.tokens;
  for (let k = sentence.first; k < sentence.end; k++) {
    const tok = tokens[k];
    if (!tok || tok.type !== 'word' || !endsOnTitle(tokens, k)) continue;
    if (!hasGapWithin(ctx.gaps, tok.end, tokens[k + 1]?.start ?? tok.end + 1)) continue;
    let from = k;
    while (
      from - 1 >= sentence.first &&
      k - from < 4 &&
      tokens[from - 1]?.upper &&
      tokens[from - 1]?.type === 'word' &&
      !DETERMINERS.has(tokens[from - 1]?.lower ?? '')
    )
      from--;
    registry.notePerson(registry.strippedPerson(spanText(layout, from, k)));
  }
}
