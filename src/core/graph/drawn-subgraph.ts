import Graph from 'graphology';
import type { WordspreadGraph } from './build';

/**
 * A graph of every node of `graph` and only the edges `drawn` keeps, for the renderer to hold
 * instead of the whole graph when the level of detail leaves ties out.
 *
 * Why a second graph rather than hiding edges: sigma keeps a record per edge of the graph it holds,
 * and its full refreshes (a new spread, a new colouring) walk every one. Hidden or not, a million
 * edges cost about a second each time; a graph of the drawn ones costs what is drawn.
 *
 * Nodes share their attribute objects with `graph`, so positions written in place reach both graphs;
 * edges keep their keys (the edge index) and attribute objects. Edge keys are indices 0…size-1, as
 * `buildGraph` makes them.
 */
export function drawnSubgraph(
  graph: WordspreadGraph,
  drawn: (edge: number) => boolean,
): WordspreadGraph {
  const subgraph: WordspreadGraph = new Graph({
    type: graph.type,
    multi: graph.multi,
    allowSelfLoops: graph.allowSelfLoops,
  });
  graph.forEachNode((key, attributes) => subgraph.addNode(key, attributes));
  for (let edge = 0, size = graph.size; edge < size; edge++) {
    if (drawn(edge)) copyEdge(graph, subgraph, edge);
  }
  return subgraph;
}

/** Adds edge `edge` of `graph` to `subgraph` (same key, ends, direction and attribute object). */
function copyEdge(graph: WordspreadGraph, subgraph: WordspreadGraph, edge: number): void {
  const key = String(edge);
  const [source, target] = graph.extremities(key);
  const attributes = graph.getEdgeAttributes(key);
  if (graph.isDirected(key)) subgraph.addDirectedEdgeWithKey(key, source, target, attributes);
  else subgraph.addUndirectedEdgeWithKey(key, source, target, attributes);
}
