import type { Source } from '../model/attribution.ts';

export type Gender = 'm' | 'f';

/** A person the article has named (or whose name the feed stripped: `name` null). */
export interface PersonEntry {
  readonly name: string | null;
  /** Lower-case surname (last word of the name), for "Ersan says" back-references. */
  readonly surname: string | null;
  readonly firstName: string | null;
  /** The role given at first mention; later references inherit it. */
  role: string | null;
  gender: Gender | null;
}

type Referent =
  | { readonly type: 'person'; readonly person: PersonEntry }
  | { readonly type: 'organization' | 'group'; readonly source: Source };

/** How far back a pronoun may look, in mentions. */
const PERSON_LOOKBACK = 12;
const THING_LOOKBACK = 4;
/** How far back a description ("the minister", "the agency") may look, in mentions. */
const ROLE_LOOKBACK = 64;

/**
 * What the article has said about its speakers so far, in reading order: the people it has
 * named (with the role given at first mention) and the recent mentions that a pronoun or a
 * bare surname can refer back to.
 */
export class SpeakerRegistry {
  /** Named people by lower-case full name, surname and first name: lookups stay constant-time. */
  private readonly byName = new Map<string, PersonEntry>();
  private readonly bySurnameKey = new Map<string, PersonEntry>();
  private readonly byFirstName = new Map<string, PersonEntry>();
  private readonly recent: Referent[] = [];
  /** Named people in the order the text first named them. */
  private readonly named: PersonEntry[] = [];

  /** The entry for a full name, created at its first mention. */
  person(name: string, role: string | null, gender: Gender | null): PersonEntry {
    const key = name.toLowerCase();
    let entry = this.byName.get(key);
    if (!entry) {
      const parts = name.split(/\s+/);
      entry = {
        name,
        surname: (parts[parts.length - 1] ?? '').toLowerCase().replace(/['\u2019]s$/, ''),
        firstName: parts.length > 1 ? (parts[0] ?? '').toLowerCase() : null,
        role,
        gender,
      };
      this.byName.set(key, entry);
      this.named.push(entry);
      if (entry.firstName !== null && entry.surname) this.bySurnameKey.set(entry.surname, entry);
      if (entry.firstName !== null) this.byFirstName.set(entry.firstName, entry);
    } else {
      entry.role ??= role;
      entry.gender ??= gender;
    }
    return entry;
  }

  /** A person whose name the feed stripped; pronouns may still refer to them. */
  strippedPerson(role: string | null): PersonEntry {
    return { name: null, surname: null, firstName: null, role, gender: null };
  }

  /** The most recently named person with this surname (or, failing that, first name). */
  bySurname(word: string): PersonEntry | undefined {
    const w = word.toLowerCase();
    return this.bySurnameKey.get(w) ?? this.byFirstName.get(w);
  }

  /**
   * The most recent person whose role contains the noun: "the minister" after "Defense Minister
   * Hulusi Akar", or "the attorney" after "Harlow's attorney, [name stripped]," (name null).
   */
  byRoleNoun(noun: string): PersonEntry | undefined {
    const wanted = noun.toLowerCase().split(/\s+/).filter(Boolean);
    if (wanted.length === 0) return undefined;
    const floor = Math.max(0, this.recent.length - ROLE_LOOKBACK);
    for (let i = this.recent.length - 1; i >= floor; i--) {
      const r = this.recent[i];
      if (r?.type !== 'person' || r.person.role === null) continue;
      const words = r.person.role.toLowerCase().split(/[^\p{L}\p{N}'-]+/u);
      for (let w = 0; w + wanted.length <= words.length; w++)
        if (wanted.every((x, j) => words[w + j] === x)) return r.person;
    }
    return undefined;
  }

  /**
   * The organisation a definite description ("the agency", "the company", "the statement")
   * refers back to: the most recent organisation mentioned by its name, not by a description.
   * With `noun`, only one whose name has that word ("the top court" -> "the Supreme Court").
   */
  namedOrganization(noun?: string): Source | undefined {
    const floor = Math.max(0, this.recent.length - ROLE_LOOKBACK);
    for (let i = this.recent.length - 1; i >= floor; i--) {
      const r = this.recent[i];
      if (r?.type !== 'organization' || !r.source.name) continue;
      const { name } = r.source;
      if (noun === undefined) {
        if (/^\p{Lu}/u.test(name) && !/^(?:the|a|an|its|his|her)\s/i.test(name)) return r.source;
        continue;
      }
      // With a noun, a name that has it, capitalised after an optional "the": "The Supreme
      // Court", not "The Oslo-based maker".
      const words = name.replace(/^the\s+/i, '').split(/\s+/);
      if (
        words.every((w) => /^\p{Lu}/u.test(w) || w === 'of') &&
        words.some((w) => w.toLowerCase() === noun)
      )
        return r.source;
    }
    return undefined;
  }

  /** Records a mention, making it the likeliest antecedent of a following pronoun. */
  notePerson(person: PersonEntry): void {
    this.recent.push({ type: 'person', person });
  }

  noteThing(type: 'organization' | 'group', source: Source): void {
    this.recent.push({ type, source });
  }

  /** The most recently mentioned person with a name. */
  lastNamedPerson(): PersonEntry | undefined {
    const floor = Math.max(0, this.recent.length - PERSON_LOOKBACK);
    for (let i = this.recent.length - 1; i >= floor; i--) {
      const r = this.recent[i];
      if (r?.type === 'person' && r.person.name !== null) return r.person;
    }
    return undefined;
  }

  /** The person a "he" or "she" most plausibly refers to; binds the gender on first use. */
  personFor(pronoun: 'he' | 'she'): PersonEntry | undefined {
    const gender: Gender = pronoun === 'he' ? 'm' : 'f';
    const floor = Math.max(0, this.recent.length - PERSON_LOOKBACK);
    for (let i = this.recent.length - 1; i >= floor; i--) {
      const r = this.recent[i];
      if (r?.type !== 'person') continue;
      if (r.person.gender === null || r.person.gender === gender) {
        r.person.gender ??= gender;
        return r.person;
      }
    }
    // No recent mention agrees: the last person named (as an object, say: "met Mr. Ivan Sokol")
    // whose gender the text stated as the pronoun's.
    for (let i = this.named.length - 1; i >= Math.max(0, this.named.length - PERSON_LOOKBACK); i--)
      if (this.named[i]?.gender === gender) return this.named[i];
    return undefined;
  }

  /**
   * What an "it" (an organisation or country) or "they" (a group, else an organisation) refers to.
   */
  thingFor(pronoun: 'it' | 'they'): Source | undefined {
    const floor = Math.max(0, this.recent.length - THING_LOOKBACK);
    if (pronoun === 'they') {
      for (let i = this.recent.length - 1; i >= floor; i--) {
        const r = this.recent[i];
        if (r?.type === 'group') return r.source;
      }
    }
    for (let i = this.recent.length - 1; i >= floor; i--) {
      const r = this.recent[i];
      if (r?.type === 'organization') return r.source;
    }
    return undefined;
  }
}
