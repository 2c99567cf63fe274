import type { ReaderSettings } from '../settings.ts';
import { Reader } from './Reader.tsx';
import { useLoadedArticle } from './useLoadedArticle.ts';
import type { ReaderTarget } from './useReadingPosition.ts';
import { useStatus } from './useStatus.ts';
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
}

/** The reader: loads the article, says so if it cannot, and sets it for reading. */
export function ReaderView({ id, ...props }: ReaderProps) {
  const [status, setStatus] = useStatus();
  const { opened, highlights, setHighlights, error } = useLoadedArticle(id, setStatus);
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
  if (!opened) return <main className="reader" aria-busy="true" />;
  return (
    <Reader
      {...props}
      opened={opened}
      highlights={highlights}
      setHighlights={setHighlights}
      status={status}
      setStatus={setStatus}
    />
  );
}
