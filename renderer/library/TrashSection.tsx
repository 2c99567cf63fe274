import { useEffect, useState } from 'react';
import type { ArticleSummary } from '../../common/model/article.ts';
import { gloss } from '../api.ts';
import { failureText } from '../failure.ts';

interface Props {
  /** An article came back from the trash: the library lists it again. */
  onRestored: () => Promise<void>;
  onClose: () => void;
}

/** The trash: articles deleted in the last 30 days, each restorable with its highlights. */
export function TrashSection({ onRestored, onClose }: Props) {
  const [trash, setTrash] = useState<ArticleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    gloss.listTrash().then(
      (list) => live && setTrash(list),
      (e: unknown) => live && setError(failureText(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  const restore = async (id: string) => {
    try {
      await gloss.restoreArticle({ id });
      setTrash(await gloss.listTrash());
      await onRestored();
    } catch (e) {
      setError(failureText(e));
    }
  };

  return (
    <section className="trash" aria-label="Trash">
      <h2>Trash</h2>
      <p className="panel-hint">
        Articles stay here for 30 days, with their highlights, then are deleted.
      </p>
      {error && <p role="alert">{error}</p>}
      {trash?.length === 0 && <p className="empty">The trash is empty.</p>}
      <ul>
        {(trash ?? []).map((a) => (
          <li key={a.id}>
            {a.title}
            <button type="button" className="bar-button" onClick={() => void restore(a.id)}>
              Restore
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="bar-button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
