import { indexAtTime, indexTimeline } from './metrics';
import { Channel, type Timeline } from './types';

/** The shape of the cascade tree a timeline traces through `via`. */
export interface CascadeShape {
  /** Adoptions per generation: roots (origins, untraceable adoptions) are generation 0. */
  generationSizes: number[];
  /** Longest chain from a root, in hops: generationSizes.length - 1 (0 for roots only; -1 empty). */
  depth: number;
  /** Largest generation. */
  maxBreadth: number;
  /**
   * Mean number of people each member of generation g told first (generation g + 1's size over
   * generation g's): the empirical branching factor, above 1 while the cascade grows.
   */
  offspringPerGeneration: number[];
  /**
   * Goel, Anderson, Hofman & Watts (2016), "The structural virality of online diffusion": the mean
   * distance between all pairs of nodes of the cascade tree. About 2 for a broadcast (one star),
   * growing with long chains of person-to-person passing ((n + 1) / 3 for a path of n). NaN for
   * fewer than two nodes.
   */
  structuralVirality: number;
}

/**
 * Depth, breadth, offspring and structural virality in O(n) (plus one array over the largest node
 * index). A row's parent is the row of its `via`; a row whose `via` is missing, or adopted later
 * (possible in recorded data), is a root.
 *
 * Several roots (several origins, or recorded `outside` adoptions) make a forest; for structural
 * virality all roots are merged into one node, "the source", so the figure stays the mean distance
 * in one tree and a single origin gives exactly Goel et al.'s definition.
 */
export function cascadeShape(timeline: Timeline): CascadeShape {
  const n = timeline.length;
  const parent = parentRows(timeline);
  const generation = new Int32Array(n);
  const generationSizes: number[] = [];
  let roots = 0;
  for (let row = 0; row < n; row++) {
    const p = parent[row];
    if (p < 0) roots++;
    const g = p < 0 ? 0 : generation[p] + 1;
    generation[row] = g;
    generationSizes[g] = (generationSizes[g] ?? 0) + 1;
  }
  const offspringPerGeneration: number[] = [];
  for (let g = 0; g + 1 < generationSizes.length; g++) {
    offspringPerGeneration.push(generationSizes[g + 1] / generationSizes[g]);
  }
  return {
    generationSizes,
    depth: generationSizes.length - 1,
    maxBreadth: generationSizes.reduce((max, size) => Math.max(max, size), 0),
    offspringPerGeneration,
    structuralVirality: structuralVirality(parent, roots),
  };
}

/**
 * Wiener index by subtree sizes: the edge above a subtree of s nodes lies on the path of every pair
 * with one end inside and one outside, s · (N − s) pairs, so W = Σ s(N − s) over non-root nodes and
 * the mean distance is W / (N(N − 1)/2). Children come after parents, so one backward pass
 * accumulates the sizes.
 */
function structuralVirality(parent: Int32Array, roots: number): number {
  const rows = parent.length;
  const treeSize = rows - roots + 1; // all roots merged into one
  if (rows === 0 || treeSize < 2) return Number.NaN;
  const size = new Float64Array(rows).fill(1);
  let wiener = 0;
  for (let row = rows - 1; row >= 0; row--) {
    const p = parent[row];
    if (p < 0) continue;
    wiener += size[row] * (treeSize - size[row]);
    size[p] += size[row];
  }
  return (2 * wiener) / (treeSize * (treeSize - 1));
}

/** Row of each row's `via`, or -1 for a root. */
function parentRows(timeline: Timeline): Int32Array {
  const { length, node, via } = timeline;
  let maxNode = -1;
  for (let row = 0; row < length; row++) maxNode = Math.max(maxNode, node[row], via[row]);
  const rowOf = new Int32Array(maxNode + 1).fill(-1);
  const parent = new Int32Array(length);
  for (let row = 0; row < length; row++) {
    const from = via[row];
    const p = from >= 0 ? rowOf[from] : -1;
    parent[row] = p >= 0 && p < row ? p : -1;
    if (rowOf[node[row]] < 0) rowOf[node[row]] = row;
  }
  return parent;
}

/**
 * Time from the first adoption until `share` (0..1] of the final reach had adopted; NaN for an
 * empty timeline. Simulated timelines start at 0 (the origins), so this is the time since the
 * message was sent; recorded ones start at their first post.
 */
export function timeToShare(timeline: Timeline, share: number): number {
  const n = timeline.length;
  if (n === 0) return Number.NaN;
  const row = Math.min(n, Math.max(1, Math.ceil(share * n - 1e-9))) - 1;
  return timeline.time[row] - timeline.time[0];
}

/** Cumulative reach by channel at evenly spaced times, for the reach chart. */
export interface ReachSeries {
  /** Sample times, bins + 1 of them, from start to end inclusive. */
  times: Float64Array;
  total: Int32Array;
  origin: Int32Array;
  hard: Int32Array;
  soft: Int32Array;
  outside: Int32Array;
  /** The counterfactual's constant line: reach if nobody had passed it on. */
  hardOnlyReach: number;
}

/**
 * Samples reach at `bins + 1` evenly spaced times between `start` and `end` (default: the
 * timeline's first and last adoption; pass them to put several timelines on one axis). O(n + bins
 * log n): a chart of a million adoptions draws from a few hundred points.
 */
export function reachSeries(
  timeline: Timeline,
  bins: number,
  range: { start?: number; end?: number } = {},
): ReachSeries {
  if (!(Number.isInteger(bins) && bins >= 1))
    throw new RangeError(`bins must be >= 1, got ${bins}`);
  const n = timeline.length;
  const start = range.start ?? (n > 0 ? timeline.time[0] : 0);
  const end = range.end ?? (n > 0 ? timeline.time[n - 1] : start);
  const { cumulative } = indexTimeline(timeline);
  const series: ReachSeries = {
    times: new Float64Array(bins + 1),
    total: new Int32Array(bins + 1),
    origin: new Int32Array(bins + 1),
    hard: new Int32Array(bins + 1),
    soft: new Int32Array(bins + 1),
    outside: new Int32Array(bins + 1),
    hardOnlyReach: timeline.hardOnlyReach,
  };
  for (let i = 0; i <= bins; i++) {
    // The last point is `end` itself, not start + bins · step, which rounding could leave short.
    const t = i === bins ? end : start + ((end - start) * i) / bins;
    const count = indexAtTime(timeline, t);
    series.times[i] = t;
    series.total[i] = count;
    series.origin[i] = cumulative[Channel.origin][count];
    series.hard[i] = cumulative[Channel.hard][count];
    series.soft[i] = cumulative[Channel.soft][count];
    series.outside[i] = cumulative[Channel.outside][count];
  }
  return series;
}
