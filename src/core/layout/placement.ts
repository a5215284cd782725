import { undirectedAdjacency, type Adjacency } from './adjacency';
import { extentDiagonal } from './convergence';
import { seededRandom } from './rng';
import { smoothPlacement } from './smoothing';

/**
 * Where FA2 starts. A random start makes FA2 spend most of its iterations untangling edges that
 * cross the whole drawing; breadth-first rings put every node next to the neighbour that reached it,
 * so FA2 only has to refine. Coordinates a dataset carries are kept: someone chose them.
 */

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Neighbour visits spent on smoothing (rounds × 2 × edges): ~0.1–0.3 s, whatever the graph size. */
const SMOOTHING_BUDGET = 30_000_000;
const SMOOTHING_MAX_ROUNDS = 300;

/**
 * Ring spacing that lands near the size FA2 settles at, so it neither has to inflate nor shrink the
 * drawing first: measured on les-misérables, trees, grids and block-model graphs with our settings,
 * the settled mean edge length is about 12 × √scalingRatio.
 */
export function spacingFor(scalingRatio: number): number {
  return 12 * Math.sqrt(Math.max(scalingRatio, 1e-3));
}

/** Below this share of nodes with usable coordinates, the dataset's coordinates are ignored. */
export const GIVEN_COORDINATES_MIN_SHARE = 0.5;

export interface PlacementInput {
  nodeCount: number;
  sources: Int32Array;
  targets: Int32Array;
  /** Dataset coordinates, x, y interleaved; NaN where a node has none. */
  given?: Float32Array | null;
  seed: number;
  /** Distance between BFS rings and between nodes on a ring. */
  spacing?: number;
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
  const adjacency = undirectedAdjacency(nodeCount, sources, targets);
  if (given && given.length === 2 * nodeCount && hasUsableCoordinates(given)) {
    const positions = given.slice();
    const repaired = repairPositions(positions, adjacency, seed);
    return { positions, origin: repaired > 0 ? 'mixed' : 'given', repaired };
  }
  const spacing = input.spacing ?? spacingFor(10);
  return {
    positions: computedPlacement(nodeCount, adjacency, seed, spacing),
    origin: 'placed',
    repaired: 0,
  };
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

/** Rings, then smoothing towards the graph's spectral shape, as many rounds as the budget allows. */
export function computedPlacement(
  nodeCount: number,
  adjacency: Adjacency,
  seed: number,
  spacing = 1,
): Float32Array {
  const { positions, component, componentCount } = ringPlacement(
    nodeCount,
    adjacency,
    seed,
    spacing,
  );
  const visitsPerRound = Math.max(1, adjacency.neighbours.length + nodeCount);
  const rounds = Math.min(SMOOTHING_MAX_ROUNDS, Math.floor(SMOOTHING_BUDGET / visitsPerRound));
  smoothPlacement(positions, adjacency, component, componentCount, rounds);
  return positions;
}

export interface RingPlacement {
  positions: Float32Array;
  /** Connected component of each node, 0..componentCount-1. */
  component: Int32Array;
  componentCount: number;
}

/**
 * Breadth-first rings per connected component, from its highest-degree node; components packed on a
 * golden-angle spiral, largest first. BFS order keeps each parent's children in one arc of the next
 * ring, so subtrees start out together. Deterministic for a given seed.
 */
export function ringPlacement(
  nodeCount: number,
  adjacency: Adjacency,
  seed: number,
  spacing = 1,
): RingPlacement {
  const random = seededRandom(seed);
  const positions = new Float32Array(nodeCount * 2);
  const depth = new Int32Array(nodeCount).fill(-1);
  const queue = new Int32Array(nodeCount);
  const components: { start: number; end: number; radius: number }[] = [];
  let queueEnd = 0;

  for (const root of byDegreeDescending(adjacency, nodeCount)) {
    if (depth[root] >= 0) continue;
    const start = queueEnd;
    depth[root] = 0;
    queue[queueEnd++] = root;
    for (let head = start; head < queueEnd; head++) {
      const node = queue[head];
      for (let k = adjacency.offsets[node]; k < adjacency.offsets[node + 1]; k++) {
        const next = adjacency.neighbours[k];
        if (depth[next] >= 0) continue;
        depth[next] = depth[node] + 1;
        queue[queueEnd++] = next;
      }
    }
    const radius = placeRings(queue, start, queueEnd, depth, positions, spacing, random);
    components.push({ start, end: queueEnd, radius });
  }

  packComponents(components, queue, positions, spacing);
  const component = new Int32Array(nodeCount);
  for (let id = 0; id < components.length; id++) {
    for (let q = components[id].start; q < components[id].end; q++) component[queue[q]] = id;
  }
  return { positions, component, componentCount: components.length };
}

function byDegreeDescending(adjacency: Adjacency, nodeCount: number): Int32Array {
  const order = new Int32Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) order[i] = i;
  const degree = (i: number) => adjacency.offsets[i + 1] - adjacency.offsets[i];
  // Ties broken by index so the placement never depends on the sort's stability.
  return order.sort((a, b) => degree(b) - degree(a) || a - b);
}

/** Places one component (queue[start..end), in BFS order) around (0, 0); returns its radius. */
function placeRings(
  queue: Int32Array,
  start: number,
  end: number,
  depth: Int32Array,
  positions: Float32Array,
  spacing: number,
  random: () => number,
): number {
  let radius = 0;
  let ringStart = start;
  while (ringStart < end) {
    const d = depth[queue[ringStart]];
    let ringEnd = ringStart;
    while (ringEnd < end && depth[queue[ringEnd]] === d) ringEnd++;
    const count = ringEnd - ringStart;
    // A crowded ring widens so neighbours on it stay about `spacing` apart.
    if (d > 0) radius = Math.max(radius + spacing, (count * spacing) / (2 * Math.PI));
    const rotation = random() * 2 * Math.PI;
    for (let k = 0; k < count; k++) {
      const node = queue[ringStart + k];
      // Jitter breaks symmetry: FA2 cannot separate nodes that sit exactly on a symmetric spot.
      const angle = rotation + (2 * Math.PI * (k + 0.25 + 0.5 * random())) / count;
      const r = d === 0 ? 0 : radius + (random() - 0.5) * 0.2 * spacing;
      positions[2 * node] = r * Math.cos(angle);
      positions[2 * node + 1] = r * Math.sin(angle);
    }
    ringStart = ringEnd;
  }
  return radius + spacing / 2;
}

/** Golden-angle spiral, area-proportional: each component lands just outside the ones before it. */
function packComponents(
  components: { start: number; end: number; radius: number }[],
  queue: Int32Array,
  positions: Float32Array,
  spacing: number,
): void {
  const bySize = components
    .map((c, i) => ({ ...c, i }))
    .sort((a, b) => b.radius - a.radius || a.i - b.i);
  let area = 0;
  bySize.forEach((component, k) => {
    const distance = k === 0 ? 0 : Math.sqrt(area / Math.PI) + component.radius + spacing / 2;
    const cx = distance * Math.cos(k * GOLDEN_ANGLE);
    const cy = distance * Math.sin(k * GOLDEN_ANGLE);
    area += Math.PI * component.radius * component.radius;
    for (let q = component.start; q < component.end; q++) {
      const node = queue[q];
      positions[2 * node] += cx;
      positions[2 * node + 1] += cy;
    }
  });
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

/** Uniform random positions in a square of the given side: the baseline our placement is measured against. */
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
