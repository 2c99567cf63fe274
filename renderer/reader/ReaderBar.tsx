import type { ReaderSettings } from '../settings.ts';
import { SettingsMenu } from './SettingsMenu.tsx';

export type PanelTab = 'highlights' | 'sources';

interface Props {
  settings: ReaderSettings;
  onSettings: (next: ReaderSettings) => void;
  panel: PanelTab | null;
  onPanel: (panel: PanelTab | null) => void;
  onBack: () => void;
  onExport: () => void;
  onCopyMarkdown: () => void;
}

/** The reader's top bar: back to the library, reading settings, the panels and the exports. */
export function ReaderBar({ settings, onSettings, panel, onPanel, ...props }: Props) {
  const toggle = (tab: PanelTab) => onPanel(panel === tab ? null : tab);
  return (
    <header className="reader-bar">
      <button type="button" className="bar-button" onClick={props.onBack}>
        ← Library
      </button>
      <div className="bar-actions" role="group" aria-label="Article">
        <SettingsMenu settings={settings} onChange={onSettings} />
        <button
          type="button"
          className="bar-button"
          aria-pressed={panel === 'highlights'}
          onClick={() => toggle('highlights')}
        >
          Highlights
        </button>
        <button
          type="button"
          className="bar-button"
          aria-pressed={panel === 'sources'}
          onClick={() => toggle('sources')}
        >
          Sources
        </button>
        <button
          type="button"
          className="bar-button"
          onClick={props.onExport}
          title="Export notes… (Ctrl+Shift+E)"
        >
          Export notes…
        </button>
        <button type="button" className="bar-button" onClick={props.onCopyMarkdown}>
          Copy notes as Markdown
        </button>
      </div>
    </header>
  );
}

/**
 * Links at the top of the tab order, shown when focused: straight to the text, to the notes in
 * the margin, and to the open panel, instead of tabbing through every quoted passage.
 */
export function SkipLinks({ hasNotes, hasPanel }: { hasNotes: boolean; hasPanel: boolean }) {
  const go = (selector: string) => () =>
    document.querySelector<HTMLElement>(selector)?.focus({ preventScroll: false });
  return (
    <nav className="skip-links" aria-label="Skip links">
      <button type="button" className="skip-link" onClick={go('#article-title')}>
        Skip to the text
      </button>
      {hasNotes && (
        <button
          type="button"
          className="skip-link"
          onClick={go('.margin .note-card, .note-marker')}
        >
          Skip to the notes
        </button>
      )}
      {hasPanel && (
        <button type="button" className="skip-link" onClick={go('.side-panel [role="tab"]')}>
          Skip to the panel
        </button>
      )}
    </nav>
  );
}
