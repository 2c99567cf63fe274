/**
 * How search splits text into terms, shared by the index and the query so that they agree.
 *
 * Words are runs of characters that are neither white space nor punctuation, as MiniSearch
 * splits them. Compounds written with hyphens are folded: "cease-fire" is indexed as "cease",
 * "fire" and "ceasefire", and a query for "cease-fire" looks for "ceasefire". So "ceasefire"
 * finds "cease-fire" and "cease-fire" finds "ceasefire", and each part still finds the compound.
 */

/** A word, or words joined by hyphen-minus, hyphen (U+2010) or non-breaking hyphen (U+2011). */
const WORD_OR_COMPOUND = /[^\n\r\p{Z}\p{P}]+(?:[-\u2010\u2011][^\n\r\p{Z}\p{P}]+)*/gu;
const HYPHENS = /[-\u2010\u2011]/gu;

/** A compound's parts run together: "cease-fire" → "ceasefire". Other words are unchanged. */
export function foldCompound(word: string): string {
  return word.replace(HYPHENS, '');
}

/** The terms a passage is indexed under: every word, and every hyphenated compound folded. */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  for (const [word] of text.matchAll(WORD_OR_COMPOUND)) {
    const parts = word.split(HYPHENS);
    terms.push(...parts);
    if (parts.length > 1) terms.push(parts.join(''));
  }
  return terms;
}

/** The terms a query looks for: each word, and each hyphenated compound as one folded term. */
export function queryTerms(query: string): string[] {
  return [...query.matchAll(WORD_OR_COMPOUND)].map(([word]) => foldCompound(word));
}
