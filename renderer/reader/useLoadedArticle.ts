import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { OpenedArticle } from '../../common/api.ts';
import type { Highlight } from '../../common/model/highlight.ts';
import { gloss } from '../api.ts';
import { failureText } from '../failure.ts';
import { plural } from '../format.ts';
import { useLibraryChanges } from '../useLibraryChanges.ts';
import { clearDraft, readDraft } from './NoteEditor.tsx';

export interface LoadedArticle {
  opened: OpenedArticle | null;
  highlights: Highlight[];
  setHighlights: Dispatch<SetStateAction<Highlight[]>>;
  error: string | null;
}

/**
 * Loads an article and its highlights, then puts back any note typed but not confirmed saved
 * last time (see NoteEditor's drafts). The window's title names the article while it is open.
 */
export function useLoadedArticle(id: string, onStatus: (message: string) => void): LoadedArticle {
  const [opened, setOpened] = useState<OpenedArticle | null>(null);
  const [highlights, setHighlights] = useState<Highlight[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const recoverDrafts = async (result: OpenedArticle) => {
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
      if (recovered && live) onStatus(`Recovered ${plural(recovered, 'unsaved note')}`);
    };
    gloss
      .getArticle({ id })
      .then(async (result) => {
        if (!live) return;
        setOpened(result);
        setHighlights(result.highlights);
        document.title = `${result.article.title} — Gloss`;
        await recoverDrafts(result);
      })
      .catch((e: unknown) => {
        if (live) setError(failureText(e));
      });
    return () => {
      live = false;
      document.title = 'Gloss';
    };
  }, [id, onStatus]);

  // Another process changed this article on disk (the `gloss` command annotated it, a note came
  // in by sync): read it again. A note being typed is safe: its editor keeps its own text.
  useLibraryChanges((ids) => {
    if (!ids.includes(id)) return;
    gloss.getArticle({ id }).then(
      (result) => {
        setOpened((now) =>
          now?.article.contentHash === result.article.contentHash ? now : result,
        );
        setHighlights(result.highlights);
      },
      () => undefined, // gone or unreadable now: keep showing what was read
    );
  });

  return { opened, highlights, setHighlights, error };
}
