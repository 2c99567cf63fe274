import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Article, BlockImage, InlineMark } from '../../common/model/article.ts';
import type { Highlight } from '../../common/model/highlight.ts';
import { segmentBlocks, type BlockSegments, type Segment } from '../../common/reader/segments.ts';
import { sameBlock } from './block-memo.ts';
import { markedText } from './InlineMarks.tsx';

/** The sentence the stripped-text marker speaks and shows. */
export const GAP_LABEL = 'Words appear to be missing here in the source';

interface Props {
  article: Article;
  highlights: readonly Highlight[];
}

const BLOCK_TAGS: Record<string, 'p' | 'h2' | 'h3' | 'li' | 'blockquote' | 'pre' | 'figcaption'> = {
  paragraph: 'p',
  heading: 'h2',
  'list-item': 'li',
  blockquote: 'blockquote',
  code: 'pre',
  figure: 'figcaption',
};

/**
 * A figure's picture: a file copied into the library, served by the app under
 * media/<articleId>/, or a quiet placeholder with the alt text for one that was only on the web.
 */
function Picture({ image, articleId }: { image: BlockImage; articleId: string }) {
  if (!image.src) {
    return (
      <span
        className="image-placeholder"
        role="img"
        aria-label={
          image.alt
            ? `Image not saved with the page: ${image.alt}`
            : 'Image not saved with the page'
        }
      >
        {image.alt || 'Image not saved with the page'}
      </span>
    );
  }
  return (
    <img
      className="figure-image"
      src={`media/${encodeURIComponent(articleId)}/${encodeURIComponent(image.src)}`}
      alt={image.alt}
    />
  );
}

function gapMarker(offset: number): ReactNode {
  // Empty of text so that offsets computed from the DOM stay those of the article's text.
  return (
    <span
      key={`gap-${offset}`}
      className="gap"
      data-gap={offset}
      role="img"
      aria-label={GAP_LABEL}
      tabIndex={0}
    />
  );
}

/** One decoration element being built: a highlight's <mark> or an attributed passage's <span>. */
interface Layer {
  id: string;
  attribution: boolean;
  /** Longer decorations sit outside shorter ones. */
  length: number;
}

interface OpenLayer extends Layer {
  /** Whether this element holds the decoration's first run (it is then focusable). */
  first: boolean;
  key: number;
  children: ReactNode[];
}

/** The text of a run, with stripped-text markers where words went missing inside it. */
function pushRun(
  into: ReactNode[],
  text: string,
  segment: Segment,
  gaps: number[],
  marks?: InlineMark[],
): void {
  let from = segment.start;
  for (const g of gaps) {
    if (g < segment.start || g >= segment.end) continue;
    if (g > from) into.push(...markedText(text, from, g, marks));
    into.push(gapMarker(g));
    from = g;
  }
  if (segment.end > from) into.push(...markedText(text, from, segment.end, marks));
}

function decorate(layer: OpenLayer, byId: Map<string, Highlight>): ReactNode {
  const children = layer.children.length === 1 ? layer.children[0] : layer.children;
  if (layer.attribution) {
    return (
      <span
        key={layer.key}
        className="attr"
        data-aid={layer.id}
        data-astart={layer.first ? layer.id : undefined}
        tabIndex={layer.first ? 0 : undefined}
      >
        {children}
      </span>
    );
  }
  const h = byId.get(layer.id)!;
  return (
    <mark
      key={layer.key}
      className={`hl hl-${h.color}${h.note ? ' has-note' : ''}`}
      data-hid={layer.id}
      data-hstart={layer.first ? layer.id : undefined}
      tabIndex={layer.first ? 0 : undefined}
      aria-label={
        layer.first
          ? `Highlight${h.note ? ' with note' : ''}: ${h.quote.exact.slice(0, 80)}`
          : undefined
      }
    >
      {children}
    </mark>
  );
}

/**
 * A block's runs as nested elements, longest decoration outermost and shortest innermost, so a
 * click lands on the most specific highlight and overlaps shade darker. An element stays open
 * across consecutive runs for as long as everything outside it is unchanged, so a highlight is
 * one <mark> wherever it can be rather than one per run (only where a longer decoration starts
 * or ends inside it is it split).
 */
function renderRuns(
  text: string,
  segments: Segment[],
  gaps: number[],
  byId: Map<string, Highlight>,
  attributionLength: (id: string) => number,
  marks?: InlineMark[],
): ReactNode[] {
  const root: ReactNode[] = [];
  const open: OpenLayer[] = [];
  const close = () => {
    const layer = open.pop()!;
    (open.length ? open[open.length - 1]!.children : root).push(decorate(layer, byId));
  };
  for (const segment of segments) {
    // segment.highlights is already longest first; the attributed passage goes in by its length.
    const layers: Layer[] = [];
    for (const id of segment.highlights) {
      const h = byId.get(id);
      if (h) layers.push({ id, attribution: false, length: h.position.end - h.position.start });
    }
    if (segment.attribution !== null) {
      const length = attributionLength(segment.attribution);
      let at = 0;
      while (at < layers.length && layers[at]!.length > length) at++;
      layers.splice(at, 0, { id: segment.attribution, attribution: true, length });
    }
    let kept = 0;
    while (
      kept < open.length &&
      kept < layers.length &&
      open[kept]!.id === layers[kept]!.id &&
      open[kept]!.attribution === layers[kept]!.attribution
    )
      kept++;
    while (open.length > kept) close();
    for (let i = kept; i < layers.length; i++) {
      open.push({
        ...layers[i]!,
        first: segment.starts.includes(layers[i]!.id),
        key: segment.start,
        children: [],
      });
    }
    pushRun(open.length ? open[open.length - 1]!.children : root, text, segment, gaps, marks);
  }
  while (open.length) close();
  return root;
}

