import type { Csr } from '../graph/csr';

/**
 * Per-graph quantities the models need besides the out-adjacency: in-degrees (complex contagion's
 * fractions, linear threshold's equal weights), in-weight sums (linear threshold's normalisation)
 * and the heaviest weight (scaling probabilities by tie strength). Computed once per Csr in O(E)
 * and cached, so Monte Carlo's thousands of runs do not redo it.
 */
export interface GraphFacts {
  inDegree: Int32Array;
  /** Sum of the (non-negative) weights of each node's in-edges. */
  inWeight: Float64Array;
  /** Heaviest edge weight, 0 when no weight is positive. */
  maxWeight: number;
}

const cache = new WeakMap<Csr, GraphFacts>();

export function graphFacts(csr: Csr): GraphFacts {
  let facts = cache.get(csr);
  if (facts) return facts;
  const { nodeCount, targets, weights } = csr;
  const inDegree = new Int32Array(nodeCount);
  const inWeight = new Float64Array(nodeCount);
  let maxWeight = 0;
  for (let slot = 0; slot < targets.length; slot++) {
    const target = targets[slot];
    const weight = tieWeight(weights[slot]);
    inDegree[target]++;
    inWeight[target] += weight;
    if (weight > maxWeight) maxWeight = weight;
  }
  facts = { inDegree, inWeight, maxWeight };
  cache.set(csr, facts);
  return facts;
}

/** Negative, NaN or infinite weights carry no influence: a dataset's weight column is untrusted. */
export function tieWeight(weight: number): number {
  return weight > 0 && weight < Infinity ? weight : 0;
}

/**
 * Factor turning an edge weight into a probability scale (weight / heaviest), or 0 meaning "do not
 * scale": an unweighted scenario, or a graph whose weights are all zero (nothing to go by).
 */
export function weightScale(csr: Csr, weighted: boolean | undefined): number {
  if (!weighted) return 0;
  const { maxWeight } = graphFacts(csr);
  return maxWeight > 0 ? 1 / maxWeight : 0;
}
