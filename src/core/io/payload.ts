/**
 * What every parser produces: a graph as flat arrays, ready to cross from the io worker to the main
 * thread (typed arrays are transferred, attribute tables are structured-cloned).
 *
 * Node attributes use these reserved keys when the file has them: `label` (string), `x`, `y`, `size`
 * (numbers), `color` (a `#rrggbb` string). Everything else is the file's own data, with its type
 * kept (number, boolean, string, string[] / number[] lists).
 */
export type AttributeValue = string | number | boolean | null | string[] | number[] | boolean[];
export type Attributes = Record<string, AttributeValue>;

export type InputFormat =
  | 'gexf'
  | 'graphml'
  | 'graphology-json'
  | 'd3-json'
  | 'cytoscape-json'
  | 'csv'
  | 'edge-list'
  | 'adjacency-matrix'
  | 'pajek'
  /** A network derived from a hashtag dataset (posts); see core/posts. */
  | 'posts';

export interface DatasetPayload {
  /** The file name (or URL) the data came from, shown to the user. */
  name: string;
  format: InputFormat;
  /** Default edge direction; a mixed graph also sets `edgeDirected`. */
  directed: boolean;
  /** Node ids in file order; edges refer to nodes by index into this array. */
  nodeIds: string[];
  /** One entry per node, same order as `nodeIds`. Objects are created with a null prototype. */
  nodeAttributes: Attributes[];
  edgeSources: Int32Array;
  edgeTargets: Int32Array;
  /** Edge weights (1 when the file gives none). */
  edgeWeights: Float64Array;
  /** Per-edge direction, only for mixed graphs (1 = directed). */
  edgeDirected?: Uint8Array;
  /** Per-edge attributes other than weight, when the file has any (same order as edges). */
  edgeAttributes?: Attributes[];
  /** Graph-level attributes (title, creator, description…). */
  graphAttributes: Attributes;
  /** Things the parser repaired, in words a person understands ("4 edges pointed at undeclared nodes: added them"). */
  warnings: string[];
}

/** The typed arrays of a payload, for `postMessage(payload, transferablesOf(payload))`. */
export function transferablesOf(payload: DatasetPayload): ArrayBuffer[] {
  const buffers = [
    payload.edgeSources.buffer,
    payload.edgeTargets.buffer,
    payload.edgeWeights.buffer,
  ];
  if (payload.edgeDirected) buffers.push(payload.edgeDirected.buffer);
  return buffers as ArrayBuffer[];
}
