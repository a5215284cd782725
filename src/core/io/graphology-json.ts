import { newAttributes } from './attributes';
import { PayloadBuilder } from './builder';
import { DatasetError } from './errors';
import { copyJsonAttributes } from './json-values';
import type { ParseLimits } from './limits';
import type { DatasetPayload } from './payload';

/** graphology's `graph.export()` format (also what sigma's examples ship). */
export interface GraphologySerialization {
  attributes?: Record<string, unknown>;
  options?: { type?: string; multi?: boolean; allowSelfLoops?: boolean };
  nodes: unknown[];
  edges?: unknown[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const NODE_FIELDS = new Set(['key', 'attributes']);
const EDGE_FIELDS = new Set(['key', 'source', 'target', 'attributes', 'undirected']);

function onlyKeys(item: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  return Object.keys(item).every((key) => allowed.has(key));
}

function isId(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

/**
 * Recognizes the shape from its first items only; every item is checked while reading, with an
 * error naming the index of the first bad one.
 */
export function isGraphologySerialization(data: unknown): data is GraphologySerialization {
  if (!isObject(data) || !Array.isArray(data.nodes)) return false;
  if (data.edges !== undefined && !Array.isArray(data.edges)) return false;
  // Flat nodes ({key, label, x…}) or pair edges mean a node-link file that happens to use "key".
  const firstNode: unknown = data.nodes[0];
  if (
    firstNode !== undefined &&
    !(isObject(firstNode) && 'key' in firstNode && onlyKeys(firstNode, NODE_FIELDS))
  ) {
    return false;
  }
  const firstEdge: unknown = data.edges?.[0];
  return (
    firstEdge === undefined ||
    (isObject(firstEdge) &&
      'source' in firstEdge &&
      'target' in firstEdge &&
      onlyKeys(firstEdge, EDGE_FIELDS))
  );
}

export function parseGraphologyJson(
  data: GraphologySerialization,
  file: string,
  limits: ParseLimits,
): DatasetPayload {
  const builder = new PayloadBuilder(file, limits);
  const type = data.options?.type;
  // graphology's default type is "mixed", where an edge is directed unless it says `undirected`.
  builder.directed = type !== 'undirected';
  const nodes = data.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const item = nodes[i];
    if (!isObject(item) || !isId(item.key)) {
      throw new DatasetError(file, 'expected {"key": …, "attributes": {…}}', `nodes[${i}]`);
    }
    const node = builder.addNode(String(item.key));
    copyJsonAttributes(item.attributes, builder.nodeAttributes[node]);
  }
  const edges = data.edges ?? [];
  for (let i = 0; i < edges.length; i++) {
    const item = edges[i];
    if (!isObject(item) || !isId(item.source) || !isId(item.target)) {
      throw new DatasetError(file, 'expected {"source": …, "target": …}', `edges[${i}]`);
    }
    const directed = type === 'undirected' ? false : item.undirected !== true;
    const attributes = isObject(item.attributes) ? item.attributes : undefined;
    const weight = attributes?.weight;
    const edge = builder.addEdge(
      builder.nodeRef(String(item.source)),
      builder.nodeRef(String(item.target)),
      typeof weight === 'number' && Number.isFinite(weight) ? weight : 1,
      directed,
    );
    if (attributes) {
      const copy = copyJsonAttributes(attributes);
      if (typeof weight === 'number' && Number.isFinite(weight)) delete copy.weight;
      if (Object.keys(copy).length > 0) builder.setEdgeAttributes(edge, copy);
    }
  }
  const graphAttributes = copyJsonAttributes(data.attributes, newAttributes());
  return builder.finish(file, 'graphology-json', graphAttributes);
}
