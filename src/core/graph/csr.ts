/**
 * Compressed sparse row adjacency: the out-neighbours of node i are
 * `targets[offsets[i] .. offsets[i + 1])`. Undirected edges appear in both directions. This is what
 * the spread engine walks; it never touches graphology callbacks.
 */
export interface Csr {
  nodeCount: number;
  /** Length nodeCount + 1. */
  offsets: Int32Array;
  targets: Int32Array;
  /** Same length as targets. */
  weights: Float64Array;
  /** Same length as targets: the index of the payload edge each slot came from. */
  edges: Int32Array;
}

/**
 * Builds a CSR index from an edge list. `directed` may be a single flag or a per-edge flag array
 * (mixed graphs). Self-loops are kept out: nobody tells themselves.
 */
export function csrFromEdges(
  nodeCount: number,
  sources: Int32Array,
  targets: Int32Array,
  weights: Float64Array,
  directed: boolean | Uint8Array,
): Csr {
  const isDirected = (e: number) => (typeof directed === 'boolean' ? directed : directed[e] === 1);
  const degree = new Int32Array(nodeCount + 1);
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e];
    const t = targets[e];
    if (s === t) continue;
    degree[s + 1]++;
    if (!isDirected(e)) degree[t + 1]++;
  }
  for (let i = 0; i < nodeCount; i++) degree[i + 1] += degree[i];
  const offsets = degree;
  const cursor = offsets.slice(0, nodeCount);
  const total = offsets[nodeCount];
  const out = new Int32Array(total);
  const outWeights = new Float64Array(total);
  const outEdges = new Int32Array(total);
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e];
    const t = targets[e];
    if (s === t) continue;
    out[cursor[s]] = t;
    outEdges[cursor[s]] = e;
    outWeights[cursor[s]++] = weights[e];
    if (!isDirected(e)) {
      out[cursor[t]] = s;
      outEdges[cursor[t]] = e;
      outWeights[cursor[t]++] = weights[e];
    }
  }
  return { nodeCount, offsets, targets: out, weights: outWeights, edges: outEdges };
}

/** The payload index of an edge from `source` to `target`, or -1 when there is none. */
export function findEdge(csr: Csr, source: number, target: number): number {
  for (let slot = csr.offsets[source]; slot < csr.offsets[source + 1]; slot++) {
    if (csr.targets[slot] === target) return csr.edges[slot];
  }
  return -1;
}

export function outDegree(csr: Csr, node: number): number {
  return csr.offsets[node + 1] - csr.offsets[node];
}
