import { useEffect, type RefObject } from 'react';
import type { OpenedArticle } from '../../common/api.ts';
import { gloss } from '../api.ts';
import { articleBodyOf, focusHighlight, readingPoint } from './reveal.ts';
import { libraryChanged } from '../library/library-events.ts';
import { BlockIndex } from './text-offsets.ts';

/** Where to open an article: a text offset (a search hit) and the highlight there, if any. */
export interface ReaderTarget {
  offset: number;
  highlightId?: string;
}

/** How far below the window's top the reader bar ends. */
const BAR_HEIGHT = 72;
/** How long an article that fits in the window is on screen before it counts as read. */
const SEEN_WHOLE_MS = 1500;

/**
 * Opens the article where the reader left off (or at the search hit or highlight that brought
 * them here), then keeps note of where they are as they scroll, and once more on leaving.
 */
export function useReadingPosition(
  articleRef: RefObject<HTMLElement | null>,
  opened: OpenedArticle | null,
  target: ReaderTarget | undefined,
): void {
  const article = opened?.article ?? null;
  useEffect(() => {
    if (!opened) return;
    const { article, highlights } = opened;
    let cancelled = false;
    const place = async () => {
      await document.fonts?.ready;
      const body = articleBodyOf(articleRef.current);
      if (cancelled || !body) return;
      let offset = target?.offset;
      if (offset === undefined) {
        const summary = (await gloss.listArticles()).find((a) => a.id === article.id);
        offset = summary?.position ?? 0;
      }
      const wanted = target?.highlightId
        ? highlights.find((h) => h.id === target.highlightId)
        : undefined;
      if (wanted && (await focusHighlight(body, wanted.id, wanted.position.start))) return;
      if (cancelled || offset <= 0) return;
      const block = new BlockIndex(body).blockAt(offset);
      if (!block) return;
      const lead = BAR_HEIGHT + (target ? window.innerHeight / 4 : 0);
      window.scrollTo({ top: block.getBoundingClientRect().top + window.scrollY - lead });
    };
    void place();
    return () => {
      cancelled = true;
    };
    // Placed once per opening (the highlights as loaded): later edits never scroll the page.
  }, [opened, target, articleRef]);

  useEffect(() => {
    if (!article) return;
    let timer: number | undefined;
    const save = () => {
      const body = articleBodyOf(articleRef.current);
      if (!body) return;
      const scrollable = document.documentElement.scrollHeight - window.innerHeight;
      const progress = scrollable > 0 ? Math.min(1, Math.max(0, window.scrollY / scrollable)) : 1;
      gloss
        .setReadingPosition({ id: article.id, offset: readingPoint(body), progress })
        // The library (shown again on leaving) lists progress and unread counts afresh.
        .then(libraryChanged, () => undefined);
    };
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, 600);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', save);
    // An article that fits in the window is never scrolled, yet it has been seen whole: once it
    // has been on screen a moment, it counts as read.
    const seenWhole = window.setTimeout(() => {
      if (document.documentElement.scrollHeight <= window.innerHeight + 1) save();
    }, SEEN_WHOLE_MS);
    return () => {
      window.clearTimeout(seenWhole);
      window.clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', save);
      save();
    };
  }, [article, articleRef]);
}
