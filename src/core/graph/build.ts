import Graph from 'graphology';
import type { Attributes, DatasetPayload } from '../io/payload';

/** Node attributes as the renderer and the rest of the app read them. */
export interface NodeView {
  label: string;
  x: number;
  y: number;
  size: number;
  /** The file's own attributes (class, gender, city…), untouched. */
  data: Attributes;
}

export interface BuildOptions {
  /** Longest stretch of work between two yields, in ms; keeps each main-thread task short. */
  sliceMs?: number;
  /** Called between chunks with the share done (0..1); awaiting it yields to the event loop. */
  onProgress?: (done: number) => Promise<void> | void;
  /** Checked between chunks; when true the build stops with an AbortError. */
  signal?: AbortSignal;
}

export type WordspreadGraph = Graph<NodeView, { weight: number }>;

/**
 * The graph's key of node `node` (its index in the payload). Never the file's id: graphology and
 * sigma keep per-node records in plain objects, where ids such as `__proto__` or `constructor`
 * would hit the object's own machinery. Ids stay in `payload.nodeIds` and in each node's label.
 */
export function nodeKey(node: number): string {
  return String(node);
}

const MIN_SIZE = 2.5;
const MAX_SIZE = 14;

/**
 * Builds the graphology graph sigma draws from a parsed payload, in time slices (awaiting
 * `onProgress` between them lets the page paint and answer input). Node keys are the file's
 * ids; edge keys are the edge's index in the payload, so typed arrays indexed by edge map to sigma's
 * edges without a lookup table.
 */
export async function buildGraph(
  payload: DatasetPayload,
  options: BuildOptions = {},
): Promise<WordspreadGraph> {
  const { sliceMs = 25, onProgress, signal } = options;
  const mixed = payload.edgeDirected !== undefined;
  const graph: WordspreadGraph = new Graph({
    type: mixed ? 'mixed' : payload.directed ? 'directed' : 'undirected',
    multi: true,
    allowSelfLoops: true,
  });
  const nodeCount = payload.nodeIds.length;
  const edgeCount = payload.edgeSources.length;
  const total = nodeCount + edgeCount || 1;
  const sizes = nodeSizes(payload);
  const spread = Math.sqrt(nodeCount) * 10;

  // Checking the clock every item would cost more than the work: look every 512 items.
  let sliceStart = performance.now();
  const maybePause = async (done: number) => {
    if ((done & 511) !== 511 || performance.now() - sliceStart < sliceMs) return;
    if (signal?.aborted) throw new DOMException('Loading was cancelled', 'AbortError');
    await onProgress?.(done / total);
    sliceStart = performance.now();
  };
  if (signal?.aborted) throw new DOMException('Loading was cancelled', 'AbortError');

  for (let i = 0; i < nodeCount; i++) {
    const data = payload.nodeAttributes[i];
    const { label, x, y } = data;
    graph.addNode(nodeKey(i), {
      label: typeof label === 'string' && label !== '' ? label : payload.nodeIds[i],
      // Missing coordinates get a provisional spot on a golden-angle spiral, so the graph is
      // visible at once; the layout then takes over.
      x: Number.isFinite(x)
        ? (x as number)
        : spread * Math.sqrt(i / nodeCount) * Math.cos(i * 2.39996),
      y: Number.isFinite(y)
        ? (y as number)
        : spread * Math.sqrt(i / nodeCount) * Math.sin(i * 2.39996),
      size: sizes[i],
      data,
    });
    await maybePause(i);
  }

  const { edgeSources, edgeTargets, edgeWeights, edgeDirected } = payload;
  for (let e = 0; e < edgeCount; e++) {
    const source = nodeKey(edgeSources[e]);
    const target = nodeKey(edgeTargets[e]);
    const attributes = { weight: edgeWeights[e] };
    const directed = edgeDirected ? edgeDirected[e] === 1 : payload.directed;
    if (directed) graph.addDirectedEdgeWithKey(String(e), source, target, attributes);
    else graph.addUndirectedEdgeWithKey(String(e), source, target, attributes);
    await maybePause(nodeCount + e);
  }
  await onProgress?.(1);
  return graph;
}

/** Sizes from the file when it has them, else by degree (square root, so hubs do not swamp the view). */
function nodeSizes(payload: DatasetPayload): Float32Array {
  const n = payload.nodeIds.length;
  const sizes = new Float32Array(n);
  const fileSizes = payload.nodeAttributes.map((a) => a.size);
  if (n > 0 && fileSizes.every((s) => typeof s === 'number' && Number.isFinite(s) && s > 0)) {
    const max = Math.max(...(fileSizes as number[]));
    for (let i = 0; i < n; i++)
      sizes[i] = MIN_SIZE + ((fileSizes[i] as number) / max) * (MAX_SIZE - MIN_SIZE);
    return sizes;
  }
  const degree = new Int32Array(n);
  for (let e = 0; e < payload.edgeSources.length; e++) {
    degree[payload.edgeSources[e]]++;
    degree[payload.edgeTargets[e]]++;
  }
  let maxDegree = 1;
  for (let i = 0; i < n; i++) maxDegree = Math.max(maxDegree, degree[i]);
  const scale = Math.sqrt(maxDegree);
  for (let i = 0; i < n; i++)
    sizes[i] = MIN_SIZE + (Math.sqrt(degree[i]) / scale) * (MAX_SIZE - MIN_SIZE) * 0.6;
  return sizes;
}
