import { EdgeMerger, type WeightedGraph } from './weighted-graph';

/**
 * One coarsening step of the multilevel placement: nodes are grouped with the neighbour they are most
 * tied to, and each group becomes one node of a smaller graph whose FA2 layout approximates the
 * bigger one's. Masses add up and edges between groups merge with summed weights, so the coarse
 * graph feels the same attraction, gravity and (from afar) repulsion as its members do together.
 */

/**
 * Most nodes one coarse node stands for. Groups of about the same size keep coarse masses comparable,
 * so each level's layout still resembles the next one's; pure pairing (2) coarsens hub-and-leaves
 * graphs too slowly, bigger groups leave more for the finer levels to unfold.
 */
export const MAX_GROUP = 4;

export interface Coarsening {
  /** Coarse node of each fine node. */
  parent: Int32Array;
  coarse: WeightedGraph;
}

/**
 * Light nodes choose first (a leaf has one sensible partner, a hub many), each taking its strongest
 * tie relative to the partner's mass: a free neighbour makes a pair, else a neighbour's group with
 * room is joined. A node whose neighbours' groups are all full joins its siblings (other nodes tied
 * to the same group, like the many leaves of one hub), and isolated nodes group among themselves, so
 * no kind of graph stops shrinking.
 */
export function coarsen(graph: WeightedGraph, random: () => number): Coarsening {
  const { nodeCount, offsets, neighbours, weights, mass } = graph;
  const parent = new Int32Array(nodeCount).fill(-1);
  const size = new Int32Array(nodeCount);
  // For a full group: the group of its siblings that still has room (-1: none yet).
  const siblings = new Int32Array(nodeCount).fill(-1);
  let isolatedGroup = -1;
  let groupCount = 0;

  const join = (node: number, group: number) => {
    parent[node] = group;
    size[group]++;
  };
  const newGroup = (node: number) => {
    join(node, groupCount);
    return groupCount++;
  };
  const joinSiblings = (node: number, current: number) => {
    if (current < 0 || size[current] >= MAX_GROUP) return newGroup(node);
    join(node, current);
    return current;
  };

  for (const node of lightestFirst(mass, random)) {
    if (parent[node] >= 0) continue;
    let free = -1;
    let freeTie = -1;
    let roomy = -1;
    let roomyTie = -1;
    let strongest = -1;
    let strongestTie = -1;
    for (let k = offsets[node]; k < offsets[node + 1]; k++) {
      const other = neighbours[k];
      const tie = weights[k] / mass[other];
      if (parent[other] < 0) {
        if (tie > freeTie) [free, freeTie] = [other, tie];
        continue;
      }
      if (size[parent[other]] < MAX_GROUP && tie > roomyTie) [roomy, roomyTie] = [other, tie];
      if (tie > strongestTie) [strongest, strongestTie] = [other, tie];
    }
    if (free >= 0) {
      join(free, newGroup(node));
    } else if (roomy >= 0) {
      join(node, parent[roomy]);
    } else if (strongest >= 0) {
      const full = parent[strongest];
      siblings[full] = joinSiblings(node, siblings[full]);
    } else {
      isolatedGroup = joinSiblings(node, isolatedGroup);
    }
  }
  return { parent, coarse: coarseGraph(graph, parent, groupCount) };
}

/** Node indices by increasing mass, ties in a seeded random order (never by index: no bias). */
function lightestFirst(mass: Float64Array, random: () => number): Int32Array {
  const tieBreak = Float64Array.from(mass, () => random());
  const order = new Int32Array(mass.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => mass[a] - mass[b] || tieBreak[a] - tieBreak[b]);
}

function coarseGraph(graph: WeightedGraph, parent: Int32Array, groupCount: number): WeightedGraph {
  const { nodeCount, offsets, neighbours, weights } = graph;
  const mass = new Float64Array(groupCount);
  const capacity = new Int32Array(groupCount);
  for (let i = 0; i < nodeCount; i++) {
    mass[parent[i]] += graph.mass[i];
    capacity[parent[i]] += offsets[i + 1] - offsets[i];
  }
  const merger = new EdgeMerger(groupCount, capacity);
  for (let i = 0; i < nodeCount; i++) {
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const j = neighbours[k];
      // Each edge once; edges inside a group vanish (their pull is internal to the coarse node).
      if (j > i && parent[i] !== parent[j]) merger.add(parent[i], parent[j], weights[k]);
    }
  }
  return { nodeCount: groupCount, ...merger.merged(), mass };
}
