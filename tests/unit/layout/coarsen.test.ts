import { describe, expect, it } from 'vitest';
import { coarsen, MAX_GROUP } from '../../../src/core/layout/coarsen';
import { seededRandom } from '../../../src/core/layout/rng';
import { weightedGraph, type WeightedGraph } from '../../../src/core/layout/weighted-graph';
import { blockModel, grid, lesMiserables, randomTree, type EdgeListGraph } from './graphs';

function star(leaves: number): EdgeListGraph {
  return {
    nodeCount: leaves + 1,
    sources: new Int32Array(leaves),
    targets: Int32Array.from({ length: leaves }, (_, i) => i + 1),
  };
}

const isolated: EdgeListGraph = {
  nodeCount: 300,
  sources: new Int32Array(0),
  targets: new Int32Array(0),
};

const cases: [string, EdgeListGraph][] = [
  ['random tree', randomTree(400, 3)],
  ['grid', grid(20)],
  ['star (a hub and its leaves)', star(300)],
  ['isolated nodes', isolated],
  ['les-misérables', lesMiserables()],
  ['block model', blockModel(200, 4, 0.2, 0.02, 1)],
];

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

/** Total weight of the edges whose ends fall in different groups (each edge once). */
function crossingWeight(graph: WeightedGraph, parent: Int32Array): number {
  let total = 0;
  for (let i = 0; i < graph.nodeCount; i++) {
    for (let k = graph.offsets[i]; k < graph.offsets[i + 1]; k++) {
      const j = graph.neighbours[k];
      if (j > i && parent[i] !== parent[j]) total += graph.weights[k];
    }
  }
  return total;
}

describe('coarsen', () => {
  it.each(cases)('shrinks a %s to at most 60 %%, in groups of at most MAX_GROUP', (_name, g) => {
    const graph = weightedGraph(g.nodeCount, g);
    const { parent, coarse } = coarsen(graph, seededRandom(1));
    expect(coarse.nodeCount).toBeLessThanOrEqual(0.6 * g.nodeCount);
    const sizes = new Int32Array(coarse.nodeCount);
    for (const p of parent) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(coarse.nodeCount);
      sizes[p]++;
    }
    expect(Math.min(...sizes)).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_GROUP);
  });

  it.each(cases)('keeps the mass and the pull between groups of a %s', (_name, g) => {
    const graph = weightedGraph(g.nodeCount, g);
    const { parent, coarse } = coarsen(graph, seededRandom(2));
    expect(sum(coarse.mass)).toBeCloseTo(sum(graph.mass), 6);
    expect(sum(coarse.weights) / 2).toBeCloseTo(crossingWeight(graph, parent), 6);
  });

  it('groups nodes with their neighbours, not at random', () => {
    const g = grid(20);
    const graph = weightedGraph(g.nodeCount, g);
    const { parent } = coarsen(graph, seededRandom(3));
    const byGroup = new Map<number, number[]>();
    parent.forEach((p, i) => byGroup.set(p, [...(byGroup.get(p) ?? []), i]));
    for (const members of byGroup.values()) {
      // On a grid every group is connected: each member has a neighbour in the group.
      if (members.length < 2) continue;
      for (const node of members) {
        const own = Array.from(
          graph.neighbours.slice(graph.offsets[node], graph.offsets[node + 1]),
        ).filter((j) => parent[j] === parent[node]);
        expect(own.length).toBeGreaterThan(0);
      }
    }
  });

  it('is deterministic for a seed', () => {
    const g = randomTree(200, 5);
    const graph = weightedGraph(g.nodeCount, g);
    const a = coarsen(graph, seededRandom(9)).parent;
    const b = coarsen(graph, seededRandom(9)).parent;
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});
