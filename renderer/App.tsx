import { useEffect, useState } from 'react';
import type { AppNotice } from '../common/api.ts';
import { gloss } from './api.ts';
import { LibraryView } from './library/LibraryView.tsx';
import { ReaderView } from './reader/ReaderView.tsx';

type Route = { view: 'library' } | { view: 'reader'; id: string };

export function App() {
  const [route, setRoute] = useState<Route>({ view: 'library' });
  const [notices, setNotices] = useState<AppNotice[]>([]);

  useEffect(() => {
    gloss.notices().then(setNotices, () => setNotices([]));
  }, []);

  return (
    <div className="app">
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
      {route.view === 'library' ? (
        <LibraryView onOpen={(id) => setRoute({ view: 'reader', id })} />
      ) : (
        <ReaderView id={route.id} onBack={() => setRoute({ view: 'library' })} />
      )}
    </div>
  );
}
