import type { Article } from '../../common/model/article.ts';
import { sourceKey, type SourceGroup } from '../../common/reader/sources.ts';
import { plural } from '../format.ts';
import { GAP_LABEL } from './ArticleBody.tsx';
import { ProvenanceDetails } from './Provenance.tsx';
import { Tooltip } from './Tooltip.tsx';
import type { Tip } from './useTip.ts';

interface Props {
  tip: Tip | null;
  article: Article;
  sources: readonly SourceGroup[];
  onHold: () => void;
  onRelease: () => void;
  onJumpStatement: (index: number) => void;
  /** Escape or tabbing out of the tooltip's links: focus goes back to the passage. */
  onReturn: (anchor: HTMLElement) => void;
}

/** The tooltip's content: the article's provenance, a gap, or a quoted passage's source. */
export function ReaderTips({ tip, article, sources, ...props }: Props) {
  if (!tip) return null;
  if (tip.kind === 'provenance')
    return (
      <Tooltip id="reader-tip" anchor={tip.anchor}>
        <ProvenanceDetails article={article} />
      </Tooltip>
    );
  if (tip.kind === 'gap')
    return (
      <Tooltip id="reader-tip" anchor={tip.anchor}>
        <p>{GAP_LABEL}.</p>
      </Tooltip>
    );
  const said = article.attributions[tip.index];
  if (!said) return null;
  const group = sources.find((g) => g.key === sourceKey(said.source, tip.index));
  const role = group?.source.role ?? said.source.role;
  return (
    <Tooltip
      id="reader-tip"
      anchor={tip.anchor}
      onPointerEnter={props.onHold}
      onPointerLeave={props.onRelease}
      onFocusIn={props.onHold}
      onFocusOut={props.onRelease}
      onKeyDown={(e) => {
        const links = [...e.currentTarget.querySelectorAll<HTMLElement>('.tip-link')];
        const out =
          e.key === 'Escape' ||
          (e.key === 'Tab' && !e.shiftKey && e.target === links.at(-1)) ||
          (e.key === 'Tab' && e.shiftKey && e.target === links[0]);
        if (!out) return;
        e.preventDefault();
        e.stopPropagation();
        props.onReturn(tip.anchor);
      }}
    >
      <p className="tip-title">{said.source.name ?? 'Unknown source'}</p>
      {role && <p className="tip-role">{role}</p>}
      <p className="tip-kind">
        {said.kind === 'direct' ? 'Quoted' : 'Paraphrased'}
        {said.cue && ` · “${said.cue}”`}
      </p>
      {!said.source.name && (
        <p className="tip-muted">
          The name appears to have been stripped from the text by the feed.
        </p>
      )}
      {said.source.name && said.nearGap && (
        <p className="tip-muted">Words appear to be missing near this statement.</p>
      )}
      {group && group.statements.length > 1 && (
        <p className="tip-others">
          {plural(group.statements.length, 'statement')} by {said.source.name}:{' '}
          {group.statements.map((i, n) => (
            <button
              key={i}
              type="button"
              className="tip-link"
              aria-current={i === tip.index}
              aria-label={`Statement ${n + 1} of ${group.statements.length}`}
              onClick={() => props.onJumpStatement(i)}
            >
              {n + 1}
            </button>
          ))}
        </p>
      )}
    </Tooltip>
  );
}
