/** Undirected neighbour lists in CSR form: placement walks the graph without caring about direction. */
export interface Adjacency {
  offsets: Int32Array;
  neighbours: Int32Array;
}

/** Self-loops and edges with an out-of-range endpoint are left out (they carry no placement information). */
export function undirectedAdjacency(
  nodeCount: number,
  sources: Int32Array,
  targets: Int32Array,
): Adjacency {
  const valid = (s: number, t: number) =>
    s !== t && s >= 0 && t >= 0 && s < nodeCount && t < nodeCount;
  const offsets = new Int32Array(nodeCount + 1);
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e];
    const t = targets[e];
    if (!valid(s, t)) continue;
    offsets[s + 1]++;
    offsets[t + 1]++;
  }
  for (let i = 0; i < nodeCount; i++) offsets[i + 1] += offsets[i];
  const cursor = offsets.slice(0, nodeCount);
  const neighbours = new Int32Array(offsets[nodeCount]);
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e];
    const t = targets[e];
    if (!valid(s, t)) continue;
    neighbours[cursor[s]++] = t;
    neighbours[cursor[t]++] = s;
  }
  return { offsets, neighbours };
}

export function degreeOf(adjacency: Adjacency, node: number): number {
  return adjacency.offsets[node + 1] - adjacency.offsets[node];
}
