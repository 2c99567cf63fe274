import { cloneElement, Fragment, isValidElement, memo, type ReactNode } from 'react';
import type { Article, BlockImage } from '../../common/model/article.ts';
import type { Highlight } from '../../common/model/highlight.ts';
import { segmentBlocks, type Segment } from '../../common/reader/segments.ts';

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
      <span className="image-placeholder" role="img" aria-label={image.alt ? `Image not saved with the page: ${image.alt}` : 'Image not saved with the page'}>
        {image.alt || 'Image not saved with the page'}
      </span>
    );
  }
  return <img className="figure-image" src={`media/${encodeURIComponent(articleId)}/${encodeURIComponent(image.src)}`} alt={image.alt} />;
}

function gapMarker(offset: number): ReactNode {
  // Empty of text so that offsets computed from the DOM stay those of the article's text.
  return <span key={`gap-${offset}`} className="gap" data-gap={offset} role="img" aria-label={GAP_LABEL} tabIndex={0} />;
}

function renderSegment(text: string, segment: Segment, gaps: number[], byId: Map<string, Highlight>): ReactNode {
  const inside = gaps.filter((g) => g >= segment.start && g < segment.end);
  let content: ReactNode = text.slice(segment.start, segment.end);
  if (inside.length) {
    const parts: ReactNode[] = [];
    let from = segment.start;
    for (const g of inside) {
      parts.push(text.slice(from, g), gapMarker(g));
      from = g;
    }
    parts.push(text.slice(from, segment.end));
    content = parts;
  }
  // Shortest highlight innermost, so a click lands on the most specific one.
  for (let i = segment.highlights.length - 1; i >= 0; i--) {
    const id = segment.highlights[i]!;
    const h = byId.get(id);
    if (!h) continue;
    const first = segment.starts.includes(id);
    content = (
      <mark
        className={`hl hl-${h.color}${h.note ? ' has-note' : ''}`}
        data-hid={id}
        data-hstart={first ? id : undefined}
        tabIndex={first ? 0 : undefined}
        aria-label={first ? `Highlight${h.note ? ' with note' : ''}: ${h.quote.exact.slice(0, 80)}` : undefined}
      >
        {content}
      </mark>
    );
  }
  if (segment.attribution !== null) {
    const first = segment.starts.includes(segment.attribution);
    content = (
      <span className="attr" data-aid={segment.attribution} data-astart={first ? segment.attribution : undefined} tabIndex={first ? 0 : undefined}>
        {content}
      </span>
    );
  }
  // No wrapper of its own: a plain run is bare text, a decorated one its outermost element.
  if (typeof content === 'string') return content;
  if (isValidElement(content)) return cloneElement(content, { key: segment.start });
  return <Fragment key={segment.start}>{content}</Fragment>;
}

/**
 * The article's text as blocks, cut into runs once per paint at every highlight and
 * attribution boundary. Highlights nest as <mark>s (overlaps shade darker), attributed
 * passages are underlined spans, and stripped-text gaps are small empty markers.
 */
export const ArticleBody = memo(function ArticleBody({ article, highlights }: Props) {
  const byId = new Map(highlights.map((h) => [h.id, h]));
  const placed = highlights.filter((h) => !h.orphan).map((h) => ({ id: h.id, start: h.position.start, end: h.position.end }));
  const attributions = article.attributions.map((a, i) => ({ id: `a${i}`, start: a.start, end: a.end }));
  const blocks = segmentBlocks(article.blocks, placed, attributions, article.gaps.map((g) => g.offset));
  const items: ReactNode[] = [];
  let list: ReactNode[] | null = null;
  const flushList = () => {
    if (list) items.push(<ul key={`list-${items.length}`}>{list}</ul>);
    list = null;
  };
  for (const { block, segments, gaps } of blocks) {
    const children = segments.map((s) => renderSegment(article.text, s, gaps, byId));
    if (gaps.includes(block.end)) children.push(gapMarker(block.end));
    const Tag = BLOCK_TAGS[block.kind] ?? 'p';
    const image = block.image;
    const text = (
      <Tag key={block.start} data-block-start={block.start} className={`block block-${block.kind}`}>
        {children}
      </Tag>
    );
    const element = image ? (
      <figure key={block.start} className="block-figure-wrap">
        <Picture image={image} articleId={article.id} />
        {text}
      </figure>
    ) : (
      text
    );
    if (block.kind === 'list-item') (list ??= []).push(element);
    else {
      flushList();
      items.push(element);
    }
  }
  flushList();
  return <div className="article-body">{items}</div>;
});
