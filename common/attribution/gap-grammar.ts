import { IRREGULAR_PAST } from './lexicon.ts';
import type { Token } from './tokens.ts';

/** Word lists and word tests that several families of gap rules share. */

/** A lower-case word that reads as a past-tense verb: "lost", "slowed", "killed". */
export function isPastVerb(tok: Token | undefined): boolean {
  if (!tok || tok.type !== 'word' || tok.upper) return false;
  return (
    IRREGULAR_PAST.has(tok.lower) ||
    (tok.lower.length > 4 &&
      tok.lower.endsWith('ed') &&
      !NOMINAL_PARTICIPLES.has(tok.lower) &&
      !NOT_PAST_ED.has(tok.lower))
  );
}

/** Words ending in -ed that are not verbs: "because indeed the", "a hundred". */
const NOT_PAST_ED = new Set([
  'indeed',
  'hundred',
  'speed',
  'greed',
  'breed',
  'creed',
  'steed',
  'sacred',
  'naked',
  'wicked',
  'rugged',
  'ragged',
  'beloved',
  'learned',
  'aged',
]);

export type Add = (offset: number) => void;

/** Finite auxiliaries and modals: a subject must come before them. */
export const FINITE = new Set([
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
  'may',
  'might',
  'must',
  'does',
  'did',
]);

export const CLAUSE_CONJUNCTIONS = new Set([
  'and',
  'or',
  'but',
  'nor',
  'because',
  'although',
  'though',
  'whereas',
  'while',
]);

export const PUNCT_AFTER_MISSING_NOUN = new Set([',', '.', ';', ':', ')', '!', '?']);

/** Conjunctions that open a clause and so need a subject before its verb. */
export const CLAUSE_OPENERS = new Set([
  'because',
  'although',
  'whereas',
  'though',
  'after',
  'before',
  'until',
  'unless',
  'while',
]);

/** Words ending in -ed that are nouns after "the": "the accused", "the injured". */
export const NOMINAL_PARTICIPLES = new Set([
  'accused',
  'injured',
  'wounded',
  'deceased',
  'displaced',
  'bereaved',
  'unemployed',
  'disabled',
  'detained',
  'insured',
  'damned',
  'condemned',
  'infected',
  'unvaccinated',
  'vaccinated',
  'undecided',
  'committed',
  'privileged',
  'underprivileged',
  'oppressed',
  'dispossessed',
]);
