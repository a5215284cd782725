import { describe, expect, it } from 'vitest';
import { csrFromEdges, findEdge, outDegree } from '../../../src/core/graph/csr';

const edges = (pairs: [number, number][]) => ({
  sources: Int32Array.from(pairs.map((p) => p[0])),
  targets: Int32Array.from(pairs.map((p) => p[1])),
  weights: Float64Array.from(pairs.map((_, i) => i + 1)),
});

describe('csrFromEdges', () => {
  it('keeps direction for directed graphs and skips self-loops', () => {
    const { sources, targets, weights } = edges([
      [0, 1],
      [0, 2],
      [2, 0],
      [1, 1],
    ]);
    const csr = csrFromEdges(3, sources, targets, weights, true);
    expect([outDegree(csr, 0), outDegree(csr, 1), outDegree(csr, 2)]).toEqual([2, 0, 1]);
    expect(findEdge(csr, 0, 2)).toBe(1);
    expect(findEdge(csr, 2, 0)).toBe(2);
    expect(findEdge(csr, 1, 0)).toBe(-1);
  });

  it('lists undirected edges both ways with their weight and edge index', () => {
    const { sources, targets, weights } = edges([
      [0, 1],
      [1, 2],
    ]);
    const csr = csrFromEdges(3, sources, targets, weights, false);
    expect(outDegree(csr, 1)).toBe(2);
    expect(findEdge(csr, 2, 1)).toBe(1);
    const slot =
      [...csr.targets.subarray(csr.offsets[2], csr.offsets[3])].indexOf(1) + csr.offsets[2];
    expect(csr.weights[slot]).toBe(2);
  });

  it('honours per-edge direction in mixed graphs', () => {
    const { sources, targets, weights } = edges([
      [0, 1],
      [1, 2],
    ]);
    const csr = csrFromEdges(3, sources, targets, weights, Uint8Array.from([1, 0]));
    expect(findEdge(csr, 1, 0)).toBe(-1);
    expect(findEdge(csr, 2, 1)).toBe(1);
  });
});
