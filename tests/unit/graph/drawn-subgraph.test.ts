import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/core/graph/build';
import { drawnSubgraph } from '../../../src/core/graph/drawn-subgraph';
import { payloadFromPairs } from '../helpers/payload';

const pairs: [string, string][] = [
  ['a', 'b'],
  ['b', 'c'],
  ['c', 'a'],
  ['a', 'b'], // a parallel tie
  ['d', 'd'], // a self-loop
];

describe('drawnSubgraph', () => {
  it('keeps every node and only the chosen edges, under the same keys and ends', async () => {
    const graph = await buildGraph(payloadFromPairs(pairs));
    const sub = drawnSubgraph(graph, (edge) => edge % 2 === 1);
    expect(sub.order).toBe(graph.order);
    expect(sub.edges()).toEqual(['1', '3']);
    for (const key of sub.edges()) {
      expect(sub.extremities(key)).toEqual(graph.extremities(key));
      expect(sub.isDirected(key)).toBe(true);
    }
  });

  it('shares node attribute objects, so positions written into one graph are in the other', async () => {
    const graph = await buildGraph(payloadFromPairs(pairs));
    const sub = drawnSubgraph(graph, () => false);
    expect(sub.size).toBe(0);
    graph.getNodeAttributes('2').x = 123.5;
    expect(sub.getNodeAttribute('2', 'x')).toBe(123.5);
  });

  it('keeps directions of a mixed graph and self-loops', async () => {
    const payload = payloadFromPairs(pairs, { directed: false });
    payload.edgeDirected = Uint8Array.from([1, 0, 1, 0, 0]);
    const graph = await buildGraph(payload);
    const sub = drawnSubgraph(graph, () => true);
    expect(sub.type).toBe('mixed');
    expect(sub.edges().map((key) => sub.isDirected(key))).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
    expect(sub.selfLoopCount).toBe(1);
    expect(sub.getEdgeAttributes('0')).toBe(graph.getEdgeAttributes('0'));
  });
});
