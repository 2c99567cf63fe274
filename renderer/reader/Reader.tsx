import { useCallback, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { Highlight, HighlightColor } from '../../common/model/highlight.ts';
import { groupSources } from '../../common/reader/sources.ts';
import type { OpenedArticle } from '../../common/api.ts';
import type { ReaderSettings } from '../settings.ts';
import { FindBar } from './FindBar.tsx';
import { HighlightToolbars } from './HighlightToolbars.tsx';
import { MarginNotes } from './MarginNotes.tsx';
import { ReaderArticle } from './ReaderArticle.tsx';
import { ReaderBar, SkipLinks, type PanelTab } from './ReaderBar.tsx';
import { ReaderTips } from './ReaderTips.tsx';
import { focusHighlight, focusStatement } from './reveal.ts';
import { SidePanel } from './SidePanel.tsx';
import { useFocusedMark } from './useFocusedMark.ts';
import { useHighlightActions } from './useHighlightActions.ts';
import { useLinkedMarks } from './useLinkedMarks.ts';
import { useNoteExport } from './useNoteExport.ts';
import { useReaderCommands } from './useReaderCommands.ts';
import { useReadingPosition, type ReaderTarget } from './useReadingPosition.ts';
import { useTextSelection } from './useTextSelection.ts';
import { useTip } from './useTip.ts';
import { useWindowSignals } from './useWindowSignals.ts';

export interface OpenReaderProps {
  opened: OpenedArticle;
  highlights: Highlight[];
  setHighlights: Dispatch<SetStateAction<Highlight[]>>;
  status: string;
  setStatus: (message: string) => void;
  target?: ReaderTarget;
  settings: ReaderSettings;
  onSettings: (next: ReaderSettings) => void;
  onBack: () => void;
  onNavigate: (delta: -1 | 1) => void;
  onShortcuts: () => void;
}

/** Highlights whose notes show in the margin (with the one being written), in text order. */
const notesShown = (highlights: readonly Highlight[], editingId: string | null) =>
  highlights
    .filter((h) => !h.orphan && (h.note || h.id === editingId))
    .sort((a, b) => a.position.start - b.position.start || a.position.end - b.position.end);

/** The reader with its article loaded: the text, its highlights, margin notes and sources. */
export function Reader({ opened, target, settings, onSettings, ...props }: OpenReaderProps) {
  const { highlights, setHighlights, status, setStatus } = props;
  const articleRef = useRef<HTMLElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [panel, setPanel] = useState<PanelTab | null>(null);
  const [findIn, setFindIn] = useState<HTMLElement | null>(null);
  const { narrow, folded, fontsReady, measureRef } = useWindowSignals(panel !== null);
  const { selection, read, clear } = useTextSelection(articleRef);
  const tips = useTip(articleRef);
  const article = opened.article;
  const articleId = article.id;
  useReadingPosition(articleRef, opened, target);
  const { focused, focusMark, focusMovedTo, clearFocused } = useFocusedMark(articleRef, highlights);
  useLinkedMarks(articleRef, [hoveredId, focused?.id ?? null], highlights);

  const editNote = useCallback((hid: string) => {
    setEditingId(hid);
    setOpenId(hid);
  }, []);
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
      clearFocused();
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
    const said = article.attributions[index];
    const body = articleRef.current;
    if (said && body) void focusStatement(body, index, said.start);
  };

  useReaderCommands({
    articleRef,
    article,
    focusedId: focused?.id ?? null,
    read,
    clear,
    tips,
    actions,
    highlight: highlightSelection,
    editNote,
    openFind: setFindIn,
    closeNote: () => setOpenId(null),
    navigate: props.onNavigate,
    shortcuts: props.onShortcuts,
  });

  const sources = useMemo(() => groupSources(article.attributions), [article]);
  const notes = useMemo(() => notesShown(highlights, editingId), [highlights, editingId]);
  const starts = highlights.map((h) => h.position.start).join(',').length;
  const layoutKey = `${highlights.length}:${fontsReady}:${panel}:${folded}:${starts}`;

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
        <ReaderArticle
          articleRef={articleRef}
          article={article}
          highlights={highlights}
          folded={folded}
          onHover={setHoveredId}
          onFocusIn={focusMovedTo}
          onFocusOut={clearFocused}
          onTipFor={tips.showFor}
          onProvenanceTip={tips.showProvenance}
          onOpenNote={setOpenId}
        />
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
        {/* Inside the main landmark: what they describe is here, and a screen reader's
            landmark list reaches them. */}
        <HighlightToolbars
          selection={selection}
          focused={focused}
          highlights={highlights}
          editingId={editingId}
          onHighlight={highlightSelection}
          onCopy={(start, end) => void exports.copyWithSource(article, start, end)}
          onRecolor={(hid, c) => void actions.recolor(hid, c)}
          onEditNote={editNote}
          onDelete={(hid) => void actions.erase(hid)}
        />
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
      <p className="status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
