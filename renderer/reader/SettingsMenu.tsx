import { useEffect, useRef, useState } from 'react';
import {
  exportColorTags,
  setExportColorTags,
  settingChoices,
  type ReaderSettings,
} from '../settings.ts';

const LABELS: {
  [K in keyof ReaderSettings]: { title: string; names: Record<ReaderSettings[K], string> };
} = {
  theme: {
    title: 'Theme',
    names: { system: 'System', light: 'Light', sepia: 'Sepia', dark: 'Dark' },
  },
  font: { title: 'Text', names: { serif: 'Serif', sans: 'Sans' } },
  size: { title: 'Size', names: { small: 'S', medium: 'M', large: 'L', 'x-large': 'XL' } },
  width: { title: 'Line width', names: { narrow: 'Narrow', normal: 'Normal', wide: 'Wide' } },
};

/** The "Aa" menu: theme, face, size and line width, applied at once and kept. */
export function SettingsMenu({
  settings,
  onChange,
}: {
  settings: ReaderSettings;
  onChange: (next: ReaderSettings) => void;
}) {
  const [open, setOpen] = useState(false);
  const [colorTags, setColorTags] = useState(exportColorTags);
  const box = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => !box.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  const group = <K extends keyof ReaderSettings>(key: K) => (
    <fieldset className="setting" key={key}>
      <legend>{LABELS[key].title}</legend>
      {settingChoices(key).map((value) => (
        <label key={String(value)} className={settings[key] === value ? 'is-chosen' : ''}>
          <input
            type="radio"
            name={key}
            checked={settings[key] === value}
            onChange={() => onChange({ ...settings, [key]: value })}
          />
          {(LABELS[key].names as Record<string, string>)[String(value)]}
        </label>
      ))}
    </fieldset>
  );
  return (
    <div
      className="settings"
      ref={box}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        // Escape closes the menu and gives focus back to the button that opened it.
        e.stopPropagation();
        setOpen(false);
        opener.current?.focus();
      }}
    >
      <button
        ref={opener}
        type="button"
        className="bar-button"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen(!open)}
        title="Reading settings"
      >
        Aa
      </button>
      {open && (
        <div className="settings-panel" role="dialog" aria-label="Reading settings">
          {group('theme')}
          {group('font')}
          {group('size')}
          {group('width')}
          <label className="setting-check">
            <input
              type="checkbox"
              checked={colorTags}
              onChange={(e) => {
                setColorTags(e.target.checked);
                setExportColorTags(e.target.checked);
              }}
            />
            Add highlight colours as tags when exporting
          </label>
        </div>
      )}
    </div>
  );
}
