import { describe, expect, it } from 'vitest';
import { undirectedAdjacency } from '../../../src/core/others/bridges';
import { othersLike } from '../../../src/core/others/like-me';
import { payloadFromPairs } from '../helpers/payload';

describe('othersLike', () => {
  // a - b - c - d, and e alone; a, c, d, e in class X, b in Y.
  const payload = payloadFromPairs(
    [
      ['a', 'b'],
      ['c', 'b'],
      ['c', 'd'],
    ],
    { attributes: { e: {} } },
  );
  const groups = Int32Array.from([0, 1, 0, 0, 0]); // a b c d e
  const adjacency = undirectedAdjacency(payload);

  it('lists the people of the same group, nearest first, the unconnected last', () => {
    const { kin, total } = othersLike(adjacency, groups, 0);
    expect(total).toBe(3);
    expect(kin.map((k) => [payload.nodeIds[k.node], k.hops])).toEqual([
      ['c', 2],
      ['d', 3],
      ['e', -1],
    ]);
  });

  it('stops at the limit, and has nothing for someone of no group', () => {
    expect(othersLike(adjacency, groups, 0, 1).kin).toHaveLength(1);
    expect(othersLike(adjacency, Int32Array.from([-1, 0, 0, 0, 0]), 0).kin).toEqual([]);
  });
});
