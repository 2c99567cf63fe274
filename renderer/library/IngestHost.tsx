import { useEffect, useState } from 'react';
import { gloss, onMenuCommand } from '../api.ts';
import { failureText } from '../failure.ts';
import { plural } from '../format.ts';
import { loadFeeds, refreshFeeds } from './feeds-store.ts';
import { libraryChanged } from './library-events.ts';
import { SaveLinkDialog } from './SaveLinkDialog.tsx';
import { showToast } from './toasts.ts';
import { useFeedSchedule } from './useFeedSchedule.ts';
import { useLinkDropAndPaste } from './useLinkDropAndPaste.ts';
import { useLinkSaving } from './useLinkSaving.ts';

interface Props {
  /** The view on screen: links are dropped and pasted on the library only. */
  view: string;
  /** Opens an article in the reader. */
  onOpen: (id: string) => void;
}

/** Subscribes to the feeds an OPML file lists (File → Import feeds), then refreshes them. */
async function importOpml(): Promise<void> {
  try {
    const { file, added } = await gloss.importOpml();
    if (!file) return;
    showToast({ key: 'opml', text: `${plural(added, 'new feed')} from ${file}` });
    await loadFeeds();
    if (added) void refreshFeeds();
  } catch (error) {
    showToast({ key: 'opml', text: `Feeds not imported: ${failureText(error)}` });
  }
}

async function exportOpml(): Promise<void> {
  try {
    const { path } = await gloss.exportOpml();
    if (path) showToast({ key: 'opml', text: `Feeds saved to ${path}` });
  } catch (error) {
    showToast({ key: 'opml', text: `Feeds not exported: ${failureText(error)}` });
  }
}

/**
 * What brings articles in from the web, wherever the reader is: File → Save link… (Ctrl/Cmd+L)
 * and its dialog, a link dropped or pasted on the library, the feeds' refresh schedule and the
 * OPML menu items.
 */
export function IngestHost({ view, onOpen }: Props) {
  const [dragging, setDragging] = useState(false);
  const links = useLinkSaving((result, dropped) => {
    libraryChanged();
    const text =
      result.status === 'duplicate'
        ? `“${result.title}” is already in your library.`
        : `Saved “${result.title}”.`;
    // A link typed into the dialog is read now; one dropped or pasted joins the list.
    if (!dropped) onOpen(result.id);
    else
      showToast({ key: 'link', text, actions: [{ label: 'Open', run: () => onOpen(result.id) }] });
  });
  const { open: openDialog } = links;
  useFeedSchedule();

  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'save-link') openDialog();
        if (command === 'import-opml') void importOpml();
        if (command === 'export-opml') void exportOpml();
      }),
    [openDialog],
  );
  useLinkDropAndPaste(view === 'library', (url) => links.save(url, true), setDragging);

  return (
    <>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop to save this link to read offline</p>
        </div>
      )}
      {links.state && (
        <SaveLinkDialog
          state={links.state}
          onSave={(url) => links.save(url, false)}
          onClose={links.close}
        />
      )}
    </>
  );
}
