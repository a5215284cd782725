import type { Timeline } from './types';

/**
 * The "who told whom" tree of one timeline, indexed for the questions a person asks while watching:
 * when did X get the word, from whom, how many did X pass it to, how did it reach X, and whom did it
 * reach through X. Built once per timeline in O(adoptions); each question is then cheap.
 */
export interface CascadeTree {
  /** Row of each node's adoption; -1 when never reached. */
  rowOfNode: Int32Array;
  /** People each node passed the word to (adoptions whose `via` is that node). */
  offspring: Int32Array;
  /** Children in CSR form: the rows adopted via node n are childRows[childStart[n] .. childStart[n+1]). */
  childStart: Int32Array;
  childRows: Int32Array;
}

export function cascadeTree(timeline: Timeline, nodeCount: number): CascadeTree {
  const rowOfNode = new Int32Array(nodeCount).fill(-1);
  const offspring = new Int32Array(nodeCount);
  for (let row = 0; row < timeline.length; row++) {
    rowOfNode[timeline.node[row]] = row;
    const via = timeline.via[row];
    if (via >= 0) offspring[via]++;
  }
  const childStart = new Int32Array(nodeCount + 1);
  for (let n = 0; n < nodeCount; n++) childStart[n + 1] = childStart[n] + offspring[n];
  const cursor = childStart.slice(0, nodeCount);
  const childRows = new Int32Array(childStart[nodeCount]);
  for (let row = 0; row < timeline.length; row++) {
    const via = timeline.via[row];
    if (via >= 0) childRows[cursor[via]++] = row;
  }
  return { rowOfNode, offspring, childStart, childRows };
}

/** Rows from the first teller down to `node` (empty when `node` was never reached). */
export function pathRows(timeline: Timeline, tree: CascadeTree, node: number): number[] {
  const rows: number[] = [];
  let row = tree.rowOfNode[node];
  // The via chain points strictly earlier in time, so it ends; the bound guards against bad data.
  while (row >= 0 && rows.length <= timeline.length) {
    rows.push(row);
    const via = timeline.via[row];
    row = via >= 0 ? tree.rowOfNode[via] : -1;
  }
  return rows.reverse();
}

/** Rows of everyone the word reached through `node`, directly or not (not `node` itself). */
export function descendantRows(timeline: Timeline, tree: CascadeTree, node: number): number[] {
  const rows: number[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    for (let i = tree.childStart[n]; i < tree.childStart[n + 1]; i++) {
      const row = tree.childRows[i];
      rows.push(row);
      stack.push(timeline.node[row]);
    }
  }
  return rows;
}

/** The `k` people who passed the word to the most others, most first (ties: earlier adopter first). */
export function topSpreaders(timeline: Timeline, tree: CascadeTree, k: number): number[] {
  const spreaders: number[] = [];
  for (let row = 0; row < timeline.length; row++) {
    if (tree.offspring[timeline.node[row]] > 0) spreaders.push(timeline.node[row]);
  }
  return spreaders
    .sort((a, b) => tree.offspring[b] - tree.offspring[a] || tree.rowOfNode[a] - tree.rowOfNode[b])
    .slice(0, k);
}

/**
 * What "how did the word reach X?" highlights: the path from the origin to X and everyone reached
 * through X, with the edges that carried it (`edgesOfRows`: the carried edge of each row, or -1).
 */
export function cascadeAround(
  timeline: Timeline,
  tree: CascadeTree,
  edgesOfRows: Int32Array,
  node: number,
): { nodes: Set<number>; edges: Set<number> } {
  const rows = [...pathRows(timeline, tree, node), ...descendantRows(timeline, tree, node)];
  return {
    nodes: new Set(rows.map((row) => timeline.node[row])),
    edges: new Set(rows.map((row) => edgesOfRows[row]).filter((edge) => edge >= 0)),
  };
}
