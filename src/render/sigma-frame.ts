import type { Attributes } from 'graphology-types';
import type Sigma from 'sigma';
import type { Coordinates, Dimensions, Extent } from 'sigma/types';
import { createNormalizationFunction, matrixFromCamera } from 'sigma/utils';
import type { NormalizationFunction } from 'sigma/utils';

/**
 * What PositionSweep needs from sigma 3 beyond its public API. sigma recomputes its frame (the box
 * that graph coordinates are normalised from) and its label grid only in its full reprocess, which
 * the sweep exists to avoid on big graphs; these do the same two things on their own. They touch
 * two private fields, so they live here, next to the sigma version they were written against.
 */
interface SigmaPrivate {
  normalizationFunction: NormalizationFunction;
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

/** The box of positions given as x and y interleaved. */
export function boxOf(xy: Float32Array): Box {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i];
    const y = xy[i + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { x: [minX, maxX], y: [minY, maxY] };
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
