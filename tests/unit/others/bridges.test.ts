import { describe, expect, it } from 'vitest';
import {
  bridgesNear,
  findBridges,
  participation,
  undirectedAdjacency,
} from '../../../src/core/others/bridges';
import { detectCommunities } from '../../../src/core/others/communities';
import { payloadFromPairs } from '../helpers/payload';

function clique(prefix: string, size: number): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < size; i++)
    for (let j = i + 1; j < size; j++) pairs.push([`${prefix}${i}`, `${prefix}${j}`]);
  return pairs;
}

describe('participation coefficient', () => {
  it('matches a hand computation', () => {
    // Tribe 0: a b c; tribe 1: d e. Ties: a-b a-c b-c a-d a-e d-e (and b→a again, which merges).
    const payload = payloadFromPairs([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
      ['a', 'd'],
      ['a', 'e'],
      ['d', 'e'],
      ['b', 'a'],
    ]);
    const tribeOf = Int32Array.from([0, 0, 0, 1, 1]); // a b c d e
    const spread = participation(undirectedAdjacency(payload), tribeOf);
    // a: 4 ties, 2 home, 2 in tribe 1: 1 − (½² + ½²) = 0.5.
    expect(spread.participation[0]).toBeCloseTo(0.5);
    // b: ties a, c, both home: 0.
    expect(spread.participation[1]).toBe(0);
    // d: ties a (tribe 0), e (home): 1 − (½² + ½²) = 0.5.
    expect(spread.participation[3]).toBeCloseTo(0.5);
    expect([...spread.outsideTies]).toEqual([2, 0, 0, 1, 1]);
    expect([...spread.otherTribes]).toEqual([1, 0, 0, 1, 1]);
  });

  it('counts ties to people of no tribe as outside ties', () => {
    const payload = payloadFromPairs([
      ['a', 'b'],
      ['a', 'c'],
    ]);
    const spread = participation(undirectedAdjacency(payload), Int32Array.from([0, 0, -1]));
    expect(spread.participation[0]).toBeCloseTo(1 - 0.25 - 0.25);
    expect(spread.outsideTies[0]).toBe(1);
  });
});

describe('findBridges', () => {
  // Two cliques of six joined only through "bridge".
  const payload = payloadFromPairs([
    ...clique('l', 6),
    ...clique('r', 6),
    ['l0', 'bridge'],
    ['l1', 'bridge'],
    ['bridge', 'r0'],
    ['bridge', 'r1'],
  ]);
  const bridge = payload.nodeIds.indexOf('bridge');
  const { grouping } = detectCommunities(payload, 1);

  it('finds the one person joining two cliques, by betweenness', () => {
    expect(grouping.values.length).toBe(2);
    const found = findBridges(payload, grouping.groupOfNode);
    expect(found.method).toEqual({ type: 'exact' });
    expect(found.bridges[0].node).toBe(bridge);
    // Every path between the cliques runs through them: 6·6 pairs... twice l0's share.
    expect(found.bridges[0].score).toBeGreaterThan(found.bridges[1].score * 2);
    expect(found.bridges[0].participation).toBeCloseTo(0.5);
  });

  it('lists only people with ties into another tribe', () => {
    const found = findBridges(payload, grouping.groupOfNode);
    const inner = payload.nodeIds.indexOf('l3');
    expect(found.bridges.map((b) => b.node)).not.toContain(inner);
    for (const b of found.bridges) expect(b.otherTribes).toBeGreaterThan(0);
  });

  it('names the contacts who reach another tribe', () => {
    const l2 = payload.nodeIds.indexOf('l2');
    const near = bridgesNear(undirectedAdjacency(payload), grouping.groupOfNode, l2);
    const home = grouping.groupOfNode[l2];
    // l2's contacts with ties outside l2's tribe: l0 and l1 (tied to the bridge) if it is not home.
    const expected = grouping.groupOfNode[bridge] === home ? [] : ['l0', 'l1'];
    expect(near.map((b) => payload.nodeIds[b.node]).sort()).toEqual(expected);
  });
});
