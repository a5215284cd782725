import { csrFromEdges, type Csr } from '../../../src/core/graph/csr';
import { createRng } from '../../../src/core/spread/rng';
import type { Scenario } from '../../../src/core/spread/types';

export function graph(nodeCount: number, edges: [number, number][], directed: boolean): Csr {
  return csrFromEdges(
    nodeCount,
    Int32Array.from(edges, (e) => e[0]),
    Int32Array.from(edges, (e) => e[1]),
    new Float64Array(edges.length).fill(1),
    directed,
  );
}

export function scenario(overrides: Partial<Scenario>): Scenario {
  return {
    origins: [0],
    model: 'independent-cascade',
    worth: 0.5,
    delivery: 1,
    seed: 1,
    ...overrides,
  };
}

/** Sample mean and its standard error. */
export function meanAndStandardError(values: number[]): { mean: number; standardError: number } {
  const n = values.length;
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1);
  return { mean, standardError: Math.sqrt(variance / n) };
}

/**
 * A random graph with a skewed degree distribution (low indices are hubs), mixing directed and
 * undirected edges, so invariants are checked on irregular shapes.
 */
export function randomGraph(seed: number, nodeCount: number, edgeCount: number): Csr {
  const rng = createRng(seed);
  const sources = new Int32Array(edgeCount);
  const targets = new Int32Array(edgeCount);
  const directed = new Uint8Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    sources[e] = Math.floor(nodeCount * rng.next() ** 2);
    targets[e] = Math.floor(nodeCount * rng.next());
    directed[e] = rng.next() < 0.5 ? 1 : 0;
  }
  return csrFromEdges(nodeCount, sources, targets, new Float64Array(edgeCount), directed);
}

export function outNeighbours(csr: Csr, node: number): Int32Array {
  return csr.targets.subarray(csr.offsets[node], csr.offsets[node + 1]);
}
