import { undirectedAdjacency, type Adjacency } from './adjacency';
import { extentDiagonal } from './convergence';
import { equilibriumScale } from './equilibrium';
import { multilevelPlacement } from './multilevel';
import { seededRandom } from './rng';
import { inferSettings, type Fa2Settings } from './settings';
import { weightedGraph, type EdgeArrays } from './weighted-graph';

/**
 * Where FA2 starts. A random start makes FA2 spend most of its iterations untangling edges that
 * cross the whole drawing and pulling communities through each other; the multilevel placement
 * (multilevel.ts) settles those at coarse levels where they cost little, at the size FA2 holds the
 * drawing at. Coordinates a dataset carries are kept: someone chose them.
 */

/** Below this share of nodes with usable coordinates, the dataset's coordinates are ignored. */
export const GIVEN_COORDINATES_MIN_SHARE = 0.5;

export interface PlacementInput extends EdgeArrays {
  nodeCount: number;
  /** Dataset coordinates, x, y interleaved; NaN where a node has none. */
  given?: Float32Array | null;
  seed: number;
  /** The FA2 settings the run will use (its forces decide the placement's shape and size). */
  settings?: Fa2Settings;
}

export interface Placement {
  positions: Float32Array;
  /** `given`: the dataset's own; `mixed`: the dataset's with some repaired; `placed`: computed here. */
  origin: 'given' | 'mixed' | 'placed';
  /** Nodes whose coordinates were missing, non-finite or coincident and got new ones. */
  repaired: number;
}

export function startPositions(input: PlacementInput): Placement {
  const { nodeCount, sources, targets, given, seed } = input;
  if (given && given.length === 2 * nodeCount && hasUsableCoordinates(given)) {
    const positions = given.slice();
    const adjacency = undirectedAdjacency(nodeCount, sources, targets);
    const repaired = repairPositions(positions, adjacency, seed);
    return { positions, origin: repaired > 0 ? 'mixed' : 'given', repaired };
  }
  const settings = input.settings ?? settingsFor(input);
  const graph = weightedGraph(nodeCount, input, settings.edgeWeightInfluence);
  return {
    positions: multilevelPlacement(graph, settings, seed),
    origin: 'placed',
    repaired: 0,
  };
}

function settingsFor(input: PlacementInput): Fa2Settings {
  return inferSettings({ nodeCount: input.nodeCount, edgeCount: input.sources.length });
}

/** Enough finite points, spread out (an all-zero column is "no coordinates", not a layout). */
export function hasUsableCoordinates(xy: Float32Array): boolean {
  const nodeCount = xy.length >> 1;
  if (nodeCount === 0) return false;
  const finite = finitePoints(xy);
  if (finite.length < GIVEN_COORDINATES_MIN_SHARE * nodeCount) return false;
  return nodeCount === 1 || extentDiagonal(finite) > 0;
}

function finitePoints(xy: Float32Array): Float32Array {
  const out: number[] = [];
  for (let i = 0; i < xy.length; i += 2) {
    if (Number.isFinite(xy[i]) && Number.isFinite(xy[i + 1])) out.push(xy[i], xy[i + 1]);
  }
  return Float32Array.from(out);
}

/**
 * Fixes coordinates FA2 cannot work from, in place: non-finite ones move next to a neighbour that has
 * good coordinates (breadth-first outwards from the good ones), or anywhere in the drawing when
 * unreachable; exact duplicates get nudged apart, because FA2 exerts no force between nodes at
 * distance 0 and they would never separate. Returns how many nodes moved.
 */
export function repairPositions(xy: Float32Array, adjacency: Adjacency, seed: number): number {
  const nodeCount = xy.length >> 1;
  const random = seededRandom(seed ^ 0x5eed);
  const finite = finitePoints(xy);
  const diagonal = extentDiagonal(finite);
  // About one node's share of the drawing: a plausible edge length.
  const step = diagonal > 0 ? diagonal / Math.sqrt(Math.max(1, finite.length / 2)) : 1;
  const good = new Uint8Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  let queueEnd = 0;
  for (let i = 0; i < nodeCount; i++) {
    if (Number.isFinite(xy[2 * i]) && Number.isFinite(xy[2 * i + 1])) {
      good[i] = 1;
      queue[queueEnd++] = i;
    }
  }
  let repaired = nodeCount - queueEnd;

  for (let head = 0; head < queueEnd; head++) {
    const node = queue[head];
    for (let k = adjacency.offsets[node]; k < adjacency.offsets[node + 1]; k++) {
      const next = adjacency.neighbours[k];
      if (good[next]) continue;
      const angle = random() * 2 * Math.PI;
      xy[2 * next] = xy[2 * node] + step * Math.cos(angle);
      xy[2 * next + 1] = xy[2 * node + 1] + step * Math.sin(angle);
      good[next] = 1;
      queue[queueEnd++] = next;
    }
  }

  const [minX, minY] = finite.length > 0 ? minCorner(finite) : [0, 0];
  const side = diagonal > 0 ? diagonal / Math.SQRT2 : Math.sqrt(nodeCount);
  for (let i = 0; i < nodeCount; i++) {
    if (good[i]) continue;
    xy[2 * i] = minX + random() * side;
    xy[2 * i + 1] = minY + random() * side;
  }

  repaired += separateDuplicates(xy, step * 1e-2, random);
  return repaired;
}

function minCorner(xy: Float32Array): [number, number] {
  let minX = Infinity;
  let minY = Infinity;
  for (let i = 0; i < xy.length; i += 2) {
    minX = Math.min(minX, xy[i]);
    minY = Math.min(minY, xy[i + 1]);
  }
  return [minX, minY];
}

function separateDuplicates(xy: Float32Array, nudge: number, random: () => number): number {
  const seen = new Set<string>();
  let moved = 0;
  for (let i = 0; i < xy.length; i += 2) {
    let key = `${xy[i]},${xy[i + 1]}`;
    if (!seen.has(key)) {
      seen.add(key);
      continue;
    }
    moved++;
    // Retry until unique: float32 rounding can swallow a tiny nudge on large coordinates.
    for (let scale = 1; seen.has(key); scale *= 2) {
      const angle = random() * 2 * Math.PI;
      xy[i] += nudge * scale * Math.cos(angle);
      xy[i + 1] += nudge * scale * Math.sin(angle);
      key = `${xy[i]},${xy[i + 1]}`;
    }
    seen.add(key);
  }
  return moved;
}

/** Uniform random positions in a square of the given side. */
export function randomPlacement(
  nodeCount: number,
  seed: number,
  side = Math.sqrt(Math.max(1, nodeCount)),
): Float32Array {
  const random = seededRandom(seed);
  const positions = new Float32Array(nodeCount * 2);
  for (let i = 0; i < positions.length; i++) positions[i] = (random() - 0.5) * side;
  return positions;
}

/**
 * The baseline our placement is measured against: uniform random positions, scaled to the size FA2
 * would hold them at (equilibrium.ts) like ours, so only the arrangement differs.
 */
export function randomStart(input: Omit<PlacementInput, 'given'>): Float32Array {
  const settings = input.settings ?? settingsFor(input);
  const graph = weightedGraph(input.nodeCount, input, settings.edgeWeightInfluence);
  const positions = randomPlacement(input.nodeCount, input.seed);
  const factor = equilibriumScale(positions, graph, settings);
  for (let i = 0; i < positions.length; i++) positions[i] *= factor;
  return positions;
}
