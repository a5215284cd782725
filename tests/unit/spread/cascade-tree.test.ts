import { describe, expect, it } from 'vitest';
import {
  cascadeAround,
  cascadeTree,
  descendantRows,
  pathRows,
  topSpreaders,
} from '../../../src/core/spread/cascade-tree';
import { Channel, type Timeline } from '../../../src/core/spread/types';

// 0 (origin) → 1, 2 (hard); 1 → 3, 4; 3 → 5; node 6 never reached.
const timeline: Timeline = {
  length: 6,
  time: Float64Array.from([0, 1, 1.5, 2, 2.5, 3]),
  node: Int32Array.from([0, 1, 2, 3, 4, 5]),
  via: Int32Array.from([-1, 0, 0, 1, 1, 3]),
  channel: Uint8Array.from([
    Channel.origin,
    Channel.hard,
    Channel.hard,
    Channel.soft,
    Channel.soft,
    Channel.soft,
  ]),
  timeUnit: 'hours',
  hardOnlyReach: 3,
};
const tree = cascadeTree(timeline, 7);

describe('cascade tree', () => {
  it('counts how many each person told', () => {
    expect([...tree.offspring]).toEqual([2, 2, 0, 1, 0, 0, 0]);
    expect(tree.rowOfNode[6]).toBe(-1);
  });

  it('traces how the word reached someone, from the origin', () => {
    expect(pathRows(timeline, tree, 5).map((row) => timeline.node[row])).toEqual([0, 1, 3, 5]);
    expect(pathRows(timeline, tree, 0)).toEqual([0]);
    expect(pathRows(timeline, tree, 6)).toEqual([]);
  });

  it('lists everyone reached through someone', () => {
    const nodes = (n: number) =>
      descendantRows(timeline, tree, n)
        .map((row) => timeline.node[row])
        .sort();
    expect(nodes(1)).toEqual([3, 4, 5]);
    expect(nodes(0)).toEqual([1, 2, 3, 4, 5]);
    expect(nodes(5)).toEqual([]);
  });

  it('ranks the top spreaders', () => {
    expect(topSpreaders(timeline, tree, 2)).toEqual([0, 1]);
  });

  it('highlights the path to someone and their own cascade, with the carrying edges', () => {
    const edgesOfRows = Int32Array.from([-1, 10, 11, 12, 13, 14]);
    const around = cascadeAround(timeline, tree, edgesOfRows, 1);
    expect([...around.nodes].sort()).toEqual([0, 1, 3, 4, 5]);
    expect([...around.edges].sort()).toEqual([10, 12, 13, 14]);
  });
});
