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

/**
 * Checks the counts of a dataset read without a PayloadBuilder (hashtag datasets become a network
 * after parsing): the same limits, the same kind of message.
 */
export function checkCounts(
  file: string,
  counts: { nodes: number; edges: number },
  limits: Pick<ParseLimits, 'maxNodes' | 'maxEdges'>,
): void {
  if (counts.nodes > limits.maxNodes)
    throw new Error(
      `${file}: ${counts.nodes.toLocaleString('en')} nodes, over the limit of ${limits.maxNodes.toLocaleString('en')} nodes`,
    );
  if (counts.edges > limits.maxEdges)
    throw new Error(
      `${file}: ${counts.edges.toLocaleString('en')} edges, over the limit of ${limits.maxEdges.toLocaleString('en')} edges`,
    );
}

/** A message about a limit, with where to change it (people can raise the limits in Settings). */
export function withLimitHint(message: string): string {
  return /\blimit\b/.test(message) && !/Settings/.test(message)
    ? `${message} (the limits can be changed in Settings)`
    : message;
}
