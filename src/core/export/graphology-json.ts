import type { AttributeValue, Attributes } from '../io/payload';
import {
  ADOPTION_TIME_KEY,
  adoptionOf,
  colorOf,
  edgeIsDirected,
  positionOf,
  type ExportExtras,
  type ExportGraph,
} from './graph';

/**
 * A plain object with a null prototype: keys from files such as `__proto__` or `constructor`
 * become ordinary own properties, and JSON.stringify writes them like any other key.
 */
function record(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

/** JSON has no infinities or NaN (stringify would write null): keep them as their names. */
function jsonValue(value: AttributeValue): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

function copyInto(target: Record<string, unknown>, attributes: Attributes | undefined): void {
  if (!attributes) return;
  for (const key of Object.keys(attributes)) target[key] = jsonValue(attributes[key]);
}

/**
 * Serialises a graph in graphology's own format (`graph.export()`, what `Graph.from()` and sigma's
 * examples read). Edges carry their weight; a mixed graph marks its undirected edges. Positions,
 * colours and adoption times, when given, are written as the node attributes `x`, `y`, `color` and
 * "adoption time" (omitted for people never reached).
 */
export function toGraphologyJson(graph: ExportGraph, extras: ExportExtras = {}): string {
  const mixed = graph.edgeDirected !== undefined;
  const nodes = graph.nodeIds.map((key, n) => {
    const attributes = record();
    copyInto(attributes, graph.nodeAttributes[n]);
    const position = positionOf(graph, extras, n);
    if (position) [attributes.x, attributes.y] = position;
    const color = colorOf(graph, extras, n);
    if (color !== null) attributes.color = color;
    if (extras.adoptionTimes) {
      const time = adoptionOf(extras, n);
      if (time === null) delete attributes[ADOPTION_TIME_KEY];
      else attributes[ADOPTION_TIME_KEY] = time;
    }
    return { key, attributes };
  });
  const edges = Array.from(graph.edgeSources, (source, e) => {
    const attributes = record();
    copyInto(attributes, graph.edgeAttributes?.[e]);
    attributes.weight = jsonValue(graph.edgeWeights[e]);
    const edge: Record<string, unknown> = {
      key: String(e),
      source: graph.nodeIds[source],
      target: graph.nodeIds[graph.edgeTargets[e]],
      attributes,
    };
    if (mixed && !edgeIsDirected(graph, e)) edge.undirected = true;
    return edge;
  });
  const options = {
    type: mixed ? 'mixed' : graph.directed ? 'directed' : 'undirected',
    multi: true,
    allowSelfLoops: true,
  };
  const attributes = record();
  copyInto(attributes, graph.graphAttributes);
  return JSON.stringify({ options, attributes, nodes, edges });
}
