/**
 * What of an article is searchable, as passages: its title (with its tags), each paragraph of
 * its text, and each note. A hit is shown as a snippet of one passage and scrolls to its offset.
 */
import type { Article } from '../model/article.ts';
import type { Highlight } from '../model/highlight.ts';
import { matchWeight } from './match.ts';
import type { Passage } from './passage-index.ts';
import { indexTerms } from './terms.ts';

/** The passages of one article to index. */
export function passagesOf(
  article: Article,
  highlights: readonly Highlight[],
  tags: readonly string[],
): Passage[] {
  const passages: Passage[] = [
    { kind: 'title', text: article.title, offset: 0, extra: tags.join(' ') },
  ];
  for (const block of article.blocks) {
    const text = article.text.slice(block.start, block.end);
    if (text.trim()) passages.push({ kind: 'text', text, offset: block.start });
  }
  for (const h of highlights) {
    if (!h.note.trim()) continue;
    passages.push({ kind: 'note', text: h.note, offset: h.position.start, highlightId: h.id });
  }
  return passages;
}

/**
 * Whether a passage holds every query word under the index's rules, found by reading it: what
 * search does before the index is ready.
 */
export function passageMatches(passage: Passage, words: readonly string[]): boolean {
  const text = passage.extra ? `${passage.text} ${passage.extra}` : passage.text;
  const terms = new Set(indexTerms(text).map((t) => t.toLowerCase()));
  return words.every((word) => {
    for (const term of terms) if (matchWeight(word, term) > 0) return true;
    return false;
  });
}
