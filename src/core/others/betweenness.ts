import { createRng } from '../spread/rng';
import type { UndirectedAdjacency } from './bridges';

/**
 * Work we allow betweenness, in node + tie visits (one breadth-first search from one source costs
 * about V + 2E of them). On large sparse networks a visit is mostly a cache miss, 30–100 ns: this
 * is a few seconds in the worker. Below it every person is a source (exact: up to a few thousand
 * people); above it, as many sampled sources as fit.
 */
export const BETWEENNESS_BUDGET = 50_000_000;
/** Fewer sampled sources than this rank people by noise: we spend more than the budget instead. */
export const MIN_SAMPLED_SOURCES = 64;

/** Whose shortest paths betweenness counts: everyone's (exact) or a uniform sample (Brandes–Pich). */
export interface BetweennessPlan {
  exact: boolean;
  sources: Int32Array;
  nodeCount: number;
}

/**
 * Exact betweenness when the network is small enough for the budget, else a uniform sample of
 * distinct sources drawn with a seeded generator (Brandes & Pich 2007: the estimate, scaled by
 * n / k, is unbiased, and its ranking of the top people settles quickly).
 */
export function planBetweenness(
  adjacency: UndirectedAdjacency,
  seed: number,
  budget = BETWEENNESS_BUDGET,
): BetweennessPlan {
  const nodeCount = adjacency.offsets.length - 1;
  const perSource = nodeCount + adjacency.neighbours.length;
  const affordable = Math.max(MIN_SAMPLED_SOURCES, Math.floor(budget / Math.max(perSource, 1)));
  if (affordable >= nodeCount) {
    return { exact: true, sources: Int32Array.from({ length: nodeCount }, (_, i) => i), nodeCount };
  }
  // A partial Fisher–Yates shuffle: the first `affordable` entries are a uniform sample.
  const rng = createRng(seed);
  const pool = Int32Array.from({ length: nodeCount }, (_, i) => i);
  for (let i = 0; i < affordable; i++) {
    const j = i + Math.floor(rng.next() * (nodeCount - i));
    const swap = pool[i];
    pool[i] = pool[j];
    pool[j] = swap;
  }
  return { exact: false, sources: pool.slice(0, affordable), nodeCount };
}

/**
 * Brandes' betweenness centrality on the undirected, unweighted ties (Brandes 2001), one source
 * per step so that a worker can report progress and stay cancellable; yields the sources done.
 * Returns the normalized centrality as graphology-metrics computes it (pairs counted both ways,
 * divided by (n − 1)(n − 2)), scaled by n / k when only k of the n people were sources.
 */
export function* betweennessSteps(
  adjacency: UndirectedAdjacency,
  plan: BetweennessPlan,
): Generator<number, Float64Array, void> {
  const n = plan.nodeCount;
  const work: BrandesWork = {
    centrality: new Float64Array(n),
    paths: new Float64Array(n),
    dependency: new Float64Array(n),
    distance: new Int32Array(n).fill(-1),
    order: new Int32Array(n),
  };
  const { sources } = plan;
  for (let i = 0; i < sources.length; i++) {
    accumulateFrom(adjacency, sources[i], work);
    yield i + 1;
  }
  const { centrality } = work;
  if (n > 2 && sources.length > 0) {
    const scale = n / sources.length / ((n - 1) * (n - 2));
    for (let v = 0; v < n; v++) centrality[v] *= scale;
  }
  return centrality;
}

/** Scratch arrays reused across sources: allocating them per source would dominate small graphs. */
interface BrandesWork {
  centrality: Float64Array;
  /** σ: shortest paths from the source. */
  paths: Float64Array;
  /** δ: the source's dependency on each person. */
  dependency: Float64Array;
  /** Ties from the source; -1: not reached (yet). */
  distance: Int32Array;
  /** Breadth-first order, walked backwards to accumulate. */
  order: Int32Array;
}

/**
 * One source's breadth-first search and dependency accumulation. A plain function, not inlined in
 * the generator: V8 optimizes hot loops inside generators poorly (measured 20× slower).
 */
function accumulateFrom(adjacency: UndirectedAdjacency, source: number, work: BrandesWork): void {
  const { offsets, neighbours } = adjacency;
  const { centrality, paths, dependency, distance, order } = work;
  let head = 0;
  let tail = 0;
  order[tail++] = source;
  distance[source] = 0;
  paths[source] = 1;
  while (head < tail) {
    const v = order[head++];
    const next = distance[v] + 1;
    for (let k = offsets[v]; k < offsets[v + 1]; k++) {
      const w = neighbours[k];
      if (distance[w] < 0) {
        distance[w] = next;
        order[tail++] = w;
      }
      if (distance[w] === next) paths[w] += paths[v];
    }
  }
  for (let j = tail - 1; j > 0; j--) {
    const w = order[j];
    const share = (1 + dependency[w]) / paths[w];
    const previous = distance[w] - 1;
    for (let k = offsets[w]; k < offsets[w + 1]; k++) {
      const v = neighbours[k];
      if (distance[v] === previous) dependency[v] += paths[v] * share;
    }
    centrality[w] += dependency[w];
  }
  for (let j = 0; j < tail; j++) {
    const x = order[j];
    distance[x] = -1;
    paths[x] = 0;
    dependency[x] = 0;
  }
}

/** Runs a step generator to its end, for callers that can afford to wait (tests, small graphs). */
export function runToEnd<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
