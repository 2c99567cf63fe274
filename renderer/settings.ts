/** Reader settings, kept across restarts in the app's own storage. */
export interface ReaderSettings {
  theme: 'system' | 'light' | 'sepia' | 'dark';
  font: 'serif' | 'sans';
  size: 'small' | 'medium' | 'large' | 'x-large';
  width: 'narrow' | 'normal' | 'wide';
}

export const DEFAULT_SETTINGS: ReaderSettings = {
  theme: 'system',
  font: 'serif',
  size: 'medium',
  width: 'normal',
};

const KEY = 'gloss.reader-settings';

const CHOICES: { [K in keyof ReaderSettings]: readonly ReaderSettings[K][] } = {
  theme: ['system', 'light', 'sepia', 'dark'],
  font: ['serif', 'sans'],
  size: ['small', 'medium', 'large', 'x-large'],
  width: ['narrow', 'normal', 'wide'],
};

export function settingChoices<K extends keyof ReaderSettings>(
  key: K,
): readonly ReaderSettings[K][] {
  return CHOICES[key];
}

/** The stored settings, each value checked, falling back to the default for anything unknown. */
export function loadSettings(): ReaderSettings {
  let stored: Partial<Record<string, unknown>> = {};
  try {
    stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<string, unknown>>;
  } catch {
    stored = {};
  }
  const pick = <K extends keyof ReaderSettings>(key: K): ReaderSettings[K] =>
    (CHOICES[key] as readonly unknown[]).includes(stored[key])
      ? (stored[key] as ReaderSettings[K])
      : DEFAULT_SETTINGS[key];
  return { theme: pick('theme'), font: pick('font'), size: pick('size'), width: pick('width') };
}

export function saveSettings(settings: ReaderSettings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    /* settings are a convenience; the page still applies them for this session */
  }
}

/** Puts the settings on the root element, where the style sheet reads them. */
export function applySettings(settings: ReaderSettings): void {
  const root = document.documentElement;
  root.dataset.theme = settings.theme;
  root.dataset.font = settings.font;
  root.dataset.size = settings.size;
  root.dataset.width = settings.width;
}

const COLOR_TAGS_KEY = 'gloss.export-color-tags';

/**
 * Whether exported notes carry each highlight's colour as a tag (#yellow); off unless turned on.
 */
export function exportColorTags(): boolean {
  try {
    return localStorage.getItem(COLOR_TAGS_KEY) === 'true';
  } catch {
    return false;
  }
}

export function setExportColorTags(on: boolean): void {
  try {
    localStorage.setItem(COLOR_TAGS_KEY, String(on));
  } catch {
    /* a convenience only */
  }
}
