import type { Article } from '../../common/model/article.ts';
import { localDateTime, sourceDateTime } from '../format.ts';

/** What the provenance tooltip says of where the story came from. */
export function provenanceSentence(
  article: Pick<Article, 'source' | 'publisher' | 'syndicated'>,
): string | null {
  if (article.syndicated && article.source && article.publisher) {
    return `Syndicated from ${article.source} by ${article.publisher}; not edited by the publisher`;
  }
  if (article.syndicated && article.publisher)
    return `Syndicated by ${article.publisher}; not edited by the publisher`;
  if (article.source && article.publisher)
    return `From ${article.source}, published by ${article.publisher}`;
  if (article.source) return `From ${article.source}`;
  return null;
}

/** What the provenance tooltip shows: who syndicated the story and when, in both zones. */
export function ProvenanceDetails({ article }: { article: Article }) {
  const local = localDateTime(article.published);
  const atSource = sourceDateTime(article.published, article.publishedZone);
  const sentence = provenanceSentence(article);
  return (
    <>
      {sentence && <p className="tip-title">{sentence}</p>}
      {atSource && <p>Published {atSource} (source’s time)</p>}
      {local && <p>{local} your time</p>}
      {article.file && <p className="tip-muted">Imported from {article.file}</p>}
    </>
  );
}

/**
 * The line under the title: wire, dateline, publisher and time. Hovering or focusing it asks
 * the reader to show {@link ProvenanceDetails} in the reader's one tooltip.
 */
export function Provenance({
  article,
  onTip,
}: {
  article: Article;
  onTip: (anchor: HTMLElement | null) => void;
}) {
  const local = localDateTime(article.published);
  const parts = [
    article.source,
    article.dateline,
    article.publisher && `via ${article.publisher}`,
    local,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <p
      className="provenance"
      tabIndex={0}
      onMouseEnter={(e) => onTip(e.currentTarget)}
      onMouseLeave={() => onTip(null)}
      onFocus={(e) => onTip(e.currentTarget)}
      onBlur={() => onTip(null)}
    >
      {parts.map((p, i) => (
        <span key={i} className="provenance-part">
          {p}
        </span>
      ))}
    </p>
  );
}
