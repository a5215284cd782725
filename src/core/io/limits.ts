/**
 * How much a single file may hold. The limits exist so that a mistaken or hostile file fails with a
 * clear message instead of exhausting the tab's memory; the UI may raise them for people who know
 * their machine can cope.
 */
export interface ParseLimits {
  /** Bytes of the file, and of its decompressed content when it is gzipped. */
  maxBytes: number;
  maxNodes: number;
  maxEdges: number;
}

export const DEFAULT_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxBytes: 200 * 1024 * 1024,
  maxNodes: 2_000_000,
  maxEdges: 10_000_000,
});

export function resolveLimits(limits?: Partial<ParseLimits>): ParseLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/** "12.3 MB", for messages about sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
