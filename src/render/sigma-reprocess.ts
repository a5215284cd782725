import type { Attributes } from 'graphology-types';
import type Sigma from 'sigma';
import type { Coordinates, Dimensions, Extent, NodeDisplayData } from 'sigma/types';
import { createNormalizationFunction, matrixFromCamera } from 'sigma/utils';
import type { NormalizationFunction } from 'sigma/utils';

/**
 * Pieces of sigma 3's full reprocess, for the layout's sweep (LayoutMotion), which exists to avoid
 * running it whole: moving some items, re-framing, re-indexing labels. sigma offers no public way to do
 * these apart (its partial refresh also reruns reducers, which costs most of the time when only
 * positions changed), so these touch its private fields and methods; they live here, next to the
 * sigma version they were written against (3.0), and the layout's end-to-end tests check their result.
 */
interface SigmaPrivate {
  normalizationFunction: NormalizationFunction;
  nodeDataCache: Record<string, NodeDisplayData | undefined>;
  nodeIndices: Record<string, number | undefined>;
  nodeProgramIndex: Record<string, number | undefined>;
  edgeIndices: Record<string, number | undefined>;
  edgeProgramIndex: Record<string, number | undefined>;
  addNodeToProgram(node: string, fingerprint: number, position: number): void;
  addEdgeToProgram(edge: string, fingerprint: number, position: number): void;
  labelGrid: {
    resizeAndClear(dimensions: Dimensions, cellSize: number): void;
    add(key: string, size: number, position: Coordinates): void;
    organize(): void;
  };
}

export interface Box {
  x: Extent;
  y: Extent;
}

/**
 * Whether `next` differs from `frame` by more than `tolerance` of the frame's larger side on any
 * edge: a layout's extent drifts a little at every step, and re-framing for each drift would make
 * the picture breathe.
 */
export function outgrows(next: Box, frame: Box, tolerance = 0.05): boolean {
  const side = Math.max(frame.x[1] - frame.x[0], frame.y[1] - frame.y[0]);
  const limit = tolerance * side;
  return (
    Math.abs(next.x[0] - frame.x[0]) > limit ||
    Math.abs(next.x[1] - frame.x[1]) > limit ||
    Math.abs(next.y[0] - frame.y[0]) > limit ||
    Math.abs(next.y[1] - frame.y[1]) > limit
  );
}

/** The box sigma normalises graph coordinates from now. */
export function currentFrame<N extends Attributes, E extends Attributes>(sigma: Sigma<N, E>): Box {
  return sigma.getCustomBBox() ?? sigma.getBBox();
}

/**
 * Normalises from `box` from now on, for items refreshed after this call and for every later
 * reprocess (as a custom bounding box), so what the sweep draws and what sigma draws agree.
 */
export function setFrame<N extends Attributes, E extends Attributes>(
  sigma: Sigma<N, E>,
  box: Box,
): void {
  sigma.setCustomBBox(box);
  (sigma as unknown as SigmaPrivate).normalizationFunction = createNormalizationFunction(box);
}

/**
 * Rebuilds the grid sigma picks labels from (which labels show at which zoom), as its reprocess
 * does, from the nodes' drawn positions.
 */
export function reindexLabels<N extends Attributes, E extends Attributes>(
  sigma: Sigma<N, E>,
  keys: string[],
): void {
  const grid = (sigma as unknown as SigmaPrivate).labelGrid;
  const dimensions = sigma.getDimensions();
  const matrix = matrixFromCamera(
    { x: 0.5, y: 0.5, angle: 0, ratio: 1 },
    dimensions,
    sigma.getGraphDimensions(),
    sigma.getStagePadding(),
  );
  grid.resizeAndClear(dimensions, sigma.getSetting('labelGridCellSize'));
  for (const key of keys) {
    const data = sigma.getNodeDisplayData(key);
    if (!data || typeof data.label !== 'string' || data.hidden) continue;
    grid.add(key, data.size, sigma.framedGraphToViewport(data, { matrix }));
  }
  grid.organize();
}

/**
 * Redraws these nodes at new positions (`position(node)`, in graph coordinates) and these ties
 * between them, as sigma's reprocess does: normalise, write into the programs. Reducers do not
 * rerun: only positions changed. Returns false when sigma has not indexed an item yet (a new
 * graph before its first draw); its coming reprocess then draws everything anyway.
 */
export function moveItems<N extends Attributes, E extends Attributes>(
  sigma: Sigma<N, E>,
  nodes: string[],
  position: (node: string) => Coordinates,
  edges: string[],
): boolean {
  const inside = sigma as unknown as SigmaPrivate;
  const normalise = inside.normalizationFunction;
  for (const node of nodes) {
    const data = inside.nodeDataCache[node];
    const fingerprint = inside.nodeIndices[node];
    const slot = inside.nodeProgramIndex[node];
    if (!data || fingerprint === undefined || slot === undefined) return false;
    const { x, y } = position(node);
    data.x = x;
    data.y = y;
    normalise.applyTo(data);
    inside.addNodeToProgram(node, fingerprint, slot);
  }
  for (const edge of edges) {
    const fingerprint = inside.edgeIndices[edge];
    const slot = inside.edgeProgramIndex[edge];
    if (fingerprint === undefined || slot === undefined) return false;
    inside.addEdgeToProgram(edge, fingerprint, slot);
  }
  sigma.scheduleRender();
  return true;
}
