import { describe, expect, it } from 'vitest';
import type { Csr } from '../../../src/core/graph/csr';
import { HARD_DELAY, SOFT_DELAY } from '../../../src/core/spread/delays';
import { simulateSpread } from '../../../src/core/spread/independent-cascade';
import { MODEL_INFO } from '../../../src/core/spread/model-info';
import { linearThreshold } from '../../../src/core/spread/threshold-models';
import { Channel, MODELS, type Scenario } from '../../../src/core/spread/types';
import { SpreadWorkspace } from '../../../src/core/spread/workspace';
import { graph, meanAndStandardError, outNeighbours, randomGraph, scenario } from './helpers';

/** A ring where each node is tied to its `k` nearest neighbours on each side. */
function ringLattice(n: number, k: number): Csr {
  const edges: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let d = 1; d <= k; d++) edges.push([i, (i + d) % n]);
  return graph(n, edges, false);
}

function reachedSet(csr: Csr, s: Scenario): Set<number> {
  return new Set(simulateSpread(csr, s).node);
}

function meanReach(csr: Csr, s: Scenario, runs: number, firstSeed = 0) {
  const totals: number[] = [];
  for (let seed = firstSeed; seed < firstSeed + runs; seed++) {
    totals.push(simulateSpread(csr, { ...s, seed }).length);
  }
  return meanAndStandardError(totals);
}

