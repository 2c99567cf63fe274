import { useRef, useState } from 'react';
import type { Article } from '../../common/model/article.ts';
import { localDateTime, sourceDateTime } from '../format.ts';
import { Tooltip } from './Tooltip.tsx';

/** What the provenance tooltip says of where the story came from. */
export function provenanceSentence(article: Pick<Article, 'source' | 'publisher' | 'syndicated'>): string | null {
  if (article.syndicated && article.source && article.publisher) {
    return `Syndicated from ${article.source} by ${article.publisher}; not edited by the publisher`;
  }
  if (article.syndicated && article.publisher) return `Syndicated by ${article.publisher}; not edited by the publisher`;
  if (article.source && article.publisher) return `From ${article.source}, published by ${article.publisher}`;
  if (article.source) return `From ${article.source}`;
  return null;
}

/** The line under the title: wire, dateline, publisher and time, with a tooltip telling more. */
export function Provenance({ article }: { article: Article }) {
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLParagraphElement>(null);
  const local = localDateTime(article.published);
  const atSource = sourceDateTime(article.published, article.publishedZone);
  const parts = [article.source, article.dateline, article.publisher && `via ${article.publisher}`, local].filter(Boolean);
  if (parts.length === 0) return null;
  const sentence = provenanceSentence(article);
  return (
    <>
      <p
        ref={anchor}
        className="provenance"
        tabIndex={0}
        aria-describedby={open ? 'provenance-tip' : undefined}
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        {parts.map((p, i) => (
          <span key={i} className="provenance-part">
            {p}
          </span>
        ))}
      </p>
      {open && anchor.current && (
        <Tooltip id="provenance-tip" anchor={anchor.current}>
          {sentence && <p className="tip-title">{sentence}</p>}
          {atSource && <p>Published {atSource} (source’s time)</p>}
          {local && <p>{local} your time</p>}
          {article.file && <p className="tip-muted">Imported from {article.file}</p>}
        </Tooltip>
      )}
    </>
  );
}
