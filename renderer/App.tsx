import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppNotice } from '../common/api.ts';
import { commandOfKey } from './accelerators.ts';
import { gloss, onMenuCommand, runMenuCommand } from './api.ts';
import { ImportStatus } from './library/ImportStatus.tsx';
import { IngestHost } from './library/IngestHost.tsx';
import { LibraryView } from './library/LibraryView.tsx';
import { ToastStack } from './library/ToastStack.tsx';
import { showToast } from './library/toasts.ts';
import { NotebookView } from './notebook/NotebookView.tsx';
import { ReaderView, type ReaderTarget } from './reader/ReaderView.tsx';
import {
  applySettings,
  exportColorTags,
  loadSettings,
  saveSettings,
  type ReaderSettings,
} from './settings.ts';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { failureText } from './failure.ts';
import { useImports } from './useImports.ts';

type Route =
  | { view: 'library' }
  | { view: 'notebook' }
  | { view: 'reader'; id: string; target?: ReaderTarget; from?: 'notebook' };

export function App() {
  const [route, setRoute] = useState<Route>({ view: 'library' });
  const [notices, setNotices] = useState<AppNotice[]>([]);
  const [settings, setSettings] = useState<ReaderSettings>(loadSettings);
  const [shortcuts, setShortcuts] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [libraryVersion, setLibraryVersion] = useState(0);
  const imports = useImports(useCallback(() => setLibraryVersion((v) => v + 1), []));
  const { importWithDialog } = imports;
  const order = useRef<string[]>([]);

  useEffect(() => {
    gloss.notices().then(setNotices, () => setNotices([]));
  }, []);
  useEffect(() => {
    applySettings(settings);
    saveSettings(settings);
  }, [settings]);

  const exportAll = useCallback(async () => {
    const toast = (text: string) => showToast({ key: 'export-all', text });
    try {
      const { folder, files } = await gloss.exportAllWithDialog({ colorTags: exportColorTags() });
      if (folder)
        toast(`Exported ${files.length} article${files.length === 1 ? '' : 's'} to ${folder}`);
    } catch (error) {
      toast(`Export failed: ${failureText(error)}`);
    }
  }, []);
  // A finished import's summary belongs to the view it was made in; one still running stays.
  const [statusView, setStatusView] = useState(route.view);
  if (statusView !== route.view) {
    setStatusView(route.view);
    if (imports.importing?.summary) imports.close();
  }
  const openArticle = useCallback((id: string) => {
    window.scrollTo(0, 0);
    setRoute({ view: 'reader', id });
  }, []);

  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'import') void importWithDialog();
        if (command === 'export-all') void exportAll();
      }),
    [importWithDialog, exportAll],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // The menu's accelerators work from the page too (and in a browser, with no menu).
      const command = commandOfKey(e);
      if (command) {
        e.preventDefault();
        runMenuCommand(command);
        return;
      }
      const el = e.target as HTMLElement;
      if (
        e.key === '?' &&
        route.view === 'library' &&
        el.tagName !== 'INPUT' &&
        el.tagName !== 'TEXTAREA'
      )
        setShortcuts(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [route.view]);

  const navigate = (delta: -1 | 1) => {
    if (route.view !== 'reader') return;
    const at = order.current.indexOf(route.id);
    const next = order.current[at + delta];
    if (at >= 0 && next) {
      window.scrollTo(0, 0);
      setRoute({ view: 'reader', id: next });
    }
  };

  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.relatedTarget === null) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        // The File objects themselves go to the preload, which alone can find their paths.
        void imports.importDropped([...e.dataTransfer.files]);
      }}
    >
      {notices.length > 0 && (
        <div className="notice" role="alert">
          {notices.map((n) => (
            <p key={n.file}>{n.message}</p>
          ))}
          <button type="button" onClick={() => setNotices([])}>
            Dismiss
          </button>
        </div>
      )}
      {route.view === 'notebook' && (
        <NotebookView
          onOpen={(id, target) => {
            window.scrollTo(0, 0);
            setRoute({ view: 'reader', id, target, from: 'notebook' });
          }}
          onLibrary={() => setRoute({ view: 'library' })}
        />
      )}
      {route.view === 'library' ? (
        <LibraryView
          key={libraryVersion}
          onOpen={(id, target) => {
            window.scrollTo(0, 0);
            setRoute({ view: 'reader', id, target });
          }}
          onOrder={(ids) => {
            order.current = ids;
          }}
          onImport={() => void importWithDialog()}
          onExportAll={() => void exportAll()}
          onNotebook={() => setRoute({ view: 'notebook' })}
        />
      ) : (
        route.view === 'reader' && (
          <ReaderView
            key={route.id}
            id={route.id}
            target={route.target}
            settings={settings}
            onSettings={setSettings}
            onBack={() => setRoute({ view: route.from ?? 'library' })}
            onNavigate={navigate}
            onShortcuts={() => setShortcuts(true)}
          />
        )
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop to import into your library</p>
        </div>
      )}
      <ToastStack view={route.view}>
        {imports.importing && <ImportStatus progress={imports.importing} onClose={imports.close} />}
      </ToastStack>
      <IngestHost view={route.view} onOpen={openArticle} />
      {shortcuts && <ShortcutsDialog onClose={() => setShortcuts(false)} />}
    </div>
  );
}
