/**
 * The flat Float32Array matrices graphology-layout-forceatlas2's `iterate` works on, built straight
 * from our edge arrays (the package's own builder wants a graphology Graph, which the worker lacks).
 * Layout mirrors `helpers.graphToByteArrays` exactly, so our runs match the package's synchronous
 * layout bit for bit.
 */

/** Floats per node: x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed. */
export const PPN = 10;
/** Floats per edge: source offset, target offset, weight. */
export const PPE = 3;

export const NODE_X = 0;
export const NODE_Y = 1;
export const NODE_MASS = 6;
const NODE_CONVERGENCE = 7;
const NODE_SIZE = 8;
const NODE_FIXED = 9;

/**
 * The edge matrix stores node offsets (index × PPN) as float32, exact only up to 2^24: past this many
 * nodes edges would attach to the wrong node.
 */
export const MAX_NODES = Math.floor(2 ** 24 / PPN);

export interface LayoutGraphArrays {
  nodeCount: number;
  /** x, y interleaved (length 2 × nodeCount), all finite: run placement first. */
  positions: Float32Array;
  sources: Int32Array;
  targets: Int32Array;
  /** Per-edge weight; 1 when absent. */
  weights?: Float32Array | Float64Array;
  /** Per-node size (only used with `adjustSizes`); 1 when absent. */
  sizes?: Float32Array;
  /** Per-node pin flag (1 = FA2 never moves it). */
  fixed?: Uint8Array;
  /**
   * Per-node repulsion mass instead of 1 + weighted degree: a coarse node of the multilevel placement
   * weighs what its members weigh together.
   */
  masses?: Float64Array;
}

export interface Fa2Matrices {
  nodes: Float32Array;
  edges: Float32Array;
  nodeCount: number;
  /** Edges dropped because an endpoint index was out of range or the weight was not a finite number ≥ 0. */
  skippedEdges: number;
}

export class LayoutInputError extends Error {
  override name = 'LayoutInputError';
}

export function buildMatrices(input: LayoutGraphArrays): Fa2Matrices {
  const { nodeCount, positions, sources, targets, weights, sizes, fixed, masses } = input;
  if (!Number.isInteger(nodeCount) || nodeCount < 0)
    throw new LayoutInputError(`nodeCount must be an integer ≥ 0, got ${nodeCount}`);
  if (nodeCount > MAX_NODES)
    throw new LayoutInputError(`ForceAtlas2 handles at most ${MAX_NODES} nodes, got ${nodeCount}`);
  if (positions.length !== 2 * nodeCount) {
    throw new LayoutInputError(
      `positions must hold 2 × ${nodeCount} numbers, got ${positions.length}`,
    );
  }
  if (sources.length !== targets.length || (weights && weights.length !== sources.length)) {
    throw new LayoutInputError('edge sources, targets and weights must have the same length');
  }
  if (masses && masses.length !== nodeCount) {
    throw new LayoutInputError(`masses must hold ${nodeCount} numbers, got ${masses.length}`);
  }

  const nodes = new Float32Array(nodeCount * PPN);
  for (let i = 0, j = 0; i < nodeCount; i++, j += PPN) {
    nodes[j + NODE_X] = positions[2 * i];
    nodes[j + NODE_Y] = positions[2 * i + 1];
    // Mass starts at 1 and grows by weighted degree below, as in graphology.
    nodes[j + NODE_MASS] = 1;
    nodes[j + NODE_CONVERGENCE] = 1;
    nodes[j + NODE_SIZE] = sizes && sizes[i] > 0 ? sizes[i] : 1;
    nodes[j + NODE_FIXED] = fixed && fixed[i] ? 1 : 0;
  }

  const edges = new Float32Array(sources.length * PPE);
  let kept = 0;
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e];
    const t = targets[e];
    const w = weights ? weights[e] : 1;
    // A bad edge must not poison the whole layout with NaN; the parser reports such edges already.
    if (s < 0 || s >= nodeCount || t < 0 || t >= nodeCount || !(w >= 0) || !Number.isFinite(w))
      continue;
    const k = kept * PPE;
    edges[k] = s * PPN;
    edges[k + 1] = t * PPN;
    edges[k + 2] = w;
    nodes[s * PPN + NODE_MASS] += w;
    nodes[t * PPN + NODE_MASS] += w;
    kept++;
  }
  if (masses) {
    for (let i = 0; i < nodeCount; i++) nodes[i * PPN + NODE_MASS] = masses[i];
  }

  return {
    nodes,
    edges: kept === sources.length ? edges : edges.slice(0, kept * PPE),
    nodeCount,
    skippedEdges: sources.length - kept,
  };
}

/** Copies x, y out of the node matrix into `out` (length 2 × nodeCount), reusing it when given. */
export function readPositions(nodes: Float32Array, out?: Float32Array): Float32Array {
  const nodeCount = nodes.length / PPN;
  const xy = out ?? new Float32Array(nodeCount * 2);
  for (let i = 0, j = 0; i < nodeCount; i++, j += PPN) {
    xy[2 * i] = nodes[j + NODE_X];
    xy[2 * i + 1] = nodes[j + NODE_Y];
  }
  return xy;
}

/**
 * Overwrites the size of every node in the node matrix (FA2 reads sizes only with `adjustSizes`);
 * sizes ≤ 0 or non-finite become 1, as in `buildMatrices`.
 */
export function writeSizes(nodes: Float32Array, sizes: Float32Array): void {
  const nodeCount = nodes.length / PPN;
  if (sizes.length !== nodeCount)
    throw new LayoutInputError(`sizes must hold ${nodeCount} numbers, got ${sizes.length}`);
  for (let i = 0, j = 0; i < nodeCount; i++, j += PPN) {
    const size = sizes[i];
    nodes[j + NODE_SIZE] = Number.isFinite(size) && size > 0 ? size : 1;
  }
}
