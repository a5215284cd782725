import { describe, expect, it } from 'vitest';
import { cascadeShape, reachSeries, timeToShare } from '../../../src/core/spread/cascade-metrics';
import { simulateSpread } from '../../../src/core/spread/independent-cascade';
import { reachAt } from '../../../src/core/spread/metrics';
import { Channel, type Timeline } from '../../../src/core/spread/types';
import { randomGraph, scenario } from './helpers';

/** A timeline from (node, via) pairs in adoption order, one hour apart; via -1 is an origin. */
function tree(rows: [number, number][]): Timeline {
  return {
    length: rows.length,
    time: Float64Array.from(rows, (_, i) => i),
    node: Int32Array.from(rows, (r) => r[0]),
    via: Int32Array.from(rows, (r) => r[1]),
    channel: Uint8Array.from(rows, (r) => (r[1] < 0 ? Channel.origin : Channel.soft)),
    timeUnit: 'hours',
    hardOnlyReach: 1,
  };
}

/** Mean shortest-path distance over all pairs, by breadth-first search from every node. */
function bruteMeanDistance(rows: [number, number][]): number {
  const adjacency = new Map<number, number[]>();
  const link = (a: number, b: number) => adjacency.set(a, [...(adjacency.get(a) ?? []), b]);
  for (const [node, via] of rows) {
    if (!adjacency.has(node)) adjacency.set(node, []);
    if (via >= 0) {
      link(node, via);
      link(via, node);
    }
  }
  let sum = 0;
  for (const source of adjacency.keys()) {
    const distance = new Map([[source, 0]]);
    const queue = [source];
    while (queue.length > 0) {
      const u = queue.shift()!;
      for (const v of adjacency.get(u)!) {
        if (!distance.has(v)) {
          distance.set(v, distance.get(u)! + 1);
          queue.push(v);
        }
      }
    }
    for (const d of distance.values()) sum += d;
  }
  const n = adjacency.size;
  return sum / (n * (n - 1));
}

describe('cascade shape', () => {
  it('structural virality: a star of 5 is 1.6, a path of 4 is 5/3', () => {
    // Star: 4 leaf pairs at distance 2, 4 root-leaf pairs at 1 → (6·2 + 4·1) / 10 = 1.6.
    const star = tree([
      [0, -1],
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
    ]);
    expect(cascadeShape(star).structuralVirality).toBeCloseTo(1.6, 12);
    // Path 0-1-2-3: distances 1, 2, 3, 1, 2, 1 → 10 / 6.
    const path = tree([
      [0, -1],
      [1, 0],
      [2, 1],
      [3, 2],
    ]);
    expect(cascadeShape(path).structuralVirality).toBeCloseTo(5 / 3, 12);
    // A long chain is more viral than a broadcast of the same size.
    const longPath = tree(Array.from({ length: 50 }, (_, i): [number, number] => [i, i - 1]));
    const bigStar = tree(Array.from({ length: 50 }, (_, i): [number, number] => [i, i ? 0 : -1]));
    expect(cascadeShape(longPath).structuralVirality).toBeCloseTo(51 / 3, 10);
    expect(cascadeShape(bigStar).structuralVirality).toBeCloseTo((2 * 49) / 50, 10);
  });

  it('structural virality matches all-pairs distances on simulated cascades', () => {
    for (let seed = 0; seed < 5; seed++) {
      const csr = randomGraph(seed, 200, 800);
      const t = simulateSpread(csr, scenario({ worth: 0.5, delivery: 0.9, seed }));
      const rows = Array.from(t.node, (node, i): [number, number] => [node, t.via[i]]);
      expect(cascadeShape(t).structuralVirality).toBeCloseTo(bruteMeanDistance(rows), 9);
    }
  });

  it('depth, breadth and offspring per generation of a hand-made tree', () => {
    //        0
    //      / | \
    //     1  2  3
    //    / \     \
    //   4   5     6
    //   |
    //   7
    const t = tree([
      [0, -1],
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 1],
      [5, 1],
      [6, 3],
      [7, 4],
    ]);
    const shape = cascadeShape(t);
    expect(shape.generationSizes).toEqual([1, 3, 3, 1]);
    expect(shape.depth).toBe(3);
    expect(shape.maxBreadth).toBe(3);
    expect(shape.offspringPerGeneration).toEqual([3, 1, 1 / 3]);
  });

  it('merges several origins into one source and treats untraceable rows as roots', () => {
    // Two origins with one child each: merged, a path 1 - source - 3 of 3 nodes → 4/3.
    const twoOrigins = tree([
      [0, -1],
      [2, -1],
      [1, 0],
      [3, 2],
    ]);
    expect(cascadeShape(twoOrigins).structuralVirality).toBeCloseTo(4 / 3, 12);
    // 9's `via` adopted after it (recorded data): a root, not a child.
    const shape = cascadeShape(
      tree([
        [0, -1],
        [9, 5],
        [5, 0],
      ]),
    );
    expect(shape.generationSizes).toEqual([2, 1]);
    expect(cascadeShape(tree([[0, -1]])).structuralVirality).toBeNaN();
    expect(cascadeShape(tree([])).depth).toBe(-1);
  });
});

describe('timing and the reach series', () => {
  it('time to 50% and 90% of final reach', () => {
    const t = tree(Array.from({ length: 10 }, (_, i): [number, number] => [i, i - 1]));
    expect(timeToShare(t, 0.5)).toBe(4); // the 5th adoption, at hour 4
    expect(timeToShare(t, 0.9)).toBe(8);
    expect(timeToShare(t, 1)).toBe(9);
    expect(timeToShare(tree([]), 0.5)).toBeNaN();
  });

  it('samples reach by channel like reachAt, ending at the final reach', () => {
    const csr = randomGraph(4, 1000, 5000);
    const t = simulateSpread(csr, scenario({ worth: 0.4, delivery: 0.8 }));
    const series = reachSeries(t, 50);
    expect(series.times.length).toBe(51);
    expect(series.times[0]).toBe(0);
    expect(series.total[50]).toBe(t.length);
    expect(series.hardOnlyReach).toBe(t.hardOnlyReach);
    for (let i = 0; i <= 50; i++) {
      const reach = reachAt(t, series.times[i]);
      expect([series.total[i], series.hard[i], series.soft[i], series.origin[i]]).toEqual([
        reach.total,
        reach.hard,
        reach.soft,
        reach.origin,
      ]);
      if (i > 0) expect(series.total[i]).toBeGreaterThanOrEqual(series.total[i - 1]);
    }
    const fixed = reachSeries(t, 10, { start: 0, end: 1000 });
    expect(fixed.times[10]).toBe(1000);
    expect(() => reachSeries(t, 0)).toThrow(RangeError);
  });
});
