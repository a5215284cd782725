/**
 * The graph as ForceAtlas2 sees it, in a form the multilevel placement can coarsen: undirected, in
 * CSR form, parallel and reciprocal edges merged into one with their attraction weights summed
 * (FA2's attraction is linear in the weight, so the forces are the same), and each node's FA2 mass.
 */
export interface WeightedGraph {
  nodeCount: number;
  offsets: Int32Array;
  neighbours: Int32Array;
  /** Attraction weight of each neighbour entry: the edge weight raised to `edgeWeightInfluence`. */
  weights: Float64Array;
  /** FA2's repulsion mass: 1 + weighted degree (self-loops count twice), as matrices.ts builds it. */
  mass: Float64Array;
}

export interface EdgeArrays {
  sources: Int32Array;
  targets: Int32Array;
  weights?: Float32Array | Float64Array | null;
}

/**
 * Skips what buildMatrices skips (an endpoint out of range, a weight that is not a finite number ≥ 0),
 * so masses match the FA2 run's exactly.
 */
export function weightedGraph(
  nodeCount: number,
  edges: EdgeArrays,
  edgeWeightInfluence = 1,
): WeightedGraph {
  const { sources, targets, weights } = edges;
  const mass = new Float64Array(nodeCount).fill(1);
  const degree = new Int32Array(nodeCount);
  const usable = (s: number, t: number, w: number) =>
    s >= 0 && t >= 0 && s < nodeCount && t < nodeCount && w >= 0 && Number.isFinite(w);
  for (let e = 0; e < sources.length; e++) {
    const [s, t, w] = [sources[e], targets[e], weights ? weights[e] : 1];
    if (!usable(s, t, w)) continue;
    mass[s] += w;
    mass[t] += w;
    // A self-loop pulls nothing; a zero-weight edge neither (w^influence aside, it adds no mass).
    if (s !== t && w > 0) {
      degree[s]++;
      degree[t]++;
    }
  }
  const builder = new EdgeMerger(nodeCount, degree);
  for (let e = 0; e < sources.length; e++) {
    const [s, t, w] = [sources[e], targets[e], weights ? weights[e] : 1];
    if (!usable(s, t, w) || s === t || w === 0) continue;
    builder.add(s, t, Math.pow(w, edgeWeightInfluence));
  }
  return { nodeCount, ...builder.merged(), mass };
}

/**
 * Collects undirected edges (each added once, stored both ways) into CSR, then merges repeated
 * neighbours in O(edges) with a marker array rather than a sort or a map.
 */
export class EdgeMerger {
  private readonly offsets: Int32Array;
  private readonly cursor: Int32Array;
  private readonly neighbours: Int32Array;
  private readonly weights: Float64Array;

  constructor(
    private readonly nodeCount: number,
    /** Upper bound on each node's number of neighbour entries. */
    capacity: Int32Array,
  ) {
    this.offsets = new Int32Array(nodeCount + 1);
    for (let i = 0; i < nodeCount; i++) this.offsets[i + 1] = this.offsets[i] + capacity[i];
    this.cursor = this.offsets.slice(0, nodeCount);
    this.neighbours = new Int32Array(this.offsets[nodeCount]);
    this.weights = new Float64Array(this.offsets[nodeCount]);
  }

  add(a: number, b: number, weight: number): void {
    this.neighbours[this.cursor[a]] = b;
    this.weights[this.cursor[a]++] = weight;
    this.neighbours[this.cursor[b]] = a;
    this.weights[this.cursor[b]++] = weight;
  }

  merged(): Pick<WeightedGraph, 'offsets' | 'neighbours' | 'weights'> {
    const { nodeCount, offsets, cursor, neighbours, weights } = this;
    const slot = new Int32Array(nodeCount).fill(-1);
    const outOffsets = new Int32Array(nodeCount + 1);
    let out = 0;
    for (let i = 0; i < nodeCount; i++) {
      const first = out;
      for (let k = offsets[i]; k < cursor[i]; k++) {
        const j = neighbours[k];
        if (slot[j] >= first) {
          weights[slot[j]] += weights[k];
          continue;
        }
        slot[j] = out;
        // Compacting in place is safe: `out` never overtakes `k`.
        neighbours[out] = j;
        weights[out++] = weights[k];
      }
      outOffsets[i + 1] = out;
    }
    return {
      offsets: outOffsets,
      neighbours: neighbours.slice(0, out),
      weights: weights.slice(0, out),
    };
  }
}

/** Each edge once (lower index first), as the FA2 runner takes edges. */
export function edgeArrays(graph: WeightedGraph): {
  sources: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
} {
  const { nodeCount, offsets, neighbours, weights } = graph;
  const count = neighbours.length >> 1;
  const sources = new Int32Array(count);
  const targets = new Int32Array(count);
  const edgeWeights = new Float64Array(count);
  let e = 0;
  for (let i = 0; i < nodeCount; i++) {
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      if (neighbours[k] <= i) continue;
      sources[e] = i;
      targets[e] = neighbours[k];
      edgeWeights[e++] = weights[k];
    }
  }
  return { sources, targets, weights: edgeWeights };
}
