import type { WeightedGraph } from './weighted-graph';

/** Spread of a node around its coarse node's spot, in typical coarse edge lengths. */
const JITTER = 0.3;

/**
 * Each node starts at its coarse node's spot, leaning (by `lean`) towards its neighbours outside the
 * group, jittered within a fraction of a coarse edge so siblings never coincide (FA2 exerts no force
 * between nodes at distance 0).
 */
export function prolong(
  fine: WeightedGraph,
  parent: Int32Array,
  coarse: WeightedGraph,
  coarseXY: Float32Array,
  lean: number,
  random: () => number,
): Float32Array {
  const { offsets, neighbours, weights } = fine;
  const jitter = JITTER * typicalEdgeLength(coarse, coarseXY);
  const xy = new Float32Array(2 * fine.nodeCount);
  for (let i = 0; i < fine.nodeCount; i++) {
    const p = parent[i];
    let x = coarseXY[2 * p];
    let y = coarseXY[2 * p + 1];
    let sumX = 0;
    let sumY = 0;
    let total = 0;
    for (let k = offsets[i]; lean > 0 && k < offsets[i + 1]; k++) {
      const q = parent[neighbours[k]];
      if (q === p) continue;
      sumX += weights[k] * coarseXY[2 * q];
      sumY += weights[k] * coarseXY[2 * q + 1];
      total += weights[k];
    }
    if (total > 0) {
      x += lean * (sumX / total - x);
      y += lean * (sumY / total - y);
    }
    const angle = 2 * Math.PI * random();
    const radius = jitter * Math.sqrt(random());
    xy[2 * i] = x + radius * Math.cos(angle);
    xy[2 * i + 1] = y + radius * Math.sin(angle);
  }
  return xy;
}

/** Edges enough to estimate a typical length: the estimate stays O(nodes) per level, not O(edges). */
const LENGTH_SAMPLE_EDGES = 16_384;

/**
 * Geometric mean of edge lengths (robust to a few long edges) over an evenly spaced sample of the
 * neighbour entries; for a level without edges, the spacing its nodes would have if spread evenly
 * over their mean-square radius.
 */
function typicalEdgeLength(graph: WeightedGraph, xy: Float32Array): number {
  const { nodeCount, offsets, neighbours } = graph;
  const stride = Math.max(1, Math.floor(neighbours.length / LENGTH_SAMPLE_EDGES));
  let logSum = 0;
  let count = 0;
  for (let k = 0, i = 0; k < neighbours.length; k += stride) {
    while (offsets[i + 1] <= k) i++;
    const j = neighbours[k];
    const d = Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]);
    if (d > 0) {
      logSum += Math.log(d);
      count++;
    }
  }
  if (count > 0) return Math.exp(logSum / count);
  let squares = 0;
  for (let i = 0; i < xy.length; i++) squares += xy[i] * xy[i];
  return Math.sqrt(squares / Math.max(1, nodeCount)) / Math.sqrt(Math.max(1, nodeCount)) || 1;
}
