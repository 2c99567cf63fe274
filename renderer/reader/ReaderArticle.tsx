import type { RefObject } from 'react';
import type { Article } from '../../common/model/article.ts';
import type { Highlight } from '../../common/model/highlight.ts';
import { ArticleBody } from './ArticleBody.tsx';
import { Provenance } from './Provenance.tsx';
import { markOf } from './useFocusedMark.ts';

interface Props {
  articleRef: RefObject<HTMLElement | null>;
  article: Article;
  highlights: readonly Highlight[];
  /** The margin is folded into markers: a click on a highlight opens its note. */
  folded: boolean;
  onHover: (hid: string | null) => void;
  onFocusIn: (el: HTMLElement) => void;
  onFocusOut: () => void;
  /** The pointer or focus is on `el` (or left the article: document.body). */
  onTipFor: (el: HTMLElement, delay?: number) => void;
  onProvenanceTip: (anchor: HTMLElement | null) => void;
  onOpenNote: (hid: string) => void;
}

/**
 * The article as read: title, provenance and body, and what the pointer and focus do in it
 * (hovering a highlight lights its note, a passage shows its tooltip, a click focuses).
 */
export function ReaderArticle({ articleRef, article, highlights, folded, ...on }: Props) {
  return (
    <article
      className="article"
      aria-labelledby="article-title"
      ref={articleRef}
      onMouseDown={(e) => {
        const stop = (e.target as HTMLElement).closest<HTMLElement>('[tabindex="0"]');
        if (e.button !== 0 || !stop || !articleRef.current?.contains(stop)) return;
        // A press on a focusable passage (a quotation, a highlight) would give it focus
        // instead of starting a selection; without its tab stop for the press, a drag
        // selects as anywhere else. A plain click still focuses it (onClick).
        stop.removeAttribute('tabindex');
        const restore = () => stop.setAttribute('tabindex', '0');
        window.addEventListener('mouseup', restore, { once: true });
      }}
      onMouseOver={(e) => {
        const el = e.target as HTMLElement;
        on.onHover(el.closest<HTMLElement>('mark[data-hid]')?.dataset.hid ?? null);
        on.onTipFor(el);
      }}
      onMouseLeave={() => {
        on.onHover(null);
        on.onTipFor(document.body, 0);
      }}
      onFocus={(e) => {
        on.onFocusIn(e.target);
        on.onTipFor(e.target, 0);
      }}
      onBlur={() => {
        on.onFocusOut();
        on.onTipFor(document.body, 0);
      }}
      onClick={(e) => {
        if (!document.getSelection()?.isCollapsed) return;
        const el = e.target as HTMLElement;
        const mark = el.closest<HTMLElement>('mark[data-hid]');
        const said = el.closest<HTMLElement>('[data-aid]')?.dataset.aid;
        if (!mark && said)
          articleRef.current
            ?.querySelector<HTMLElement>(`[data-astart="${said}"]`)
            ?.focus({ preventScroll: true });
        if (!mark) return;
        const hid = mark.dataset.hid!;
        markOf(articleRef.current, hid)?.focus({ preventScroll: true });
        if (folded) on.onOpenNote(hid);
      }}
    >
      <h1 id="article-title" className="article-title" tabIndex={-1}>
        {article.title}
      </h1>
      <Provenance article={article} onTip={on.onProvenanceTip} />
      <ArticleBody article={article} highlights={highlights} />
    </article>
  );
}
