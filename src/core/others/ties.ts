import type { DatasetPayload } from '../io/payload';

/**
 * Who is tied to whom, as flat typed arrays and nothing else: what tribes and bridges need, small
 * enough to cross to a worker as transferables (node ids and attributes stay on the main thread).
 */
export interface TieList {
  nodeCount: number;
  sources: Int32Array;
  targets: Int32Array;
  /** Same length as sources; 1 where the file gave no weight. */
  weights: Float64Array;
}

/** Either a tie list or a whole payload (on the main thread and in tests). */
export type Ties = TieList | DatasetPayload;

export function tieList(ties: Ties): TieList {
  if (!('nodeIds' in ties)) return ties;
  return {
    nodeCount: ties.nodeIds.length,
    sources: ties.edgeSources,
    targets: ties.edgeTargets,
    weights: ties.edgeWeights,
  };
}

/**
 * A copy of the ties whose buffers can be transferred to a worker: the payload keeps its own arrays,
 * which the graph on screen and the exporters still read.
 */
export function transferableCopy(ties: Ties): { ties: TieList; buffers: ArrayBuffer[] } {
  const { nodeCount, sources, targets, weights } = tieList(ties);
  const copy = {
    nodeCount,
    sources: sources.slice(),
    targets: targets.slice(),
    weights: weights.slice(),
  };
  return {
    ties: copy,
    buffers: [copy.sources.buffer, copy.targets.buffer, copy.weights.buffer],
  };
}
