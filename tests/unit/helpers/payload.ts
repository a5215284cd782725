import type { Attributes, DatasetPayload } from '../../../src/core/io/payload';

/** A payload from "a b" pairs, for tests that need a small graph without a file. */
export function payloadFromPairs(
  pairs: [string, string][],
  { directed = true, attributes = {} as Record<string, Attributes> } = {},
): DatasetPayload {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const at = (id: string) => {
    if (!index.has(id)) {
      index.set(id, ids.length);
      ids.push(id);
    }
    return index.get(id)!;
  };
  for (const [a, b] of pairs) {
    at(a);
    at(b);
  }
  for (const id of Object.keys(attributes)) at(id);
  return {
    name: 'test.json',
    format: 'graphology-json',
    directed,
    nodeIds: ids,
    nodeAttributes: ids.map((id) => ({ ...(attributes[id] ?? {}) })),
    edgeSources: Int32Array.from(pairs.map(([a]) => index.get(a)!)),
    edgeTargets: Int32Array.from(pairs.map(([, b]) => index.get(b)!)),
    edgeWeights: new Float64Array(pairs.length).fill(1),
    graphAttributes: {},
    warnings: [],
  };
}
