import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OpenedArticle } from '../../common/api.ts';
import type { Attribution } from '../../common/model/attribution.ts';
import {
  HIGHLIGHT_COLORS,
  type Highlight,
  type HighlightColor,
} from '../../common/model/highlight.ts';
import { groupSources, sourceKey } from '../../common/reader/sources.ts';
import { gloss, onMenuCommand } from '../api.ts';
import { localDate, plural } from '../format.ts';
import { ArticleBody, GAP_LABEL } from './ArticleBody.tsx';
import { MarginNotes } from './MarginNotes.tsx';
import { clearDraft, readDraft } from './NoteEditor.tsx';
import { Provenance, ProvenanceDetails } from './Provenance.tsx';
import { FindBar } from './FindBar.tsx';
import { SettingsMenu } from './SettingsMenu.tsx';
import { exportColorTags, type ReaderSettings } from '../settings.ts';
import { SelectionToolbar } from './SelectionToolbar.tsx';
import { SidePanel } from './SidePanel.tsx';
import { BlockIndex, offsetsOfRange } from './text-offsets.ts';
import { Tooltip } from './Tooltip.tsx';
import { UndoHistory } from './undo.ts';
import { failureText } from '../failure.ts';

/** Below this width the margin folds into markers beside the text. */
const NARROW_WIDTH = 900;
const LAST_COLOR_KEY = 'gloss.last-color';

type Tip =
  | { kind: 'attribution'; index: number; anchor: HTMLElement }
  | { kind: 'gap'; anchor: HTMLElement }
  | { kind: 'provenance'; anchor: HTMLElement };

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.isContentEditable);
}

function storedColor(): HighlightColor {
  try {
    const c = localStorage.getItem(LAST_COLOR_KEY);
    return (HIGHLIGHT_COLORS as readonly string[]).includes(c ?? '')
      ? (c as HighlightColor)
      : 'yellow';
  } catch {
    return 'yellow';
  }
}

function sourceLine(a: Attribution | undefined): string | null {
  if (!a) return null;
  if (!a.source.name) return 'unknown source (name missing in the text)';
  return a.source.role ? `${a.source.name}, ${a.source.role}` : a.source.name;
}

/** Where to open an article: a text offset (a search hit) and the highlight there, if any. */
export interface ReaderTarget {
  offset: number;
  highlightId?: string;
}

interface ReaderProps {
  id: string;
  target?: ReaderTarget;
  settings: ReaderSettings;
  onSettings(next: ReaderSettings): void;
  onBack(): void;
  /** Opens the previous (-1) or next (+1) article in the library's order. */
  onNavigate(delta: -1 | 1): void;
  onShortcuts(): void;
}

/** The first block at least partly below the reader bar: where the reader is. */
function readingPoint(body: HTMLElement): number {
  for (const block of body.querySelectorAll<HTMLElement>('[data-block-start]')) {
    if (block.getBoundingClientRect().bottom > 72) return Number(block.dataset.blockStart);
  }
  return 0;
}

/**
 * The element of a highlight or attributed passage, found by `selector`. A long article
 * decorates only the paragraphs near the view; for a passage further away, its paragraph is
 * scrolled into view first and the element awaited for a few frames while it is decorated.
 */
async function revealDecoration(
  body: HTMLElement,
  selector: string,
  offset: number,
): Promise<HTMLElement | null> {
  const found = body.querySelector<HTMLElement>(selector);
  if (found) return found;
  const block = new BlockIndex(body).blockAt(offset);
  if (!block) return null;
  block.scrollIntoView({ block: 'center' });
  for (let frame = 0; frame < 30; frame++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const element = body.querySelector<HTMLElement>(selector);
    if (element) return element;
  }
  return null;
}

