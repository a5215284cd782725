import type { Csr } from '../src/core/graph/csr';
import { createRng } from '../src/core/spread/rng';

export interface EdgeList {
  nodeCount: number;
  sources: Int32Array;
  targets: Int32Array;
}

/**
 * A seeded directed graph with skewed in- and out-degrees, for benchmarks: each endpoint is drawn
 * as floor(n · u^skew) (a power-law-like density, hubs at low indices), then node ids are shuffled
 * so hubs are scattered through memory as in a real dataset. No self-loops, no duplicate edges.
 * Edges come sorted by (source, target) so every adjacency structure built from them iterates
 * neighbours in the same order, and engines that draw the same random numbers stay comparable.
 */
export function skewedDirectedGraph(
  nodeCount: number,
  edgeCount: number,
  seed: number,
  outSkew = 2,
  inSkew = 1.5,
): EdgeList {
  const rng = createRng(seed);
  const permutation = Int32Array.from({ length: nodeCount }, (_, i) => i);
  for (let i = nodeCount - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [permutation[i], permutation[j]] = [permutation[j], permutation[i]];
  }
  const keys = new Set<number>();
  while (keys.size < edgeCount) {
    const source = permutation[Math.floor(nodeCount * rng.next() ** outSkew)];
    const target = permutation[Math.floor(nodeCount * rng.next() ** inSkew)];
    if (source !== target) keys.add(source * nodeCount + target);
  }
  const sorted = Float64Array.from(keys).sort();
  const sources = new Int32Array(edgeCount);
  const targets = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    sources[e] = Math.floor(sorted[e] / nodeCount);
    targets[e] = sorted[e] % nodeCount;
  }
  return { nodeCount, sources, targets };
}

/** The graph and scenario the spread benchmarks share, so their figures can be compared. */
export const SPREAD_BENCH = {
  nodes: 100_000,
  edges: 1_000_000,
  seed: 20261125,
  worth: 0.15,
  delivery: 0.8,
  /** The origin is the node whose out-degree is nearest this: a well-connected person, not a hub. */
  originDegree: 50,
} as const;

export function nodeWithOutDegreeNear(csr: Csr, degree: number): number {
  let best = 0;
  for (let node = 0; node < csr.nodeCount; node++) {
    const d = csr.offsets[node + 1] - csr.offsets[node];
    const bestDegree = csr.offsets[best + 1] - csr.offsets[best];
    if (Math.abs(d - degree) < Math.abs(bestDegree - degree)) best = node;
  }
  return best;
}
