import { coarsen } from './coarsen';
import { DEFAULT_CONVERGENCE, type ConvergenceOptions } from './convergence';
import { equilibriumScale } from './equilibrium';
import { seededRandom } from './rng';
import { Fa2Runner } from './runner';
import { BARNES_HUT_MIN_NODES, type Fa2Settings } from './settings';
import { prolong } from './prolong';
import { edgeArrays, type WeightedGraph } from './weighted-graph';

/**
 * Multilevel start placement (as in Walshaw's and Hu's multilevel force layouts): coarsen the graph
 * level by level down to a few dozen nodes, settle that with FA2 itself, then go back up, placing
 * each node near the one that stood for it and letting FA2 refine each level briefly. FA2's slow part
 * is moving whole regions through each other (two communities interleaved, a folded chain); on a
 * coarse level a region is a handful of nodes that move in a few cheap iterations. Because every level
 * runs FA2 with the same forces and masses that add up, the start has FA2's own shape and density at
 * every scale the work budget reaches; finer levels are only stepped through (prolong.ts).
 *
 * The finest level, the graph itself, is never iterated here: that is the real run's work.
 */

/** Stop coarsening at this size: FA2 settles a graph this small in a few milliseconds. */
const COARSEST_NODES = 50;
/** A step that keeps more than this share of the nodes means coarsening has stalled. */
const STALLED_SHARE = 0.9;
/** The coarsest level is settled fully: its iterations cost next to nothing. */
const COARSEST_WATCH: Watch = { convergence: DEFAULT_CONVERGENCE, maxIterations: 1000 };
/** Other levels only smooth out what the step up disturbed: a looser threshold, a short patience. */
const LEVEL_WATCH: Watch = {
  convergence: { threshold: 1e-3, patience: 5, smoothing: 0.2 },
  maxIterations: 50,
};
/** A level that cannot afford this many iterations is only stepped up through. */
const MIN_LEVEL_ITERATIONS = 5;

/**
 * FA2 work allowed on the coarse levels, in node pairs and edges visited (≈ 15 ns each in node on our
 * bench machine: about half a second). The power grid uses 21 M, the political blogs 8 M; on bigger
 * graphs it stops refinement at the level where an iteration gets costly (≈ 1 400 nodes for the 50 k
 * one), which cost little: the first iterations of the real run are busy with the finest levels.
 */
export const PLACEMENT_WORK = 30_000_000;
/** Repulsion work per node per Barnes-Hut iteration, in node pairs (measured: 8–11 µs a node). */
const BARNES_HUT_PAIRS_PER_NODE = 500;

/**
 * Share of the way a node leans from its coarse node towards its neighbours outside the group, on
 * levels FA2 does not refine: siblings then start on the sides their ties pull them to.
 */
const NEIGHBOUR_LEAN = 0.3;

export interface MultilevelOptions {
  /** FA2 work allowed on coarse levels (see {@link PLACEMENT_WORK}). */
  work?: number;
}

export function multilevelPlacement(
  graph: WeightedGraph,
  settings: Fa2Settings,
  seed: number,
  options: MultilevelOptions = {},
): Float32Array {
  const random = seededRandom(seed);
  const { levels, parents } = hierarchy(graph, random);
  const refiner = new LevelRefiner(settings, options.work ?? PLACEMENT_WORK);
  const top = levels.length - 1;

  let xy = randomSquare(levels[top].nodeCount, random);
  scale(xy, equilibriumScale(xy, levels[top], settings));
  if (top > 0) {
    const iterations = refiner.affordable(levels[top], COARSEST_WATCH);
    xy = refiner.refine(levels[top], xy, COARSEST_WATCH, iterations);
  }
  for (let level = top - 1; level >= 0; level--) {
    const iterations = level > 0 ? refiner.affordable(levels[level], LEVEL_WATCH) : 0;
    // A level FA2 refines only needs siblings apart (leaning them too made blogs settle ~30 % slower);
    // one it only passes through, the graph itself included, gets its local structure from the lean.
    const lean = iterations > 0 ? 0 : NEIGHBOUR_LEAN;
    xy = prolong(levels[level], parents[level], levels[level + 1], xy, lean, random);
    xy = refiner.refine(levels[level], xy, LEVEL_WATCH, iterations);
  }
  // Unrefined fine levels leave groups bunched up; the equilibrium size undoes the overall squeeze.
  scale(xy, equilibriumScale(xy, graph, settings));
  return xy;
}

interface Hierarchy {
  /** levels[0] is the graph itself, each next one coarser. */
  levels: WeightedGraph[];
  /** parents[l][i]: node of levels[l + 1] that node i of levels[l] belongs to. */
  parents: Int32Array[];
}

function hierarchy(graph: WeightedGraph, random: () => number): Hierarchy {
  const levels = [graph];
  const parents: Int32Array[] = [];
  for (;;) {
    const finest = levels[levels.length - 1];
    if (finest.nodeCount <= COARSEST_NODES) break;
    const { parent, coarse } = coarsen(finest, random);
    if (coarse.nodeCount > STALLED_SHARE * finest.nodeCount) break;
    levels.push(coarse);
    parents.push(parent);
  }
  return { levels, parents };
}

function randomSquare(nodeCount: number, random: () => number): Float32Array {
  const side = Math.sqrt(nodeCount);
  return Float32Array.from({ length: 2 * nodeCount }, () => (random() - 0.5) * side);
}

function scale(xy: Float32Array, factor: number): void {
  for (let i = 0; i < xy.length; i++) xy[i] *= factor;
}

interface Watch {
  convergence: ConvergenceOptions;
  maxIterations: number;
}

/** FA2 on the coarse levels, all of them drawing on one work budget. */
class LevelRefiner {
  private left: number;

  constructor(
    private readonly settings: Fa2Settings,
    work: number,
  ) {
    this.left = work;
  }

  /** Iterations the budget allows on a level, capped by its watch; 0 when too few to be worth it. */
  affordable(level: WeightedGraph, watch: Watch): number {
    const cost = iterationCost(level, this.levelSettings(level));
    const iterations = Math.min(watch.maxIterations, Math.floor(this.left / cost));
    return iterations >= MIN_LEVEL_ITERATIONS ? iterations : 0;
  }

  /** Runs FA2 on a level until its watch says settled or `iterations` are done. */
  refine(level: WeightedGraph, xy: Float32Array, watch: Watch, iterations: number): Float32Array {
    if (iterations <= 0) return xy;
    const settings = this.levelSettings(level);
    const runner = new Fa2Runner(
      { nodeCount: level.nodeCount, positions: xy, ...edgeArrays(level), masses: level.mass },
      settings,
      watch.convergence,
    );
    runner.runBatch({ maxIterations: iterations });
    this.left -= runner.iterations * iterationCost(level, settings);
    return runner.positions();
  }

  private levelSettings(level: WeightedGraph): Fa2Settings {
    return {
      ...this.settings,
      // Sizes belong to the real nodes; weights here already carry edgeWeightInfluence.
      adjustSizes: false,
      edgeWeightInfluence: 1,
      // Exact repulsion is cheaper and better on small levels, whatever the full graph needs.
      barnesHutOptimize: this.settings.barnesHutOptimize && level.nodeCount > BARNES_HUT_MIN_NODES,
    };
  }
}

function iterationCost(level: WeightedGraph, settings: Fa2Settings): number {
  const pairsPerNode = settings.barnesHutOptimize
    ? BARNES_HUT_PAIRS_PER_NODE
    : (level.nodeCount - 1) / 2;
  return level.nodeCount * Math.max(1, pairsPerNode) + level.neighbours.length / 2;
}
