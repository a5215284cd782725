/**
 * Settings a person changes once and expects to keep. Stored in localStorage under a versioned key;
 * an unavailable or corrupt store (private window, quota) silently falls back to the defaults.
 */
export interface Settings {
  /** Files above this size are refused before any parsing. */
  maxFileMB: number;
}

export const DEFAULT_SETTINGS: Settings = { maxFileMB: 200 };
const KEY = 'wordspread.settings.v1';

export function loadSettings(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): Settings {
  try {
    const stored = JSON.parse(storage?.getItem(KEY) ?? '{}') as Partial<Settings>;
    const maxFileMB = Number(stored.maxFileMB);
    return {
      maxFileMB:
        Number.isFinite(maxFileMB) && maxFileMB > 0 ? maxFileMB : DEFAULT_SETTINGS.maxFileMB,
    };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function saveSettings(
  settings: Settings,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Not persisted: the setting still applies to this visit.
  }
}

/** "250 MB" for messages. */
export function formatMB(bytes: number): string {
  const mb = bytes / 1_000_000;
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}