/** The reader: the article set for reading, its highlights, margin notes and sources. */
export function ReaderView({
  id,
  target,
  settings,
  onSettings,
  onBack,
  onNavigate,
  onShortcuts,
}: ReaderProps) {
  const [opened, setOpened] = useState<OpenedArticle | null>(null);
  const [highlights, setHighlights] = useState<Highlight[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [selection, setSelection] = useState<{ start: number; end: number; rect: DOMRect } | null>(
    null,
  );
  const [lastColor, setLastColor] = useState<HighlightColor>(storedColor);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [panel, setPanel] = useState<'highlights' | 'sources' | null>(null);
  const [narrow, setNarrow] = useState(() => window.innerWidth < NARROW_WIDTH);
  const [status, setStatus] = useState('');
  const [tip, setTip] = useState<Tip | null>(null);
  const [fontsReady, setFontsReady] = useState(0);
  const [finding, setFinding] = useState(false);
  const pageRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const history = useRef(new UndoHistory());
  const tipTimer = useRef<number | undefined>(undefined);

  const article = opened?.article ?? null;
  const articleId = article?.id ?? id;

  // Load the article, then put back any note typed but not confirmed saved last time.
  useEffect(() => {
    let live = true;
    gloss.getArticle({ id }).then(
      async (result) => {
        if (!live) return;
        setOpened(result);
        setHighlights(result.highlights);
        document.title = `${result.article.title} — Gloss`;
        let recovered = 0;
        for (const h of result.highlights) {
          const draft = readDraft(h.id);
          if (draft === null) continue;
          if (draft !== h.note) {
            const saved = await gloss.updateHighlight({ articleId: id, id: h.id, note: draft });
            if (live) setHighlights((list) => list.map((x) => (x.id === saved.id ? saved : x)));
            recovered++;
          }
          clearDraft(h.id);
        }
        if (recovered) setStatus(`Recovered ${plural(recovered, 'unsaved note')}`);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
      document.title = 'Gloss';
    };
  }, [id]);

  // Open where the reader left off (or at the search hit that brought them here), then keep
  // note of where they are as they scroll.
  useEffect(() => {
    if (!article) return;
    let cancelled = false;
    const place = async () => {
      await document.fonts?.ready;
      const body = bodyRef.current?.querySelector<HTMLElement>('.article-body');
      if (cancelled || !body) return;
      let offset = target?.offset;
      if (offset === undefined) {
        const summary = (await gloss.listArticles()).find((a) => a.id === article.id);
        offset = summary?.position ?? 0;
      }
      const targetHighlight = target?.highlightId
        ? opened?.highlights.find((h) => h.id === target.highlightId)
        : undefined;
      if (targetHighlight) {
        const mark = await revealDecoration(
          body,
          `mark[data-hstart="${CSS.escape(targetHighlight.id)}"]`,
          targetHighlight.position.start,
        );
        if (cancelled) return;
        if (mark) {
          mark.scrollIntoView({ block: 'center' });
          mark.focus({ preventScroll: true });
          return;
        }
      }
      if (offset > 0) {
        const block = new BlockIndex(body).blockAt(offset);
        if (block)
          window.scrollTo({
            top:
              block.getBoundingClientRect().top +
              window.scrollY -
              72 -
              (target ? window.innerHeight / 4 : 0),
          });
      }
    };
    void place();
    return () => {
      cancelled = true;
    };
  }, [article, target]);

  useEffect(() => {
    if (!article) return;
    let timer: number | undefined;
    const save = () => {
      const body = bodyRef.current?.querySelector<HTMLElement>('.article-body');
      if (!body) return;
      const scrollable = document.documentElement.scrollHeight - window.innerHeight;
      const progress = scrollable > 0 ? Math.min(1, Math.max(0, window.scrollY / scrollable)) : 1;
      void gloss
        .setReadingPosition({ id: article.id, offset: readingPoint(body), progress })
        .catch(() => undefined);
    };
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, 600);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', save);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', save);
      save();
    };
  }, [article]);

  useEffect(() => {
    const onResize = () => setNarrow(window.innerWidth < NARROW_WIDTH);
    window.addEventListener('resize', onResize);
    document.fonts?.ready.then(() => setFontsReady((n) => n + 1));
    return () => window.removeEventListener('resize', onResize);
  }, []);

  /** The selection inside the article's text, read from the document as it is now. */
  const readSelection = useCallback((): { start: number; end: number; rect: DOMRect } | null => {
    const sel = document.getSelection();
    const body = bodyRef.current?.querySelector<HTMLElement>('.article-body');
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !body) return null;
    const range = sel.getRangeAt(0);
    if (!range.intersectsNode(body)) return null;
    const offsets = offsetsOfRange(range, body);
    return offsets ? { ...offsets, rect: range.getBoundingClientRect() } : null;
  }, []);

  // Track the selection, to show the toolbar by it.
  useEffect(() => {
    const update = () => setSelection(readSelection());
    document.addEventListener('selectionchange', update);
    window.addEventListener('scroll', update, { passive: true });
    return () => {
      document.removeEventListener('selectionchange', update);
      window.removeEventListener('scroll', update);
    };
  }, []);

  // Passing messages fade after a few seconds; the live region has already spoken them.
  useEffect(() => {
    if (!status) return;
    const timer = window.setTimeout(() => setStatus(''), 4000);
    return () => window.clearTimeout(timer);
  }, [status]);

  // The passage a tooltip describes points at it while it is open (WAI-ARIA tooltip pattern).
  useEffect(() => {
    const anchor = tip?.anchor;
    if (!anchor) return;
    anchor.setAttribute('aria-describedby', 'reader-tip');
    return () => anchor.removeAttribute('aria-describedby');
  }, [tip]);

  // Light up the marks of the hovered or focused highlight.
  useEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    body.querySelectorAll('mark.is-linked').forEach((m) => m.classList.remove('is-linked'));
    for (const hid of [hoveredId, focusedId]) {
      if (hid)
        body
          .querySelectorAll(`mark[data-hid="${CSS.escape(hid)}"]`)
          .forEach((m) => m.classList.add('is-linked'));
    }
  }, [hoveredId, focusedId, highlights]);

  const replace = useCallback(
    (h: Highlight) =>
      setHighlights((list) =>
        list.some((x) => x.id === h.id) ? list.map((x) => (x.id === h.id ? h : x)) : [...list, h],
      ),
    [],
  );
  const remove = useCallback(
    (hid: string) => setHighlights((list) => list.filter((x) => x.id !== hid)),
    [],
  );

  const fail = (e: unknown) => setStatus(`Could not save: ${failureText(e)}`);

  const createHighlight = async (color: HighlightColor, withNote: boolean) => {
    // Read the document's selection now rather than the last one seen: keys can come before
    // the selectionchange event that would have updated it.
    const selection = readSelection();
    if (!selection) return;
    try {
      const created = await gloss.createHighlight({
        articleId,
        start: selection.start,
        end: selection.end,
        color,
      });
      replace(created);
      document.getSelection()?.removeAllRanges();
      setSelection(null);
      setLastColor(color);
      try {
        localStorage.setItem(LAST_COLOR_KEY, color);
      } catch {
        /* the colour is a convenience */
      }
      history.current.push({
        label: 'highlight',
        undo: async () => remove((await gloss.deleteHighlight({ articleId, id: created.id })).id),
        redo: async () => replace(await gloss.restoreHighlight({ highlight: created })),
      });
      setStatus(`Highlighted in ${color}`);
      if (withNote) {
        setEditingId(created.id);
        setOpenId(created.id);
      }
    } catch (e) {
      fail(e);
    }
  };

  const changeColor = async (hid: string, color: HighlightColor) => {
    const before = highlights.find((h) => h.id === hid);
    if (!before || before.color === color) return;
    try {
      const after = await gloss.updateHighlight({ articleId, id: hid, color });
      replace(after);
      history.current.push({
        label: 'colour change',
        undo: async () => replace(await gloss.restoreHighlight({ highlight: before })),
        redo: async () => replace(await gloss.restoreHighlight({ highlight: after })),
      });
      setStatus(`Colour changed to ${color}`);
    } catch (e) {
      fail(e);
    }
  };

  const deleteHighlight = async (hid: string) => {
    try {
      const removed = await gloss.deleteHighlight({ articleId, id: hid });
      remove(hid);
      setFocusedId(null);
      if (editingId === hid) setEditingId(null);
      history.current.push({
        label: 'deletion',
        undo: async () => replace(await gloss.restoreHighlight({ highlight: removed })),
        redo: async () => remove((await gloss.deleteHighlight({ articleId, id: hid })).id),
      });
      setStatus('Highlight deleted. Press Ctrl+Z to undo.');
    } catch (e) {
      fail(e);
    }
  };

  const saveNote = useCallback(
    async (hid: string, text: string) => {
      const saved = await gloss.updateHighlight({ articleId, id: hid, note: text });
      replace(saved);
    },
    [articleId, replace],
  );

  const noteDone = useCallback(
    (hid: string, before: string, after: string) => {
      setEditingId((current) => (current === hid ? null : current));
      setOpenId((current) => (current === hid ? null : current));
      if (before === after) return;
      history.current.push({
        label: 'note edit',
        undo: async () =>
          replace(await gloss.updateHighlight({ articleId, id: hid, note: before })),
        redo: async () => replace(await gloss.updateHighlight({ articleId, id: hid, note: after })),
      });
    },
    [articleId, replace],
  );

  const jumpToHighlight = async (hid: string) => {
    const body = bodyRef.current;
    const highlight = highlights.find((h) => h.id === hid);
    if (!body || !highlight) return;
    const mark = await revealDecoration(
      body,
      `mark[data-hstart="${CSS.escape(hid)}"]`,
      highlight.position.start,
    );
    if (!mark) return;
    mark.scrollIntoView({ block: 'center' });
    mark.focus({ preventScroll: true });
  };

  const jumpToStatement = async (index: number) => {
    const body = bodyRef.current;
    const statement = article?.attributions[index];
    if (!body || !statement) return;
    const span = await revealDecoration(body, `[data-astart="a${index}"]`, statement.start);
    if (!span) return;
    span.scrollIntoView({ block: 'center' });
    span.focus({ preventScroll: true });
  };

  const copyWithSource = async () => {
    if (!selection || !article) return;
    const quote = article.text.slice(selection.start, selection.end).replace(/\n\n/g, ' ¶ ');
    const inside = article.attributions.find(
      (a) => a.start < selection.end && a.end > selection.start,
    );
    const who = sourceLine(inside);
    const where = [
      article.title,
      [article.source, article.publisher && `via ${article.publisher}`].filter(Boolean).join(' '),
      localDate(article.published),
    ]
      .filter(Boolean)
      .join(', ');
    const text = `“${quote}”${who ? ` — ${who}` : ''} (${where})`;
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied with source');
    } catch {
      setStatus('Could not reach the clipboard');
    }
  };

  const exportToFile = useCallback(async () => {
    try {
      const { path } = await gloss.exportToFile({ articleId, colorTags: exportColorTags() });
      if (path) setStatus(`Notes exported to ${path}`);
    } catch (e) {
      setStatus(`Export failed: ${failureText(e)}`);
    }
  }, [articleId]);

  const copyMarkdown = async () => {
    try {
      await navigator.clipboard.writeText(
        await gloss.exportMarkdown({ articleId, colorTags: exportColorTags() }),
      );
      setStatus('Notes copied as Markdown');
    } catch (e) {
      setStatus(`Could not copy: ${failureText(e)}`);
    }
  };

  useEffect(
    () => onMenuCommand((command) => command === 'export-notes' && exportToFile()),
    [exportToFile],
  );

  // Keyboard: every action of the toolbar and more, without a mouse.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      // A modal dialog (the shortcuts list) has the keys; nothing acts behind it.
      if (document.querySelector('dialog[open]')) return;
      const selection = readSelection();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') {
        e.preventDefault();
        (e.shiftKey ? history.current.redo() : history.current.undo()).then(
          (label) =>
            setStatus(
              label
                ? `${e.shiftKey ? 'Redid' : 'Undid'} ${label}`
                : `Nothing to ${e.shiftKey ? 'redo' : 'undo'}`,
            ),
          fail,
        );
        return;
      }
      if (mod && key === 'f') {
        e.preventDefault();
        setFinding(true);
        return;
      }
      if (mod && key === 'y') {
        e.preventDefault();
        history.current
          .redo()
          .then((label) => setStatus(label ? `Redid ${label}` : 'Nothing to redo'), fail);
        return;
      }
      if (mod || e.altKey) return;
      if (e.key === 'Escape') {
        setTip(null);
        setOpenId(null);
        if (selection) {
          document.getSelection()?.removeAllRanges();
          setSelection(null);
        }
        return;
      }
      if (key === 'j' || key === 'k') {
        e.preventDefault();
        window.scrollBy({ top: (key === 'j' ? 1 : -1) * 64 });
        return;
      }
      if (e.key === '[' || e.key === ']') {
        e.preventDefault();
        onNavigate(e.key === '[' ? -1 : 1);
        return;
      }
      if (e.key === '?') {
        e.preventDefault();
        onShortcuts();
        return;
      }
      if (key === 'h' && selection) {
        e.preventDefault();
        void createHighlight(lastColor, false);
      } else if (key === 'n') {
        if (selection) {
          e.preventDefault();
          void createHighlight(lastColor, true);
        } else if (focusedId) {
          e.preventDefault();
          setEditingId(focusedId);
          setOpenId(focusedId);
        }
      } else if (/^[1-5]$/.test(e.key)) {
        const color = HIGHLIGHT_COLORS[Number(e.key) - 1]!;
        e.preventDefault();
        if (selection) void createHighlight(color, false);
        else if (focusedId) void changeColor(focusedId, color);
        else setLastColor(color);
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && focusedId) {
        e.preventDefault();
        void deleteHighlight(focusedId);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // Hover and focus inside the text: highlights link to their notes, passages show their source.
  const showTipFor = (target: HTMLElement, delay: number) => {
    if (target.closest('.provenance')) return; // it manages its own tip
    const gap = target.closest<HTMLElement>('.gap');
    const attr = target.closest<HTMLElement>('[data-aid]');
    const next: Tip | null = gap
      ? { kind: 'gap', anchor: gap }
      : attr
        ? {
            kind: 'attribution',
            index: Number(attr.dataset.aid!.slice(1)),
            anchor:
              bodyRef.current?.querySelector<HTMLElement>(`[data-astart="${attr.dataset.aid}"]`) ??
              attr,
          }
        : null;
    // A tooltip opened by keyboard focus stays until focus moves, whatever the pointer does.
    const focused = document.activeElement as HTMLElement | null;
    const focusHoldsTip =
      !!focused && !!bodyRef.current?.contains(focused) && focused.matches('[data-astart], .gap');
    if (!next && focusHoldsTip && target !== focused) return;
    window.clearTimeout(tipTimer.current);
    tipTimer.current = window.setTimeout(() => setTip(next), next ? delay : 250);
  };

  const sources = useMemo(() => (article ? groupSources(article.attributions) : []), [article]);
  const focusedHighlight = focusedId ? highlights.find((h) => h.id === focusedId) : undefined;
  const focusedRect = focusedHighlight
    ? bodyRef.current
        ?.querySelector<HTMLElement>(`mark[data-hstart="${CSS.escape(focusedHighlight.id)}"]`)
        ?.getBoundingClientRect()
    : undefined;
  const notes = useMemo(
    () =>
      highlights
        .filter((h) => !h.orphan && (h.note || h.id === editingId))
        .sort((a, b) => a.position.start - b.position.start || a.position.end - b.position.end),
    [highlights, editingId],
  );
  const layoutKey = `${highlights.length}:${fontsReady}:${panel}:${highlights.map((h) => h.position.start).join(',').length}`;

  if (error) {
    return (
      <main className="reader">
        <p role="alert" className="error">
          Could not open the article: {error}
        </p>
        <button type="button" onClick={onBack}>
          Back to the library
        </button>
      </main>
    );
  }
  if (!article) return <main className="reader" aria-busy="true" />;

  const tipAttribution = tip?.kind === 'attribution' ? article.attributions[tip.index] : undefined;
  const tipGroup =
    tipAttribution && tip?.kind === 'attribution'
      ? sources.find((g) => g.key === sourceKey(tipAttribution.source, tip.index))
      : undefined;

  return (
    <div className={`reader${narrow ? ' is-narrow' : ''}${panel ? ' has-panel' : ''}`}>
      <header className="reader-bar">
        <button type="button" className="bar-button" onClick={onBack}>
          ← Library
        </button>
        <div className="bar-actions" role="group" aria-label="Article">
          <SettingsMenu settings={settings} onChange={onSettings} />
          <button
            type="button"
            className="bar-button"
            aria-pressed={panel === 'highlights'}
            onClick={() => setPanel(panel === 'highlights' ? null : 'highlights')}
          >
            Highlights
          </button>
          <button
            type="button"
            className="bar-button"
            aria-pressed={panel === 'sources'}
            onClick={() => setPanel(panel === 'sources' ? null : 'sources')}
          >
            Sources
          </button>
          <button
            type="button"
            className="bar-button"
            onClick={exportToFile}
            title="Export notes… (Ctrl+Shift+E)"
          >
            Export notes…
          </button>
          <button type="button" className="bar-button" onClick={copyMarkdown}>
            Copy notes as Markdown
          </button>
        </div>
      </header>
      <div className="page" ref={pageRef}>
        <article
          className="article"
          aria-labelledby="article-title"
          ref={bodyRef}
          onMouseOver={(e) => {
            const el = e.target as HTMLElement;
            setHoveredId(el.closest<HTMLElement>('mark[data-hid]')?.dataset.hid ?? null);
            showTipFor(el, 300);
          }}
          onMouseLeave={() => {
            setHoveredId(null);
            showTipFor(document.body, 0);
          }}
          onFocus={(e) => {
            const el = e.target as HTMLElement;
            const hid = el.closest<HTMLElement>('mark[data-hid]')?.dataset.hid ?? null;
            setFocusedId(hid);
            showTipFor(el, 0);
          }}
          onBlur={() => {
            setFocusedId(null);
            showTipFor(document.body, 0);
          }}
          onClick={(e) => {
            const mark = (e.target as HTMLElement).closest<HTMLElement>('mark[data-hid]');
            if (!mark || !document.getSelection()?.isCollapsed) return;
            const hid = mark.dataset.hid!;
            bodyRef.current
              ?.querySelector<HTMLElement>(`mark[data-hstart="${CSS.escape(hid)}"]`)
              ?.focus({ preventScroll: true });
            if (narrow) setOpenId(hid);
          }}
        >
          <h1 id="article-title" className="article-title">
            {article.title}
          </h1>
          <Provenance
            article={article}
            onTip={(anchor) => {
              window.clearTimeout(tipTimer.current);
              setTip(anchor ? { kind: 'provenance', anchor } : null);
            }}
          />
          <ArticleBody article={article} highlights={highlights} />
        </article>
        <MarginNotes
          pageRef={pageRef}
          highlights={notes}
          editingId={editingId}
          hoveredId={hoveredId ?? focusedId}
          narrow={narrow}
          openId={openId}
          layoutKey={layoutKey}
          onHover={setHoveredId}
          onEdit={(hid) => setEditingId(hid)}
          onOpen={setOpenId}
          onSaveNote={saveNote}
          onNoteDone={noteDone}
          onJump={jumpToHighlight}
        />
      </div>
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
      {finding && bodyRef.current?.querySelector<HTMLElement>('.article-body') && (
        <FindBar
          text={article.text}
          body={bodyRef.current.querySelector<HTMLElement>('.article-body')!}
          onClose={() => setFinding(false)}
        />
      )}
      {selection && (
        <SelectionToolbar
          rect={selection.rect}
          onColor={(c) => void createHighlight(c, false)}
          onNote={() => void createHighlight(lastColor, true)}
          onCopy={copyWithSource}
        />
      )}
      {!selection && focusedHighlight && focusedRect && editingId !== focusedHighlight.id && (
        <SelectionToolbar
          rect={focusedRect}
          current={focusedHighlight.color}
          onColor={(c) => void changeColor(focusedHighlight.id, c)}
          onNote={() => {
            setEditingId(focusedHighlight.id);
            setOpenId(focusedHighlight.id);
          }}
          onDelete={() => void deleteHighlight(focusedHighlight.id)}
        />
      )}
      {tip?.kind === 'provenance' && (
        <Tooltip id="reader-tip" anchor={tip.anchor}>
          <ProvenanceDetails article={article} />
        </Tooltip>
      )}
      {tip?.kind === 'gap' && (
        <Tooltip id="reader-tip" anchor={tip.anchor}>
          <p>{GAP_LABEL}.</p>
        </Tooltip>
      )}
      {tipAttribution && tip?.kind === 'attribution' && (
        <Tooltip
          id="reader-tip"
          anchor={tip.anchor}
          onPointerEnter={() => window.clearTimeout(tipTimer.current)}
          onPointerLeave={() => showTipFor(document.body, 0)}
        >
          <p className="tip-title">{tipAttribution.source.name ?? 'Unknown source'}</p>
          {tipAttribution.source.role && (
            <p className="tip-role">{tipGroup?.source.role ?? tipAttribution.source.role}</p>
          )}
          {!tipAttribution.source.role && tipGroup?.source.role && (
            <p className="tip-role">{tipGroup.source.role}</p>
          )}
          <p className="tip-kind">
            {tipAttribution.kind === 'direct' ? 'Quoted' : 'Paraphrased'}
            {tipAttribution.cue && ` · “${tipAttribution.cue}”`}
          </p>
          {!tipAttribution.source.name && (
            <p className="tip-muted">
              The name appears to have been stripped from the text by the feed.
            </p>
          )}
          {tipAttribution.source.name && tipAttribution.nearGap && (
            <p className="tip-muted">Words appear to be missing near this statement.</p>
          )}
          {tipGroup && tipGroup.statements.length > 1 && (
            <p className="tip-others">
              {plural(tipGroup.statements.length, 'statement')} by {tipAttribution.source.name}:{' '}
              {tipGroup.statements.map((i, n) => (
                <button
                  key={i}
                  type="button"
                  className="tip-link"
                  aria-current={i === tip.index}
                  onClick={() => jumpToStatement(i)}
                >
                  {n + 1}
                </button>
              ))}
            </p>
          )}
        </Tooltip>
      )}
      <p className="status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
