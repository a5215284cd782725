import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  formatMB,
  loadSettings,
  saveSettings,
} from '../../../src/state/settings';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('settings', () => {
  it('round-trips through storage', () => {
    const storage = memoryStorage();
    saveSettings({ maxFileMB: 12 }, storage);
    expect(loadSettings(storage)).toEqual({ maxFileMB: 12 });
  });

  it('falls back to defaults on a corrupt record or a failing store', () => {
    expect(loadSettings({ getItem: () => '{not json' })).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings({ getItem: () => '{"maxFileMB": -3}' })).toEqual(DEFAULT_SETTINGS);
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadSettings(throwing)).toEqual(DEFAULT_SETTINGS);
    expect(() => saveSettings({ maxFileMB: 5 }, throwing)).not.toThrow();
  });

  it('formats sizes for messages', () => {
    expect(formatMB(1_640_000)).toBe('1.6 MB');
    expect(formatMB(250_000_000)).toBe('250 MB');
  });
});
