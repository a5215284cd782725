import type { UndirectedAdjacency } from './bridges';

/** Someone of the same group, and how many ties away. */
export interface Kin {
  node: number;
  /** Ties on the shortest path; -1: not connected at all. */
  hops: number;
}

/**
 * "Others like me": the people who share a person's group, nearest first (breadth-first over ties
 * in either direction, O(V + E)); those not connected to them come last with hops -1.
 */
export function othersLike(
  adjacency: UndirectedAdjacency,
  groupOfNode: Int32Array,
  person: number,
  limit = 10,
): { kin: Kin[]; total: number } {
  const group = groupOfNode[person];
  if (group < 0) return { kin: [], total: 0 };
  const n = groupOfNode.length;
  const hops = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const kin: Kin[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) if (i !== person && groupOfNode[i] === group) total++;
  hops[person] = 0;
  queue[0] = person;
  let head = 0;
  let tail = 1;
  const { offsets, neighbours } = adjacency;
  while (head < tail && kin.length < limit) {
    const node = queue[head++];
    if (node !== person && groupOfNode[node] === group) kin.push({ node, hops: hops[node] });
    for (let k = offsets[node]; k < offsets[node + 1]; k++) {
      const next = neighbours[k];
      if (hops[next] < 0) {
        hops[next] = hops[node] + 1;
        queue[tail++] = next;
      }
    }
  }
  for (let i = 0; i < n && kin.length < limit; i++)
    if (i !== person && groupOfNode[i] === group && hops[i] < 0) kin.push({ node: i, hops: -1 });
  return { kin, total };
}
