import { useCallback, useEffect, useRef } from 'react';
import type { Attribution } from '../../common/model/attribution.ts';
import type { Article } from '../../common/model/article.ts';
import { gloss, onMenuCommand } from '../api.ts';
import { failureText } from '../failure.ts';
import { localDate } from '../format.ts';
import { exportColorTags } from '../settings.ts';

function sourceLine(a: Attribution | undefined): string | null {
  if (!a) return null;
  if (!a.source.name) return 'unknown source (name missing in the text)';
  return a.source.role ? `${a.source.name}, ${a.source.role}` : a.source.name;
}

/** A passage as quoted elsewhere: the words, who said them, and where they were published. */
export function citation(article: Article, start: number, end: number): string {
  const quote = article.text.slice(start, end).replace(/\n\n/g, ' ¶ ');
  const who = sourceLine(article.attributions.find((a) => a.start < end && a.end > start));
  const where = [
    article.title,
    [article.source, article.publisher && `via ${article.publisher}`].filter(Boolean).join(' '),
    localDate(article.published),
  ]
    .filter(Boolean)
    .join(', ');
  return `“${quote}”${who ? ` — ${who}` : ''} (${where})`;
}

/**
 * The article's notes leaving the app: to a Markdown file through the save dialog, to the
 * clipboard as Markdown, or one passage copied with its source. A second export asked for while
 * the save dialog is still open (the menu and the page can both see one key press) is ignored.
 */
export function useNoteExport(articleId: string, onStatus: (message: string) => void) {
  const exporting = useRef(false);

  const exportToFile = useCallback(async () => {
    if (exporting.current) return;
    exporting.current = true;
    try {
      const { path } = await gloss.exportToFile({ articleId, colorTags: exportColorTags() });
      if (path) onStatus(`Notes exported to ${path}`);
    } catch (e) {
      onStatus(`Export failed: ${failureText(e)}`);
    } finally {
      exporting.current = false;
    }
  }, [articleId, onStatus]);

  const copyMarkdown = useCallback(async () => {
    try {
      await navigator.clipboard.writeText(
        await gloss.exportMarkdown({ articleId, colorTags: exportColorTags() }),
      );
      onStatus('Notes copied as Markdown');
    } catch (e) {
      onStatus(`Could not copy: ${failureText(e)}`);
    }
  }, [articleId, onStatus]);

  const copyWithSource = useCallback(
    async (article: Article, start: number, end: number) => {
      try {
        await navigator.clipboard.writeText(citation(article, start, end));
        onStatus('Copied with source');
      } catch {
        onStatus('Could not reach the clipboard');
      }
    },
    [onStatus],
  );

  // File → Export notes… and its accelerator, from the menu or the page.
  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'export-notes') void exportToFile();
      }),
    [exportToFile],
  );

  return { exportToFile, copyMarkdown, copyWithSource };
}
