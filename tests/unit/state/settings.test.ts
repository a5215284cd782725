import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  formatMB,
  loadSettings,
  saveSettings,
  validSetting,
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
    saveSettings({ maxFileMB: 12, maxNodes: 1000, maxEdges: 5000 }, storage);
    expect(loadSettings(storage)).toEqual({ maxFileMB: 12, maxNodes: 1000, maxEdges: 5000 });
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
    expect(() => saveSettings({ ...DEFAULT_SETTINGS, maxFileMB: 5 }, throwing)).not.toThrow();
  });

  it('keeps each valid value when another is corrupt, and reads old records', () => {
    const stored = (value: string) => ({ getItem: () => value });
    expect(loadSettings(stored('{"maxFileMB": 50, "maxNodes": "lots", "maxEdges": 10}'))).toEqual({
      ...DEFAULT_SETTINGS,
      maxFileMB: 50,
      maxEdges: 10,
    });
    // Written before node and edge limits existed.
    expect(loadSettings(stored('{"maxFileMB": 7}'))).toEqual({ ...DEFAULT_SETTINGS, maxFileMB: 7 });
    expect(loadSettings(stored('null'))).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings(stored('{"__proto__": {"maxNodes": 3}}'))).toEqual(DEFAULT_SETTINGS);
  });

  it('rounds counts down and refuses what is not a positive number', () => {
    expect(validSetting('maxNodes', 12.7)).toBe(12);
    expect(validSetting('maxNodes', 0.5)).toBe(DEFAULT_SETTINGS.maxNodes);
    expect(validSetting('maxEdges', Infinity)).toBe(DEFAULT_SETTINGS.maxEdges);
    expect(validSetting('maxFileMB', 0.5)).toBe(0.5);
    expect(validSetting('maxFileMB', -1)).toBe(DEFAULT_SETTINGS.maxFileMB);
  });

  it('formats sizes for messages', () => {
    expect(formatMB(1_640_000)).toBe('1.6 MB');
    expect(formatMB(250_000_000)).toBe('250 MB');
  });
});
