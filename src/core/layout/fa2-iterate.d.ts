// graphology-layout-forceatlas2 ships no types for its internal modules; we call them directly so the
// layout runs in our own module worker instead of the package's `blob:` supervisor (see DESIGN.md).

declare module 'graphology-layout-forceatlas2/iterate.js' {
  /** The settings object `iterate` reads; every field must be present (no defaults applied there). */
  export interface Fa2IterateOptions {
    linLogMode: boolean;
    outboundAttractionDistribution: boolean;
    adjustSizes: boolean;
    edgeWeightInfluence: number;
    scalingRatio: number;
    strongGravityMode: boolean;
    gravity: number;
    slowDown: number;
    barnesHutOptimize: boolean;
    barnesHutTheta: number;
  }

  /**
   * One FA2 iteration, in place. `nodeMatrix` has 10 floats per node (PPN: x, y, dx, dy, old dx,
   * old dy, mass, convergence, size, fixed); `edgeMatrix` has 3 per edge (PPE: source *offset*,
   * i.e. node index × 10, target offset, weight).
   */
  export default function iterate(
    options: Fa2IterateOptions,
    nodeMatrix: Float32Array,
    edgeMatrix: Float32Array,
  ): Record<string, never>;
}

declare module 'graphology-layout-forceatlas2/helpers.js' {
  import type Graph from 'graphology-types';

  export function validateSettings(settings: Record<string, unknown>): { message: string } | null;
  export function graphToByteArrays(
    graph: Graph,
    getEdgeWeight: (...args: unknown[]) => number,
  ): { nodes: Float32Array; edges: Float32Array };
}