/**
 * Articles longer than this decorate only the paragraphs within a few screens of the view,
 * and the rest as they come near: the browser then styles and lays out thousands of
 * highlights only where someone can see them. Shorter articles are decorated whole.
 */
const WINDOWED_DECORATION_CHARS = 100_000;

/** How far beyond the view, in view heights, paragraphs are decorated ahead of scrolling. */
const DECORATE_AHEAD = '200%';

interface BlockProps {
  item: BlockSegments;
  text: string;
  articleId: string;
  decorated: boolean;
  byId: Map<string, Highlight>;
  attributionLength: (id: string) => number;
}

/** One block: its runs decorated, or plain text with its gap markers while far from view. */
const ArticleBlock = memo(function ArticleBlock({
  item,
  text,
  articleId,
  decorated,
  byId,
  attributionLength,
}: BlockProps) {
  const { block, segments, gaps } = item;
  const children = decorated
    ? renderRuns(text, segments, gaps, byId, attributionLength, block.marks)
    : plainRun(text, block.start, block.end, gaps, block.marks);
  if (gaps.includes(block.end)) children.push(gapMarker(block.end));
  const Tag = BLOCK_TAGS[block.kind] ?? 'p';
  const element = (
    <Tag
      data-block-start={block.start}
      data-plain={decorated ? undefined : ''}
      className={`block block-${block.kind}`}
    >
      {children}
    </Tag>
  );
  if (!block.image) return element;
  return (
    <figure className="block-figure-wrap">
      <Picture image={block.image} articleId={articleId} />
      {element}
    </figure>
  );
}, sameBlock);

function plainRun(
  text: string,
  start: number,
  end: number,
  gaps: number[],
  marks?: InlineMark[],
): ReactNode[] {
  const into: ReactNode[] = [];
  const whole = { start, end, highlights: [], attribution: null, starts: [] };
  pushRun(into, text, whole, gaps, marks);
  return into;
}

/**
 * The article's text as blocks, cut into runs once per paint at every highlight and
 * attribution boundary. Highlights nest as <mark>s (overlaps shade darker), attributed
 * passages are underlined spans, and stripped-text gaps are small empty markers. A long
 * article is decorated near the view only (see WINDOWED_DECORATION_CHARS); its body carries
 * aria-busy until the paragraphs in view have been decorated.
 */
export const ArticleBody = memo(function ArticleBody({ article, highlights }: Props) {
  const windowed = article.text.length > WINDOWED_DECORATION_CHARS;
  const root = useRef<HTMLDivElement>(null);
  // The blocks decorated so far, for the article they were seen in: a new article starts over.
  const [seen, setSeen] = useState<{ article: Article; blocks: ReadonlySet<number> } | null>(null);
  const near = seen?.article === article ? seen.blocks : null;

  const byId = useMemo(() => new Map(highlights.map((h) => [h.id, h])), [highlights]);
  const blocks = useMemo(() => {
    const placed = highlights
      .filter((h) => !h.orphan)
      .map((h) => ({ id: h.id, start: h.position.start, end: h.position.end }));
    const attributions = article.attributions.map((a, i) => ({
      id: `a${i}`,
      start: a.start,
      end: a.end,
    }));
    return segmentBlocks(
      article.blocks,
      placed,
      attributions,
      article.gaps.map((g) => g.offset),
    );
  }, [article, highlights]);
  const attributionLength = useMemo(
    () => (id: string) => {
      const a = article.attributions[Number(id.slice(1))];
      return a ? a.end - a.start : 0;
    },
    [article],
  );

  useEffect(() => {
    if (!windowed || !root.current) return;
    // Once decorated a paragraph stays so: scrolling back never repaints what was seen.
    const observer = new IntersectionObserver(
      (entries) => {
        const coming = entries
          .filter((e) => e.isIntersecting)
          .map((e) => Number((e.target as HTMLElement).dataset.blockStart));
        setSeen((old) => {
          const had = old?.article === article ? old.blocks : null;
          if (had && coming.every((b) => had.has(b))) return old;
          return { article, blocks: new Set([...(had ?? []), ...coming]) };
        });
      },
      { rootMargin: `${DECORATE_AHEAD} 0px` },
    );
    for (const el of root.current.querySelectorAll<HTMLElement>('[data-block-start]'))
      observer.observe(el);
    return () => observer.disconnect();
  }, [article, windowed]);

  const items: ReactNode[] = [];
  let list: ReactNode[] | null = null;
  const flushList = () => {
    if (list) items.push(<ul key={`list-${items.length}`}>{list}</ul>);
    list = null;
  };
  for (const item of blocks) {
    const element = (
      <ArticleBlock
        key={item.block.start}
        item={item}
        text={article.text}
        articleId={article.id}
        decorated={!windowed || (near?.has(item.block.start) ?? false)}
        byId={byId}
        attributionLength={attributionLength}
      />
    );
    if (item.block.kind === 'list-item') (list ??= []).push(element);
    else {
      flushList();
      items.push(element);
    }
  }
  flushList();
  return (
    <div
      className="article-body"
      ref={root}
      aria-busy={windowed && near === null ? true : undefined}
    >
      {items}
    </div>
  );
});