describe('every model', () => {
  it('has an explanation and a reference for the UI', () => {
    for (const model of MODELS) {
      expect(MODEL_INFO[model].explanation.length).toBeGreaterThan(200);
      expect(MODEL_INFO[model].reference).toMatch(/\(\d{4}\)/);
      expect(MODEL_INFO[model].url).toMatch(/^https:\/\//);
    }
  });

  for (const model of MODELS) {
    it(`${model}: soft adoptions come from an earlier adopter's out-edge; replays are exact`, () => {
      for (let trial = 0; trial < 10; trial++) {
        const csr = randomGraph(300 + trial, 300, 1500);
        const s = scenario({
          model,
          origins: [trial, 7],
          worth: 0.6,
          delivery: 0.7,
          seed: trial,
          minContacts: 2,
          activeHours: 3,
        });
        const timeline = simulateSpread(csr, s);
        const adoptedAt = new Map<number, number>();
        for (let i = 0; i < timeline.length; i++) {
          const [node, via, time] = [timeline.node[i], timeline.via[i], timeline.time[i]];
          expect(adoptedAt.has(node)).toBe(false);
          if (i > 0) expect(time).toBeGreaterThanOrEqual(timeline.time[i - 1]);
          if (timeline.channel[i] !== Channel.origin) {
            expect(adoptedAt.get(via)).toBeLessThan(time);
            expect(Array.from(outNeighbours(csr, via))).toContain(node);
          }
          if (timeline.channel[i] === Channel.hard) expect([trial, 7]).toContain(via);
          adoptedAt.set(node, time);
        }
        expect(simulateSpread(csr, { ...s })).toEqual(timeline);
      }
    });
  }

  it('gives the same timelines with a reused workspace as with fresh memory', () => {
    const csr = randomGraph(42, 500, 3000);
    const workspace = new SpreadWorkspace(csr.nodeCount);
    for (let i = 0; i < 12; i++) {
      const s = scenario({ model: MODELS[i % 4], origins: [i], worth: 0.4, seed: i });
      expect(simulateSpread(csr, s, workspace)).toEqual(simulateSpread(csr, s));
    }
  });

  it('rejects model parameters outside their range', () => {
    const csr = graph(3, [[0, 1]], true);
    const bad: Partial<Scenario>[] = [
      { model: 'complex-contagion', minFraction: 1.5 },
      { model: 'complex-contagion', minContacts: 0 },
      { model: 'complex-contagion', minContacts: 1.5 },
      { model: 'forgetting', activeHours: 0 },
      { model: 'nonsense' as Scenario['model'] },
    ];
    for (const overrides of bad) {
      expect(() => simulateSpread(csr, scenario(overrides))).toThrow(RangeError);
    }
  });
});

describe('independent cascade, weighted', () => {
  it('with equal weights, is the unweighted cascade draw for draw', () => {
    const csr = randomGraph(3, 400, 2000);
    csr.weights.fill(2.5);
    const s = scenario({ origins: [0], worth: 0.5, seed: 4 });
    expect(simulateSpread(csr, { ...s, weighted: true })).toEqual(simulateSpread(csr, s));
  });

  it('passes it along a tie with probability worth × weight / heaviest weight', () => {
    // 0 → 1 is the hard step; 1 tells 20 leaves, half on ties of weight 4, half of weight 1.
    const edges: [number, number][] = [[0, 1]];
    for (let leaf = 2; leaf < 22; leaf++) edges.push([1, leaf]);
    const csr = graph(22, edges, true);
    for (let slot = 0; slot < csr.targets.length; slot++) {
      csr.weights[slot] = csr.targets[slot] % 2 === 0 ? 4 : 1;
    }
    const worth = 0.8;
    const { mean, standardError } = meanReach(csr, scenario({ worth, weighted: true }), 2000);
    const expected = 2 + 10 * worth + 10 * worth * 0.25;
    expect(Math.abs(mean - expected)).toBeLessThan(4 * standardError);
  });
});

describe('complex contagion', () => {
  const ring = ringLattice(30, 2);
  const base = scenario({ model: 'complex-contagion', worth: 1, delivery: 1 });

  // Origin 0's hard network is {1, 2, 28, 29}. Node 3's contacts are {1, 2, 4, 5}: two of its four
  // have adopted, and each newly reached node has the same two-of-four view of the next one.
  it('spreads around a ring lattice when half of one’s contacts suffice', () => {
    expect(reachedSet(ring, { ...base, minFraction: 0.5 }).size).toBe(30);
    expect(reachedSet(ring, { ...base, minContacts: 2 }).size).toBe(30);
  });

  it('stalls at the hard network when three of four contacts are needed', () => {
    for (const needs of [{ minFraction: 0.75 }, { minContacts: 3 }]) {
      const reached = reachedSet(ring, { ...base, ...needs });
      expect([...reached].sort((a, b) => a - b)).toEqual([0, 1, 2, 28, 29]);
    }
  });

  it('stalls on a ring of single ties, which simple contagion crosses', () => {
    const cycle = ringLattice(30, 1);
    expect(reachedSet(cycle, { ...base, minContacts: 2 }).size).toBe(3);
    expect(reachedSet(cycle, { ...base, model: 'independent-cascade' }).size).toBe(30);
  });

  it('needing one contact is the independent cascade in distribution', () => {
    const csr = randomGraph(8, 400, 1200);
    const s = scenario({ origins: [0, 1], worth: 0.3, delivery: 0.8 });
    const cascade = meanReach(csr, s, 1500);
    const contagion = meanReach(csr, { ...s, model: 'complex-contagion', minContacts: 1 }, 1500);
    const error = Math.hypot(cascade.standardError, contagion.standardError);
    expect(Math.abs(cascade.mean - contagion.mean)).toBeLessThan(4 * error);
  });
});

describe('linear threshold', () => {
  /** The final adopters by direct iteration: adopt while the adopted share of in-contacts ≥ θ. */
  function thresholdClosure(csr: Csr, origins: number[], seed: number): Set<number> {
    const inNeighbours: number[][] = Array.from({ length: csr.nodeCount }, () => []);
    for (let u = 0; u < csr.nodeCount; u++)
      for (const v of outNeighbours(csr, u)) inNeighbours[v].push(u);
    const adopted = new Set(origins);
    for (const o of origins) for (const v of outNeighbours(csr, o)) adopted.add(v);
    for (let changed = true; changed;) {
      changed = false;
      for (let v = 0; v < csr.nodeCount; v++) {
        if (adopted.has(v) || inNeighbours[v].length === 0) continue;
        const share = inNeighbours[v].filter((u) => adopted.has(u)).length / inNeighbours[v].length;
        if (share >= linearThreshold(seed, v) - 1e-9) {
          adopted.add(v);
          changed = true;
        }
      }
    }
    return adopted;
  }

  it('with worth 1 reaches exactly the threshold closure of the hard network', () => {
    for (let trial = 0; trial < 10; trial++) {
      const csr = randomGraph(50 + trial, 300, 900);
      const s = scenario({ model: 'linear-threshold', worth: 1, delivery: 1, seed: trial });
      const expected = thresholdClosure(csr, [trial], trial);
      expect(reachedSet(csr, { ...s, origins: [trial] })).toEqual(expected);
    }
  });

  it('is monotone: more origins or more worth never reach fewer people', () => {
    const csr = randomGraph(77, 400, 1600);
    const s = scenario({ model: 'linear-threshold', worth: 1, delivery: 1, seed: 5 });
    const few = reachedSet(csr, { ...s, origins: [3] });
    const more = reachedSet(csr, { ...s, origins: [3, 40, 90] });
    for (const node of few) expect(more.has(node)).toBe(true);
    const low = meanReach(csr, { ...s, origins: [3], worth: 0.3 }, 400);
    const high = meanReach(csr, { ...s, origins: [3], worth: 0.7 }, 400);
    expect(high.mean).toBeGreaterThan(low.mean);
    expect(high.mean).toBeLessThanOrEqual(few.size);
  });

  it('weighs in-contacts by tie weight when weighted', () => {
    // 3 hears from 1 (weight 9) and 2 (weight 1); only 1 is in the hard network. Unweighted,
    // 3 adopts when θ <= 1/2; weighted, when θ <= 0.9.
    const csr = graph(
      4,
      [
        [0, 1],
        [1, 3],
        [2, 3],
      ],
      true,
    );
    csr.weights.set([1, 9, 1]);
    let unweighted = 0;
    let weighted = 0;
    const runs = 4000;
    for (let seed = 0; seed < runs; seed++) {
      const s = scenario({ model: 'linear-threshold', worth: 1, delivery: 1, seed });
      if (reachedSet(csr, s).has(3)) unweighted++;
      if (reachedSet(csr, { ...s, weighted: true }).has(3)) weighted++;
    }
    const tolerance = 4 * Math.sqrt(0.25 / runs);
    expect(Math.abs(unweighted / runs - 0.5)).toBeLessThan(tolerance);
    expect(Math.abs(weighted / runs - 0.9)).toBeLessThan(tolerance);
  });
});

describe('forgetting', () => {
  /** P(soft delay < exponential active period of mean m) = E[exp(-D / m)], by quadrature. */
  function keepProbability(meanHours: number): number {
    const steps = 4000;
    let sum = 0;
    for (let i = 0; i < steps; i++) {
      const z = -8 + (16 * (i + 0.5)) / steps;
      const delay = SOFT_DELAY.medianHours * Math.exp(SOFT_DELAY.sigma * z);
      sum += (Math.exp(-delay / meanHours) * Math.exp((-z * z) / 2) * 16) / steps;
    }
    return sum / Math.sqrt(2 * Math.PI);
  }

  it('on a path, soft reach averages Σ (worth · P(delay < active period))^k', () => {
    const length = 8;
    const path = graph(
      length + 1,
      Array.from({ length }, (_, i): [number, number] => [i, i + 1]),
      true,
    );
    const worth = 0.9;
    const activeHours = 1.5;
    const q = worth * keepProbability(activeHours);
    let expected = 2; // origin and its hard-network member
    for (let k = 1; k < length; k++) expected += q ** k;
    const s = scenario({ model: 'forgetting', worth, delivery: 1, activeHours });
    const { mean, standardError } = meanReach(path, s, 3000);
    expect(Math.abs(mean - expected)).toBeLessThan(4 * standardError);
  });

  it('approaches the independent cascade as attention lasts longer, and the hard step keeps its delay', () => {
    const csr = randomGraph(21, 300, 1200);
    const s = scenario({ origins: [0], worth: 0.35, delivery: 1 });
    const cascade = meanReach(csr, s, 800);
    const lasting = meanReach(csr, { ...s, model: 'forgetting', activeHours: 1e9 }, 800);
    const brief = meanReach(csr, { ...s, model: 'forgetting', activeHours: 0.5 }, 800);
    const error = Math.hypot(cascade.standardError, lasting.standardError);
    expect(Math.abs(cascade.mean - lasting.mean)).toBeLessThan(4 * error);
    expect(brief.mean).toBeLessThan(lasting.mean);
    expect(HARD_DELAY.medianHours).toBeLessThan(SOFT_DELAY.medianHours);
  });
});

describe('hard-marked edges', () => {
  it('make only the marked edges hard; the origin tells its other contacts soft', () => {
    // Origin 0's edges: to 1 (hard-marked, payload edge 0) and to 2 (not, payload edge 1).
    const csr = graph(
      3,
      [
        [0, 1],
        [0, 2],
      ],
      true,
    );
    const hardEdges = Uint8Array.from([1, 0]);
    let soft = 0;
    const runs = 2000;
    for (let seed = 0; seed < runs; seed++) {
      const t = simulateSpread(csr, scenario({ worth: 0.3, delivery: 1, seed, hardEdges }));
      expect(t.hardOnlyReach).toBe(2);
      for (let i = 0; i < t.length; i++) {
        if (t.node[i] === 1) expect(t.channel[i]).toBe(Channel.hard);
        if (t.node[i] === 2) {
          expect(t.channel[i]).toBe(Channel.soft);
          expect(t.via[i]).toBe(0);
          soft++;
        }
      }
    }
    expect(Math.abs(soft / runs - 0.3)).toBeLessThan(4 * Math.sqrt(0.21 / runs));
  });
});
