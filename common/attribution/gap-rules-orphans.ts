import { cueUse } from './cues.ts';
import {
  ARTICLES,
  BE_FORMS,
  HEAD_TITLES,
  LANGUAGES,
  NAME_HEADING_TITLES,
  NATIONALITIES,
  TITLES_ENDING_NAMES,
} from './lexicon.ts';
import type { Token } from './tokens.ts';
import { type Add, FINITE, PUNCT_AFTER_MISSING_NOUN } from './gap-grammar.ts';

/**
 * The orphan-modifier gap rule: a nationality or title left without the noun or name it
 * modified ("Turkish said", "rein in Syrian to prevent", "President said").
 */

const TITLE_MODIFIERS = new Set([
  'prime',
  'foreign',
  'defense',
  'defence',
  'vice',
  'finance',
  'interior',
  'deputy',
  'acting',
  'former',
  'health',
  'justice',
  'trade',
  'economy',
  'energy',
  'education',
  'executive',
  'chief',
  'senior',
  'general',
]);

function isHeadTitle(lower: string): boolean {
  return (
    NAME_HEADING_TITLES.has(lower) ||
    (lower.includes('-') && lower.split('-').some((part) => NAME_HEADING_TITLES.has(part)))
  );
}

function isModifierWord(tok: Token | undefined): boolean {
  return (
    tok !== undefined &&
    tok.type === 'word' &&
    tok.upper &&
    (NATIONALITIES.has(tok.lower) || isHeadTitle(tok.lower) || TITLE_MODIFIERS.has(tok.lower))
  );
}

/**
 * A nationality or title left without the noun it modified: "Turkish said", "rein in Syrian
 * to prevent", "Turkish and Russian "have"", "President said". Runs joined by "and" or a comma
 * are judged together, so "Turkish and Russian officials" is fine.
 */
export function orphanModifierRule(
  tokens: readonly Token[],
  nextOf: (i: number) => Token | undefined,
  skip: (t: Token) => boolean,
  add: Add,
): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !isModifierWord(t) || skip(t)) continue;
    const prev = tokens[i - 1];
    const prevInPara = prev !== undefined && prev.para === t.para ? prev : undefined;
    // Members: the last word of each modifier group ("Foreign Minister" is one group).
    const members: number[] = [];
    let j = i;
    for (;;) {
      while (isModifierWord(tokens[j + 1]) && tokens[j + 1]?.para === t.para) j++;
      members.push(j);
      const link = tokens[j + 1];
      const following = tokens[j + 2];
      if (
        link &&
        (link.lower === 'and' || link.lower === 'or' || link.text === ',') &&
        isModifierWord(following) &&
        following?.para === t.para
      ) {
        j += 2;
        continue;
      }
      break;
    }
    const endOfRun = j;
    i = endOfRun;
    if (prevInPara && prevInPara.type === 'word') {
      const pl = prevInPara.lower;
      if (
        ARTICLES.has(pl) ||
        ['his', 'her', 'this', 'that', 'these', 'those'].includes(pl) ||
        pl.endsWith("'s")
      )
        continue;
      // "the Department of Justice said": the title word ends an organisation's name.
      if (pl === 'of' && tokens[i - 2]?.upper) continue;
      if (
        BE_FORMS.has(pl) ||
        [
          'become',
          'becomes',
          'became',
          'seemed',
          'seems',
          'remain',
          'remains',
          'remained',
        ].includes(pl)
      )
        continue;
      // Part of a longer name ("Martin Luther King"), unless the run ends on a title that is
      // never a surname: "Railways Minister said".
      // "Justice" and "Judge" also end names ("Centre for Environmental Justice said").
      const lastLower = tokens[endOfRun]?.lower ?? '';
      if (prevInPara.upper && (!isHeadTitle(lastLower) || TITLES_ENDING_NAMES.has(lastLower)))
        continue;
      if (
        LANGUAGES.has(t.lower) &&
        [
          'in',
          'into',
          'speak',
          'speaks',
          'spoke',
          'speaking',
          'from',
          'translated',
          'learn',
          'learned',
          'study',
        ].includes(pl)
      )
        continue;
    }
    const groupLast = tokens[endOfRun];
    if (!groupLast) continue;
    // A title group must end on a title ("Foreign Minister"), not a bare modifier ("Defense").
    if (!NATIONALITIES.has(groupLast.lower) && !isHeadTitle(groupLast.lower)) continue;
    const f = nextOf(endOfRun);
    if (!isBadFollower(f)) continue;
    // "Ontario Premier and Council Chair Doug Ford": a second capitalised title joined by "and"
    // shares the name that follows it.
    if ((f?.lower === 'and' || f?.text === '&') && sharesNameAfter(tokens, endOfRun + 2)) continue;
    for (const m of members) {
      const after = tokens[m + 1];
      const at = m === endOfRun ? (f ? f.start : (tokens[m]?.end ?? 0)) : (after?.start ?? 0);
      if (at > 0) add(at);
    }
  }
}

/**
 * Whether a capitalised run starting at `k`, in the same paragraph, goes on from a title to what
 * reads as a name ("Council Chair Doug Ford"): a title word, then at least one capitalised word
 * that is not a title.
 */
function sharesNameAfter(tokens: readonly Token[], k: number): boolean {
  const para = tokens[k]?.para;
  let title = -1;
  let j = k;
  for (; j < k + 8; j++) {
    const t = tokens[j];
    if (!t || t.para !== para || t.type !== 'word' || !t.upper) break;
    if (HEAD_TITLES.has(t.lower)) title = j;
  }
  return title >= 0 && j - 1 > title;
}

function isBadFollower(f: Token | undefined): boolean {
  if (!f) return true;
  if (f.type === 'quote') return true;
  if (f.type === 'punct') return PUNCT_AFTER_MISSING_NOUN.has(f.text);
  if (f.upper) return false;
  const lw = f.lower;
  if (FINITE.has(lw) || lw === 'to' || lw === 'while' || lw === 'and' || lw === 'or') return true;
  const use = cueUse(lw);
  return use === 'clause' || use === 'that';
}
