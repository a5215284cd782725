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

/**
 * Exact per-node reach probabilities of the independent cascade, by enumerating every live/dead
 * outcome of every edge: an origin's out-edges are live with probability `delivery`, everyone
 * else's with `worth`, and the reached set is what the live edges connect to the origins.
 */
export function exactReachProbabilities(
  csr: Csr,
  origins: number[],
  delivery: number,
  worth: number,
) {
  const edgeCount = csr.targets.length;
  const sourceOf = new Int32Array(edgeCount);
  for (let u = 0; u < csr.nodeCount; u++) {
    for (let e = csr.offsets[u]; e < csr.offsets[u + 1]; e++) sourceOf[e] = u;
  }
  const probability = (e: number) => (origins.includes(sourceOf[e]) ? delivery : worth);
  const reached = new Float64Array(csr.nodeCount);
  for (let outcome = 0; outcome < 1 << edgeCount; outcome++) {
    let weight = 1;
    for (let e = 0; e < edgeCount; e++) {
      weight *= outcome & (1 << e) ? probability(e) : 1 - probability(e);
    }
    const seen = new Uint8Array(csr.nodeCount);
    const stack = [...origins];
    for (const o of origins) seen[o] = 1;
    while (stack.length > 0) {
      const u = stack.pop()!;
      for (let e = csr.offsets[u]; e < csr.offsets[u + 1]; e++) {
        const v = csr.targets[e];
        if (outcome & (1 << e) && !seen[v]) {
          seen[v] = 1;
          stack.push(v);
        }
      }
    }
    for (let v = 0; v < csr.nodeCount; v++) if (seen[v]) reached[v] += weight;
  }
  return reached;
}
