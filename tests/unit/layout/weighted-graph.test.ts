import { describe, expect, it } from 'vitest';
import { buildMatrices, NODE_MASS, PPN } from '../../../src/core/layout/matrices';
import { edgeArrays, weightedGraph } from '../../../src/core/layout/weighted-graph';
import { blockModel } from './graphs';

function neighbourWeights(graph: ReturnType<typeof weightedGraph>, node: number) {
  const out: Record<number, number> = {};
  for (let k = graph.offsets[node]; k < graph.offsets[node + 1]; k++)
    out[graph.neighbours[k]] = graph.weights[k];
  return out;
}

describe('weightedGraph', () => {
  it('merges parallel and reciprocal edges and leaves self-loops and bad edges out', () => {
    const graph = weightedGraph(4, {
      sources: Int32Array.of(0, 1, 0, 2, 2, 3, 0),
      targets: Int32Array.of(1, 0, 1, 2, 3, 9, 3),
      weights: Float64Array.of(1, 2, 3, 5, 1, 1, Number.NaN),
    });
    expect(neighbourWeights(graph, 0)).toEqual({ 1: 6 });
    expect(neighbourWeights(graph, 1)).toEqual({ 0: 6 });
    expect(neighbourWeights(graph, 2)).toEqual({ 3: 1 });
    expect(neighbourWeights(graph, 3)).toEqual({ 2: 1 });
  });

  it('gives every node the mass FA2 gives it', () => {
    const g = blockModel(60, 3, 0.3, 0.05, 2);
    const sources = Int32Array.of(...g.sources, 4, 7);
    const targets = Int32Array.of(...g.targets, 4, 70); // a self-loop, an out-of-range edge
    const weights = Float64Array.of(...(g.weights ?? []), 2, 1);
    const graph = weightedGraph(60, { sources, targets, weights });
    const { nodes } = buildMatrices({
      nodeCount: 60,
      positions: new Float32Array(120),
      sources,
      targets,
      weights,
    });
    for (let i = 0; i < 60; i++) expect(graph.mass[i]).toBeCloseTo(nodes[i * PPN + NODE_MASS], 4);
  });

  it('raises attraction weights to edgeWeightInfluence, masses staying raw', () => {
    const edges = {
      sources: Int32Array.of(0),
      targets: Int32Array.of(1),
      weights: Float64Array.of(4),
    };
    const graph = weightedGraph(2, edges, 0.5);
    expect(Array.from(graph.weights)).toEqual([2, 2]);
    expect(Array.from(graph.mass)).toEqual([5, 5]);
  });

  it('lists each edge once for the FA2 runner', () => {
    const g = blockModel(40, 2, 0.3, 0.05, 1);
    const graph = weightedGraph(40, g);
    const edges = edgeArrays(graph);
    expect(edges.sources).toHaveLength(graph.neighbours.length / 2);
    for (let e = 0; e < edges.sources.length; e++)
      expect(edges.sources[e]).toBeLessThan(edges.targets[e]);
    const total = (w: ArrayLike<number>) => Array.from(w).reduce((a, b) => a + b, 0);
    expect(total(edges.weights)).toBeCloseTo(total(g.weights ?? []), 6);
  });
});
