import type { AttributeValue, DatasetPayload } from '../io/payload';

const isHard = (value: AttributeValue | undefined) =>
  value === true || (typeof value === 'string' && value.toLowerCase() === 'hard');

/**
 * The ties a dataset marks as the hard network, one flag per edge, or null when it marks none.
 * An edge is hard when its `kind`, `type` or `channel` attribute says "hard" (or `hard` is true), or
 * when it points at a node marked that way (a subscriber list: `kind`/`channel` "hard" on the node).
 */
export function hardEdgesOf(payload: DatasetPayload): Uint8Array | null {
  const edgeCount = payload.edgeSources.length;
  const marked = new Uint8Array(edgeCount);
  let any = false;
  const keys = ['kind', 'type', 'channel', 'hard'] as const;
  const hardNode = payload.nodeAttributes.map((a) => keys.some((key) => isHard(a[key])));
  for (let e = 0; e < edgeCount; e++) {
    const attributes = payload.edgeAttributes?.[e];
    if (
      (attributes && keys.some((key) => isHard(attributes[key]))) ||
      hardNode[payload.edgeTargets[e]]
    ) {
      marked[e] = 1;
      any = true;
    }
  }
  return any ? marked : null;
}
