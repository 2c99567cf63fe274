import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Highlight, HighlightColor } from '../../common/model/highlight.ts';
import { groupSources } from '../../common/reader/sources.ts';
import type { ReaderSettings } from '../settings.ts';
import { ArticleBody } from './ArticleBody.tsx';
import { FindBar } from './FindBar.tsx';
import { MarginNotes } from './MarginNotes.tsx';
import { Provenance } from './Provenance.tsx';
import { ReaderBar, SkipLinks, type PanelTab } from './ReaderBar.tsx';
import { ReaderTips } from './ReaderTips.tsx';
import { articleBodyOf, focusHighlight, focusStatement } from './reveal.ts';
import { stepSentence } from './sentence-step.ts';
import { SelectionToolbar } from './SelectionToolbar.tsx';
import { SidePanel } from './SidePanel.tsx';
import { useHighlightActions } from './useHighlightActions.ts';
import { useLinkedMarks } from './useLinkedMarks.ts';
import { useLoadedArticle } from './useLoadedArticle.ts';
import { useNoteExport } from './useNoteExport.ts';
import { useReaderKeys } from './useReaderKeys.ts';
import { useReadingPosition, type ReaderTarget } from './useReadingPosition.ts';
import { useStatus } from './useStatus.ts';
import { useTextSelection } from './useTextSelection.ts';
import { useTip } from './useTip.ts';
import { useWindowSignals } from './useWindowSignals.ts';
import './reader.css';

export type { ReaderTarget } from './useReadingPosition.ts';

interface ReaderProps {
  id: string;
  target?: ReaderTarget;
  settings: ReaderSettings;
  onSettings: (next: ReaderSettings) => void;
  onBack: () => void;
  /** Opens the previous (-1) or next (+1) article in the library's order. */
  onNavigate: (delta: -1 | 1) => void;
  onShortcuts: () => void;
  /** Receives the reader's "export notes" action while it is open (menu, page accelerator). */
  onExportAction?: (run: (() => void) | null) => void;
}

/** A focused highlight and where its first mark is, for the toolbar by it. */
interface Focused {
  id: string;
  rect: DOMRect;
}

const markOf = (root: HTMLElement | null, id: string) =>
  root?.querySelector<HTMLElement>(`mark[data-hstart="${CSS.escape(id)}"]`) ?? null;

