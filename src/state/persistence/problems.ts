/**
 * Why the browser would not keep the session, in words a person can act on. IndexedDB fails in a
 * few recognisable ways: no IndexedDB at all (some private windows, disabled storage), a full quota,
 * or anything else (a broken profile, a blocked upgrade).
 */
export class StorageProblem extends Error {
  constructor(
    readonly kind: 'unavailable' | 'quota' | 'other',
    message: string,
  ) {
    super(message);
    this.name = 'StorageProblem';
  }
}

export function storageProblem(error: unknown): StorageProblem {
  if (error instanceof StorageProblem) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const detail = error instanceof Error || error instanceof DOMException ? error.message : '';
  if (name === 'QuotaExceededError')
    return new StorageProblem(
      'quota',
      'The browser’s storage for this site is full, so this session is not saved: a reload will not bring it back.',
    );
  if (
    typeof indexedDB === 'undefined' ||
    name === 'SecurityError' ||
    name === 'InvalidStateError' ||
    /indexedDB is not defined/.test(detail)
  )
    return new StorageProblem(
      'unavailable',
      'This browser window does not let the app store anything (a private window, or storage turned off): sessions are not saved, and a reload starts afresh.',
    );
  return new StorageProblem(
    'other',
    `The session could not be saved (${detail || name || 'unknown storage error'}): a reload may not bring it back.`,
  );
}
