import { createRng } from '../spread/rng';

/**
 * Above this many ties, drawing every one costs more than it tells: a million faint lines are a grey
 * fog, and each frame of them costs the GPU (and, with software WebGL, the main thread) seconds. The
 * view then draws the ties that carried the word plus an even sample of the others.
 */
export const DETAIL_EDGE_LIMIT = 100_000;

/**
 * Above this many ties, ties hide while the camera moves (sigma's hideEdgesOnMove): redrawing tens of
 * thousands of lines every frame of a pan or zoom is what makes a page stutter on a weak GPU, and the
 * motion is what people watch then, not the ties.
 */
export const MOVING_EDGE_LIMIT = 20_000;

/** How many of the quiet (not carrying) ties the sample keeps: enough to show the network's grain. */
export const SAMPLED_QUIET_EDGES = 50_000;

/** A fixed seed: the same dataset always shows the same sample, frame after frame and visit after visit. */
const SAMPLE_SEED = 20_261_125;

/** Whether a graph of this size is drawn with a sample of its ties rather than all of them. */
export function needsEdgeSample(edgeCount: number, limit = DETAIL_EDGE_LIMIT): boolean {
  return edgeCount > limit;
}

/**
 * Per edge, 1 when the sample keeps it. Each edge is kept independently with probability
 * `keep / edgeCount`, so dense regions stay denser than sparse ones, as in the full picture.
 */
export function sampleEdges(
  edgeCount: number,
  keep = SAMPLED_QUIET_EDGES,
  seed = SAMPLE_SEED,
): Uint8Array {
  const kept = new Uint8Array(edgeCount);
  const probability = Math.min(1, keep / Math.max(1, edgeCount));
  const rng = createRng(seed);
  for (let edge = 0; edge < edgeCount; edge++) kept[edge] = rng.next() < probability ? 1 : 0;
  return kept;
}