/** The reader: the article set for reading, its highlights, margin notes and sources. */
export function ReaderView({ id, target, settings, onSettings, ...props }: ReaderProps) {
  const [status, setStatus] = useStatus();
  const { opened, highlights, setHighlights, error } = useLoadedArticle(id, setStatus);
  const articleRef = useRef<HTMLElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState<Focused | null>(null);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [panel, setPanel] = useState<PanelTab | null>(null);
  const [findIn, setFindIn] = useState<HTMLElement | null>(null);
  const { narrow, folded, fontsReady, measureRef } = useWindowSignals(panel !== null);
  const { selection, read, clear } = useTextSelection(articleRef);
  const tips = useTip(articleRef);
  const article = opened?.article ?? null;
  const articleId = article?.id ?? id;
  useReadingPosition(articleRef, opened, target);
  useLinkedMarks(articleRef, [hoveredId, focused?.id ?? null], highlights);

  const editNote = useCallback((hid: string) => {
    setEditingId(hid);
    setOpenId(hid);
  }, []);
  /** Focus goes to a highlight's first mark once it is painted (a new one, a closed note). */
  const pendingFocus = useRef<string | null>(null);
  const focusMark = useCallback((hid: string) => {
    const mark = markOf(articleRef.current, hid);
    if (mark) mark.focus({ preventScroll: true });
    else pendingFocus.current = hid;
  }, []);
  useEffect(() => {
    const hid = pendingFocus.current;
    const mark = hid ? markOf(articleRef.current, hid) : null;
    if (!mark) return;
    pendingFocus.current = null;
    mark.focus({ preventScroll: true });
  }, [highlights]);
  const actions = useHighlightActions({
    articleId,
    highlights,
    setHighlights,
    onStatus: setStatus,
    onCreated: (created: Highlight, withNote: boolean) => {
      clear();
      if (withNote) editNote(created.id);
      // The toolbar offered next belongs to the new highlight, even one made inside another.
      else focusMark(created.id);
    },
    onDeleted: (hid) => {
      setFocused(null);
      setEditingId((current) => (current === hid ? null : current));
    },
  });
  const exports = useNoteExport(articleId, setStatus);

  const highlightSelection = (color: HighlightColor | null, withNote: boolean) => {
    const range = read();
    if (range) void actions.create(range, color ?? actions.lastColor, withNote);
  };
  const jumpToHighlight = (hid: string) => {
    const h = highlights.find((x) => x.id === hid);
    const body = articleRef.current;
    if (h && body) void focusHighlight(body, hid, h.position.start);
  };
  const jumpToStatement = (index: number) => {
    const said = article?.attributions[index];
    const body = articleRef.current;
    if (said && body) void focusStatement(body, index, said.start);
  };

  useReaderKeys({
    hasSelection: () => read() !== null,
    focusedId: focused?.id ?? null,
    undo: actions.undo,
    redo: actions.redo,
    find: () => setFindIn(articleBodyOf(articleRef.current)),
    escape: () => {
      tips.close();
      setOpenId(null);
      if (read()) clear();
    },
    navigate: props.onNavigate,
    shortcuts: props.onShortcuts,
    highlight: highlightSelection,
    editNote,
    recolor: (hid, color) => void actions.recolor(hid, color),
    chooseColor: actions.setLastColor,
    erase: (hid) => void actions.erase(hid),
    stepSentence: (forward, extend) => {
      const body = articleBodyOf(articleRef.current);
      if (body && article) stepSentence(body, article, read(), forward, extend);
    },
    enterTip: () => {
      const anchor = tips.tip?.anchor;
      const link = document.querySelector<HTMLElement>('#reader-tip .tip-link');
      if (!anchor || !link || document.activeElement !== anchor) return false;
      link.focus();
      return true;
    },
  });

  const sources = useMemo(() => (article ? groupSources(article.attributions) : []), [article]);
  const notes = useMemo(
    () =>
      highlights
        .filter((h) => !h.orphan && (h.note || h.id === editingId))
        .sort((a, b) => a.position.start - b.position.start || a.position.end - b.position.end),
    [highlights, editingId],
  );
  const starts = highlights.map((h) => h.position.start).join(',').length;
  const layoutKey = `${highlights.length}:${fontsReady}:${panel}:${folded}:${starts}`;
  const focusedHighlight = focused && highlights.find((h) => h.id === focused.id);

  if (error) {
    return (
      <main className="reader">
        <p role="alert" className="error">
          Could not open the article: {error}
        </p>
        <button type="button" onClick={props.onBack}>
          Back to the library
        </button>
      </main>
    );
  }
  if (!article) return <main className="reader" aria-busy="true" />;

  return (
    <div
      className={`reader${narrow ? ' is-narrow' : ''}${folded ? ' is-folded' : ''}${panel ? ' has-panel' : ''}`}
    >
      <SkipLinks hasNotes={notes.length > 0} hasPanel={panel !== null} />
      <ReaderBar
        settings={settings}
        onSettings={onSettings}
        panel={panel}
        onPanel={setPanel}
        onBack={props.onBack}
        onExport={() => void exports.exportToFile()}
        onCopyMarkdown={() => void exports.copyMarkdown()}
      />
      <main className="page" ref={pageRef}>
        <div className="measure-probe" aria-hidden="true" ref={measureRef} />
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
            setHoveredId(el.closest<HTMLElement>('mark[data-hid]')?.dataset.hid ?? null);
            tips.showFor(el);
          }}
          onMouseLeave={() => {
            setHoveredId(null);
            tips.showFor(document.body, 0);
          }}
          onFocus={(e) => {
            const el = e.target;
            const hid = el.closest<HTMLElement>('mark[data-hid]')?.dataset.hid;
            const mark = hid ? markOf(articleRef.current, hid) : null;
            setFocused(hid && mark ? { id: hid, rect: mark.getBoundingClientRect() } : null);
            tips.showFor(el, 0);
          }}
          onBlur={() => {
            setFocused(null);
            tips.showFor(document.body, 0);
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
            if (folded) setOpenId(hid);
          }}
        >
          <h1 id="article-title" className="article-title" tabIndex={-1}>
            {article.title}
          </h1>
          <Provenance article={article} onTip={tips.showProvenance} />
          <ArticleBody article={article} highlights={highlights} />
        </article>
        <MarginNotes
          pageRef={pageRef}
          highlights={notes}
          editingId={editingId}
          hoveredId={hoveredId ?? focused?.id ?? null}
          narrow={folded}
          openId={openId}
          layoutKey={layoutKey}
          onHover={setHoveredId}
          onEdit={setEditingId}
          onOpen={setOpenId}
          onSaveNote={actions.saveNote}
          onNoteDone={(hid, before, after) => {
            setEditingId((current) => (current === hid ? null : current));
            setOpenId((current) => (current === hid ? null : current));
            actions.noteEdited(hid, before, after);
          }}
          onNoteDismiss={focusMark}
          onJump={jumpToHighlight}
        />
      </main>
      {panel && (
        <SidePanel
          tab={panel}
          article={article}
          highlights={highlights}
          onTab={setPanel}
          onClose={() => setPanel(null)}
          onJumpHighlight={jumpToHighlight}
          onJumpStatement={jumpToStatement}
        />
      )}
      {findIn && <FindBar text={article.text} body={findIn} onClose={() => setFindIn(null)} />}
      {selection && (
        <SelectionToolbar
          rect={selection.rect}
          onColor={(c) => highlightSelection(c, false)}
          onNote={() => highlightSelection(null, true)}
          onCopy={() => void exports.copyWithSource(article, selection.start, selection.end)}
        />
      )}
      {!selection && focused && focusedHighlight && editingId !== focused.id && (
        <SelectionToolbar
          rect={focused.rect}
          current={focusedHighlight.color}
          onColor={(c) => void actions.recolor(focused.id, c)}
          onNote={() => editNote(focused.id)}
          onDelete={() => void actions.erase(focused.id)}
        />
      )}
      <ReaderTips
        tip={tips.tip}
        article={article}
        sources={sources}
        onHold={tips.hold}
        onRelease={() => tips.showFor(document.body, 0)}
        onJumpStatement={jumpToStatement}
        onReturn={(anchor) => {
          anchor.focus({ preventScroll: true });
        }}
      />
      <p className="status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
