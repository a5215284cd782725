import { newAttributes } from './attributes';
import { PayloadBuilder } from './builder';
import { DatasetError } from './errors';
import { copyJsonAttributes } from './json-values';
import type { ParseLimits } from './limits';
import type { Attributes, DatasetPayload } from './payload';

/**
 * The other JSON network shapes in common use: node-link JSON (d3 examples, NetworkX
 * `node_link_data`, sigma's demo dataset with `[source, target]` pairs) and Cytoscape
 * (`elements` as an object of arrays or one array with `group`).
 */
type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isId(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Copies every field but the listed ones (ids, endpoints) into a fresh attribute table. */
function attributesExcept(item: Json, skip: readonly string[]): Attributes {
  const rest: Json = Object.create(null) as Json;
  for (const key of Object.keys(item)) if (!skip.includes(key)) rest[key] = item[key];
  return copyJsonAttributes(rest);
}

export function nodeLinkEdges(data: unknown): unknown[] | undefined {
  if (!isObject(data) || !Array.isArray(data.nodes)) return undefined;
  const edges = data.links ?? data.edges ?? [];
  return Array.isArray(edges) ? edges : undefined;
}

/** An endpoint: an id, a node index (classic d3), or the node object d3's simulation put there. */
function endpoint(value: unknown): string | undefined {
  if (isId(value)) return String(value);
  if (isObject(value)) {
    const id = value.id ?? value.key ?? value.index;
    if (isId(id)) return String(id);
  }
  return undefined;
}

export function parseNodeLinkJson(data: Json, file: string, limits: ParseLimits): DatasetPayload {
  const builder = new PayloadBuilder(file, limits);
  // NetworkX writes `directed`; d3 examples draw links without arrows.
  builder.directed = data.directed === true;
  const nodes = data.nodes as unknown[];
  for (let i = 0; i < nodes.length; i++) {
    const item = nodes[i];
    if (!isObject(item)) throw new DatasetError(file, 'expected a node object', `nodes[${i}]`);
    const key = isId(item.id) ? item.id : isId(item.key) ? item.key : i;
    const node = builder.addNode(String(key));
    const attributes = attributesExcept(item, ['id', 'key', 'index', 'vx', 'vy', 'fx', 'fy']);
    if (attributes.label === undefined && typeof item.name === 'string')
      attributes.label = item.name;
    Object.assign(builder.nodeAttributes[node], attributes);
  }
  const edges = nodeLinkEdges(data) ?? [];
  const where = data.links !== undefined ? 'links' : 'edges';
  for (let i = 0; i < edges.length; i++) {
    const item = edges[i];
    const pair = Array.isArray(item);
    const source = endpoint(pair ? item[0] : isObject(item) ? item.source : undefined);
    const target = endpoint(pair ? item[1] : isObject(item) ? item.target : undefined);
    if (source === undefined || target === undefined) {
      throw new DatasetError(
        file,
        'expected {"source", "target"} or a [source, target] pair',
        `${where}[${i}]`,
      );
    }
    const fields: Json = pair ? {} : (item as Json);
    // d3's classic examples call the weight "value".
    const weight = finiteNumber(pair ? item[2] : (fields.weight ?? fields.value));
    const directed = typeof fields.directed === 'boolean' ? fields.directed : builder.directed;
    const edge = builder.addEdge(
      builder.nodeRef(source),
      builder.nodeRef(target),
      weight ?? 1,
      directed,
    );
    if (!pair) {
      const skip = [
        'source',
        'target',
        'id',
        'key',
        'index',
        'directed',
        ...(weight === undefined ? [] : ['weight', 'value']),
      ];
      const attributes = attributesExcept(fields, skip);
      if (Object.keys(attributes).length > 0) builder.setEdgeAttributes(edge, attributes);
    }
  }
  return builder.finish(file, 'd3-json', copyJsonAttributes(data.graph));
}

/** Cytoscape's elements, as `{nodes, edges}` or one array of `{group, data}`. */
export function cytoscapeElements(
  data: unknown,
): { nodes: unknown[]; edges: unknown[] } | undefined {
  if (!isObject(data)) return undefined;
  const elements = data.elements;
  if (Array.isArray(elements)) {
    const isEdge = (e: unknown) =>
      isObject(e) && (e.group === 'edges' || (isObject(e.data) && 'source' in e.data));
    return { nodes: elements.filter((e) => !isEdge(e)), edges: elements.filter(isEdge) };
  }
  if (isObject(elements) && Array.isArray(elements.nodes)) {
    return { nodes: elements.nodes, edges: Array.isArray(elements.edges) ? elements.edges : [] };
  }
  return undefined;
}

export function parseCytoscapeJson(data: Json, file: string, limits: ParseLimits): DatasetPayload {
  const elements = cytoscapeElements(data) ?? { nodes: [], edges: [] };
  const builder = new PayloadBuilder(file, limits);
  // Cytoscape edges have a source and a target: directed unless the file says otherwise.
  builder.directed = data.directed !== false;
  elements.nodes.forEach((item, i) => {
    const fields = isObject(item) && isObject(item.data) ? item.data : undefined;
    if (!fields || !isId(fields.id))
      throw new DatasetError(file, 'expected {"data": {"id": …}}', `nodes[${i}]`);
    const node = builder.addNode(String(fields.id));
    const attributes = builder.nodeAttributes[node];
    copyJsonAttributes(attributesExcept(fields, ['id']), attributes);
    if (attributes.label === undefined && typeof fields.name === 'string')
      attributes.label = fields.name;
    const position = (item as Json).position;
    if (
      isObject(position) &&
      finiteNumber(position.x) !== undefined &&
      finiteNumber(position.y) !== undefined
    ) {
      // Cytoscape's y grows downwards, like the screen; ours grows upwards, like Gephi's.
      attributes.x = position.x as number;
      attributes.y = -(position.y as number);
    }
  });
  elements.edges.forEach((item, i) => {
    const fields = isObject(item) && isObject(item.data) ? item.data : undefined;
    if (!fields || !isId(fields.source) || !isId(fields.target)) {
      throw new DatasetError(file, 'expected {"data": {"source": …, "target": …}}', `edges[${i}]`);
    }
    const weight = finiteNumber(fields.weight);
    const edge = builder.addEdge(
      builder.nodeRef(String(fields.source)),
      builder.nodeRef(String(fields.target)),
      weight ?? 1,
      builder.directed,
    );
    const attributes = attributesExcept(fields, [
      'id',
      'source',
      'target',
      ...(weight === undefined ? [] : ['weight']),
    ]);
    if (Object.keys(attributes).length > 0) builder.setEdgeAttributes(edge, attributes);
  });
  const graph = isObject(data.data) ? copyJsonAttributes(data.data) : newAttributes();
  return builder.finish(file, 'cytoscape-json', graph);
}
