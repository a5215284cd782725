import type { WordspreadGraph } from './build';

/**
 * Moves every node to new coordinates (x and y interleaved, in node order) in one pass. The
 * attribute hint tells listeners (sigma) that only x and y changed, so they reindex nothing else.
 */
export function placeNodes(graph: WordspreadGraph, xy: Float32Array): void {
  let i = 0;
  graph.updateEachNodeAttributes(
    (_key, attributes) => {
      attributes.x = xy[2 * i];
      attributes.y = xy[2 * i + 1];
      i++;
      return attributes;
    },
    { attributes: ['x', 'y'] },
  );
}
