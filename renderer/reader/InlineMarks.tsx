import type { ReactNode } from 'react';
import type { InlineMark } from '../../common/model/article.ts';
import './inline-marks.css';

/** The element each kind of mark is drawn with. */
function wrap(mark: InlineMark, key: string, children: ReactNode): ReactNode {
  switch (mark.kind) {
    case 'emphasis':
      return <em key={key}>{children}</em>;
    case 'strong':
      return <strong key={key}>{children}</strong>;
    case 'code':
      return (
        <code key={key} className="inline-code">
          {children}
        </code>
      );
    case 'link':
      // Shown as a link and where it points, but not followed: the reader never goes online.
      return (
        <span key={key} className="inline-link" title={mark.href}>
          {children}
        </span>
      );
  }
}

/**
 * The article's text over [from, to) with its inline marks (emphasis, strong, code, links) as
 * elements. Only elements are added around the text, never text, so every offset read back from
 * the page stays that of the article's canonical text. A mark crossing `from` or `to` (where a
 * highlight begins or ends) is drawn in pieces, one per run.
 */
export function markedText(
  text: string,
  from: number,
  to: number,
  marks: readonly InlineMark[] | undefined,
): ReactNode[] {
  const inside = (marks ?? []).filter((m) => m.start < to && m.end > from);
  if (!inside.length) return [text.slice(from, to)];
  const cuts = new Set([from, to]);
  for (const m of inside) {
    if (m.start > from) cuts.add(m.start);
    if (m.end < to) cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: ReactNode[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    // Longer marks outside shorter ones: a bold word inside a link sits within the link.
    const covering = inside
      .filter((m) => m.start <= start && m.end >= end)
      .sort((a, b) => b.end - b.start - (a.end - a.start));
    let node: ReactNode = text.slice(start, end);
    for (let k = covering.length - 1; k >= 0; k--)
      node = wrap(covering[k]!, `m${start}-${k}`, node);
    out.push(node);
  }
  return out;
}
