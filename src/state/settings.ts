/**
 * Settings a person changes once and expects to keep. Stored in localStorage under a versioned key;
 * an unavailable or corrupt store (private window, quota) silently falls back to the defaults, and
 * each value is checked on its own, so one bad value does not reset the others.
 */
export interface Settings {
  /** Files above this size are refused before any parsing. */
  maxFileMB: number;
  /** Datasets with more nodes or edges are refused while parsing, before they fill the memory. */
  maxNodes: number;
  maxEdges: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  maxFileMB: 200,
  maxNodes: 2_000_000,
  maxEdges: 10_000_000,
});
const KEY = 'wordspread.settings.v1';

/** A usable value for one setting: a finite number above zero, else the default. */
export function validSetting(key: keyof Settings, value: unknown): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) return DEFAULT_SETTINGS[key];
  // Counts are whole; a fractional size in MB is fine.
  return key === 'maxFileMB' ? number : Math.floor(number) || DEFAULT_SETTINGS[key];
}

export function loadSettings(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): Settings {
  try {
    const stored: unknown = JSON.parse(storage?.getItem(KEY) ?? '{}');
    const fields = typeof stored === 'object' && stored !== null ? stored : {};
    const read = (key: keyof Settings) =>
      validSetting(
        key,
        Object.hasOwn(fields, key) ? (fields as Record<string, unknown>)[key] : undefined,
      );
    return { maxFileMB: read('maxFileMB'), maxNodes: read('maxNodes'), maxEdges: read('maxEdges') };
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
