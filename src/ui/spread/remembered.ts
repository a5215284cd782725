/**
 * A yes/no choice kept across visits in localStorage. Storage can be missing or refuse writes
 * (private windows, blocked site data): the choice then lasts for the visit only, silently.
 */
export function readRemembered(key: string, fallback: boolean): boolean {
  try {
    const value = localStorage.getItem(key);
    return value === null ? fallback : value === 'true';
  } catch {
    return fallback;
  }
}

export function writeRemembered(key: string, value: boolean): void {
  try {
    localStorage.setItem(key, String(value));
  } catch {
    // Not remembered: see above.
  }
}
