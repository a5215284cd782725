import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../src/core/others/betweenness';
import { findBridges } from '../../../src/core/others/bridges';
import { detectCommunities } from '../../../src/core/others/communities';
import { tieList } from '../../../src/core/others/ties';
import { tribesSteps, type TribesStep } from '../../../src/core/others/tribes';
import { createRng } from '../../../src/core/spread/rng';
import { payloadFromPairs } from '../helpers/payload';

/** Three dense groups of 40 with a few ties across: clear tribes, a few bridges. */
function threeGroups(seed: number) {
  const rng = createRng(seed);
  const pairs: [string, string][] = [];
  for (let i = 0; i < 120; i++)
    for (let j = i + 1; j < 120; j++) {
      const same = Math.floor(i / 40) === Math.floor(j / 40);
      if (rng.next() < (same ? 0.25 : 0.003)) pairs.push([`n${i}`, `n${j}`]);
    }
  return payloadFromPairs(pairs);
}

describe('tribesSteps (the others worker’s job)', () => {
  const payload = threeGroups(2);
  const ties = tieList(payload);

  it('says it is finding tribes, then counts betweenness sources up to the total', () => {
    const steps = tribesSteps(ties, { seed: 1 });
    const seen: TribesStep[] = [];
    let step = steps.next();
    for (; !step.done; step = steps.next()) seen.push(step.value);
    expect(seen[0]).toEqual({ phase: 'tribes' });
    const bridges = seen.slice(1);
    expect(bridges.every((s) => s.phase === 'bridges')).toBe(true);
    const done = bridges.map((s) => (s.phase === 'bridges' ? s.done : -1));
    expect(done[0]).toBe(0);
    expect(done.at(-1)).toBe(payload.nodeIds.length);
    for (let i = 1; i < done.length; i++) expect(done[i]).toBe(done[i - 1] + 1);
    expect(step.value.communities.grouping.values.length).toBe(3);
  });

  it('finds what Louvain and exact bridges find on the main thread', () => {
    const found = runToEnd(tribesSteps(ties, { seed: 5, limit: 10 }));
    const communities = detectCommunities(payload, 5);
    expect([...found.communities.grouping.groupOfNode]).toEqual([
      ...communities.grouping.groupOfNode,
    ]);
    expect(found.communities.modularity).toBe(communities.modularity);
    expect(found.communities.modularity).toBeGreaterThan(0.5);
    expect(found.bridges).toEqual(
      findBridges(payload, communities.grouping.groupOfNode, { limit: 10 }),
    );
    expect(found.bridges.method).toEqual({ type: 'exact' });
    expect(found.adjacency.offsets.length).toBe(payload.nodeIds.length + 1);
  });

  it('samples sources above its budget, and says so', () => {
    const found = runToEnd(tribesSteps(ties, { seed: 1, budget: 0 }));
    expect(found.bridges.method).toEqual({ type: 'sampled', sources: 64, people: 120 });
    // Every listed bridge really has ties into another tribe.
    for (const b of found.bridges.bridges) expect(b.otherTribes).toBeGreaterThan(0);
  });
});
