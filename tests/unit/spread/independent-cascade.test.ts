import { describe, expect, it } from 'vitest';
import { simulateSpread } from '../../../src/core/spread/independent-cascade';
import { Channel } from '../../../src/core/spread/types';
import {
  exactReachProbabilities,
  graph,
  meanAndStandardError,
  randomGraph,
  scenario,
} from './helpers';

const RUNS = 3000;

function countChannel(channels: Uint8Array, channel: Channel): number {
  let count = 0;
  for (const c of channels) if (c === channel) count++;
  return count;
}

describe('simulateSpread', () => {
  it('star graph: hard reach averages leaves × delivery, and soft adds nothing', () => {
    const leaves = 20;
    const delivery = 0.3;
    const star = graph(
      leaves + 1,
      Array.from({ length: leaves }, (_, i): [number, number] => [0, i + 1]),
      false,
    );
    const hardCounts: number[] = [];
    for (let seed = 0; seed < RUNS; seed++) {
      const timeline = simulateSpread(star, scenario({ delivery, worth: 0.9, seed }));
      const hard = countChannel(timeline.channel, Channel.hard);
      expect(timeline.length).toBe(1 + hard);
      expect(timeline.hardOnlyReach).toBe(1 + hard);
      hardCounts.push(hard);
    }
    const { mean } = meanAndStandardError(hardCounts);
    const standardError = Math.sqrt((leaves * delivery * (1 - delivery)) / RUNS);
    expect(Math.abs(mean - leaves * delivery)).toBeLessThan(4 * standardError);
  });

  it('path graph: soft reach from the hard step averages delivery × Σ worth^k', () => {
    const length = 10;
    const delivery = 0.8;
    const worth = 0.6;
    const path = graph(
      length + 1,
      Array.from({ length }, (_, i): [number, number] => [i, i + 1]),
      true,
    );
    const softCounts: number[] = [];
    for (let seed = 0; seed < RUNS; seed++) {
      const timeline = simulateSpread(path, scenario({ delivery, worth, seed }));
      softCounts.push(countChannel(timeline.channel, Channel.soft));
    }
    let expected = 0;
    for (let k = 1; k < length; k++) expected += delivery * worth ** k;
    const { mean, standardError } = meanAndStandardError(softCounts);
    expect(Math.abs(mean - expected)).toBeLessThan(4 * standardError);
  });

  it('matches the exact reach probabilities of a small graph, by enumeration', () => {
    // Hard network of 0: {1, 2, 3}; 2 and 1 can also hear it soft; 4 and 5 only soft.
    const edges: [number, number][] = [
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [2, 4],
      [3, 4],
      [4, 5],
      [5, 1],
      [1, 5],
      [3, 0],
      [4, 3],
    ];
    const small = graph(6, edges, true);
    for (const [delivery, worth, origins] of [
      [0.5, 0.4, [0]],
      [0.9, 0.7, [0, 4]],
    ] as const) {
      const exact = exactReachProbabilities(small, [...origins], delivery, worth);
      const expectedTotal = exact.reduce((s, p) => s + p, 0);
      const reachedCount = new Float64Array(6);
      const totals: number[] = [];
      for (let seed = 0; seed < RUNS; seed++) {
        const timeline = simulateSpread(
          small,
          scenario({ delivery, worth, origins: [...origins], seed }),
        );
        totals.push(timeline.length);
        for (const node of timeline.node) reachedCount[node]++;
      }
      const { mean, standardError } = meanAndStandardError(totals);
      expect(Math.abs(mean - expectedTotal)).toBeLessThan(4 * standardError);
      for (let v = 0; v < 6; v++) {
        const p = Math.min(1, Math.max(0, exact[v])); // sums of weights may overshoot 1 by an ulp
        const binomialError = Math.sqrt((p * (1 - p)) / RUNS);
        expect(Math.abs(reachedCount[v] / RUNS - p)).toBeLessThanOrEqual(4 * binomialError + 1e-12);
      }
    }
  });

  it('lets a hard member whose delivery failed hear it soft from someone else', () => {
    const triangle = graph(
      3,
      [
        [0, 1],
        [0, 2],
        [1, 2],
      ],
      true,
    );
    let softToHardMember = 0;
    for (let seed = 0; seed < 200; seed++) {
      const timeline = simulateSpread(triangle, scenario({ delivery: 0.5, worth: 1, seed }));
      for (let i = 0; i < timeline.length; i++) {
        if (timeline.node[i] === 2 && timeline.channel[i] === Channel.soft) softToHardMember++;
      }
    }
    // Happens when 2's delivery fails and 1's succeeds: probability 1/4, so about 50 of 200.
    expect(softToHardMember).toBeGreaterThan(20);
  });

  it('with worth 0 reaches only origins and delivered hard members', () => {
    for (let seed = 0; seed < 20; seed++) {
      const csr = randomGraph(seed, 200, 800);
      const timeline = simulateSpread(
        csr,
        scenario({ origins: [0, 5], worth: 0, delivery: 0.6, seed }),
      );
      expect(countChannel(timeline.channel, Channel.soft)).toBe(0);
      expect(timeline.length).toBe(timeline.hardOnlyReach);
    }
  });

  it('with delivery 0 and worth 1 reaches only the origins', () => {
    const csr = randomGraph(9, 200, 800);
    const timeline = simulateSpread(csr, scenario({ origins: [0, 3], worth: 1, delivery: 0 }));
    expect(Array.from(timeline.node)).toEqual([0, 3]);
    expect(Array.from(timeline.channel)).toEqual([Channel.origin, Channel.origin]);
    expect(timeline.hardOnlyReach).toBe(2);
  });

  it('with delivery 1 and worth 1 reaches everything reachable from the origins', () => {
    const csr = randomGraph(11, 300, 600);
    const seen = new Uint8Array(csr.nodeCount);
    const stack = [0];
    seen[0] = 1;
    while (stack.length > 0) {
      const u = stack.pop()!;
      for (let e = csr.offsets[u]; e < csr.offsets[u + 1]; e++) {
        if (!seen[csr.targets[e]]) {
          seen[csr.targets[e]] = 1;
          stack.push(csr.targets[e]);
        }
      }
    }
    const timeline = simulateSpread(csr, scenario({ worth: 1, delivery: 1 }));
    expect(timeline.length).toBe(seen.reduce((s, v) => s + v, 0));
  });

  it('replays the same timeline for the same scenario, and another for another seed', () => {
    const csr = randomGraph(5, 2000, 10000);
    const base = scenario({ origins: [0], worth: 0.3, delivery: 0.8, seed: 99 });
    const a = simulateSpread(csr, base);
    const b = simulateSpread(csr, { ...base });
    expect(a.length).toBeGreaterThan(50);
    expect(b).toEqual(a);
    const c = simulateSpread(csr, { ...base, seed: 100 });
    const same =
      c.length === a.length &&
      c.time.every((t, i) => t === a.time[i]) &&
      c.node.every((n, i) => n === a.node[i]);
    expect(same).toBe(false);
  });

  it('handles no origins and repeated origins', () => {
    const csr = graph(3, [[0, 1]], true);
    const empty = simulateSpread(csr, scenario({ origins: [] }));
    expect(empty.length).toBe(0);
    expect(empty.hardOnlyReach).toBe(0);
    const twice = simulateSpread(csr, scenario({ origins: [0, 0], delivery: 1 }));
    expect(Array.from(twice.node)).toEqual([0, 1]);
    expect(twice.hardOnlyReach).toBe(2);
  });

  it('rejects parameters outside their range', () => {
    const csr = graph(3, [[0, 1]], true);
    expect(() => simulateSpread(csr, scenario({ worth: 1.5 }))).toThrow(RangeError);
    expect(() => simulateSpread(csr, scenario({ delivery: Number.NaN }))).toThrow(RangeError);
    expect(() => simulateSpread(csr, scenario({ origins: [3] }))).toThrow(RangeError);
    expect(() => simulateSpread(csr, scenario({ origins: [0.5] }))).toThrow(RangeError);
  });
});
