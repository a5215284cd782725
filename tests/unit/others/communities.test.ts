import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../../src/core/io/parse';
import { detectCommunities } from '../../../src/core/others/communities';
import { findGroupings } from '../../../src/core/others/groups';
import { createRng } from '../../../src/core/spread/rng';
import { payloadFromPairs } from '../helpers/payload';

/** Planted partition: `groups` groups of `size`, dense inside (p_in), sparse across (p_out). */
function planted(groups: number, size: number, pIn: number, pOut: number, seed: number) {
  const rng = createRng(seed);
  const pairs: [string, string][] = [];
  const n = groups * size;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const same = Math.floor(i / size) === Math.floor(j / size);
      if (rng.next() < (same ? pIn : pOut)) pairs.push([`n${i}`, `n${j}`]);
    }
  const payload = payloadFromPairs(pairs, { directed: false });
  const truth = payload.nodeIds.map((id) => Math.floor(Number(id.slice(1)) / size));
  return { payload, truth };
}

/** Normalized mutual information between two labellings (-1 labels left out of neither). */
function nmi(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const count = (labels: ArrayLike<number>) => {
    const m = new Map<number, number>();
    for (let i = 0; i < n; i++) m.set(labels[i], (m.get(labels[i]) ?? 0) + 1);
    return m;
  };
  const joint = new Map<string, number>();
  for (let i = 0; i < n; i++) joint.set(`${a[i]},${b[i]}`, (joint.get(`${a[i]},${b[i]}`) ?? 0) + 1);
  const ca = count(a);
  const cb = count(b);
  const entropy = (m: Map<number, number>) =>
    -[...m.values()].reduce((s, c) => s + (c / n) * Math.log(c / n), 0);
  let mutual = 0;
  for (const [key, c] of joint) {
    const [x, y] = key.split(',').map(Number);
    mutual += (c / n) * Math.log((c * n) / (ca.get(x)! * cb.get(y)!));
  }
  const h = (entropy(ca) + entropy(cb)) / 2;
  return h === 0 ? 1 : mutual / h;
}

describe('detectCommunities', () => {
  const { payload, truth } = planted(4, 25, 0.4, 0.02, 7);

  it('recovers planted communities with high modularity', () => {
    const found = detectCommunities(payload, 1);
    expect(found.modularity).toBeGreaterThan(0.3);
    expect(found.grouping.values.length).toBe(4);
    expect(nmi(found.grouping.groupOfNode, truth)).toBeGreaterThan(0.9);
  });

  it('is deterministic for a seed', () => {
    const one = detectCommunities(payload, 3);
    const two = detectCommunities(payload, 3);
    expect([...one.grouping.groupOfNode]).toEqual([...two.grouping.groupOfNode]);
    expect(one.modularity).toBe(two.modularity);
  });

  it('numbers tribes by size and leaves isolated people out', () => {
    const lonely = payloadFromPairs(
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['d', 'e'],
      ],
      { attributes: { z: {} } },
    );
    const found = detectCommunities(lonely);
    expect(found.grouping.counts).toEqual([3, 2]);
    expect(found.grouping.values).toEqual(['tribe 1', 'tribe 2']);
    expect(found.grouping.groupOfNode[lonely.nodeIds.indexOf('z')]).toBe(-1);
  });

  it('recovers the school classes better than chance', () => {
    const file = path.resolve(__dirname, '../../../public/samples/school-network.gexf');
    const school = parseDataset(new Uint8Array(readFileSync(file)), 'school-network.gexf');
    const classes = findGroupings(school).find((g) => g.attribute === 'class')!;
    const found = detectCommunities(school, 1);
    expect(found.modularity).toBeGreaterThan(0.3);
    expect(nmi(found.grouping.groupOfNode, classes.groupOfNode)).toBeGreaterThan(0.6);
  });
});
