import { describe, expect, it } from 'vitest';
import { csrFromEdges, type Csr } from '../../../src/core/graph/csr';
import { simulateSpread } from '../../../src/core/spread/independent-cascade';
import { maximizeInfluence, topDegreeNodes } from '../../../src/core/spread/influence-maximization';
import {
  finish,
  mergeSamples,
  monteCarlo,
  runSeed,
  sampleReach,
  splitRuns,
  summarizeReach,
} from '../../../src/core/spread/monte-carlo';
import { createRng } from '../../../src/core/spread/rng';
import { SpreadWorkspace } from '../../../src/core/spread/workspace';
import type { Scenario } from '../../../src/core/spread/types';
import {
  branchingThreshold,
  mergeSweepSums,
  summarizeSweep,
  sweepSteps,
  sweepWorths,
  worthSweep,
} from '../../../src/core/spread/worth-sweep';
import { exactReachProbabilities, graph, randomGraph, scenario } from './helpers';

/** Undirected Erdős–Rényi G(n, p) with mean degree c = p (n − 1). */
function erdosRenyi(n: number, meanDegree: number, seed: number): Csr {
  const rng = createRng(seed);
  const p = meanDegree / (n - 1);
  const sources: number[] = [];
  const targets: number[] = [];
  for (let u = 0; u < n; u++) {
    for (let v = u + 1; v < n; v++) {
      if (rng.next() < p) {
        sources.push(u);
        targets.push(v);
      }
    }
  }
  const weights = new Float64Array(sources.length).fill(1);
  return csrFromEdges(n, Int32Array.from(sources), Int32Array.from(targets), weights, false);
}

function finishSweep(csr: Csr, s: Scenario, worths: number[], firstRun: number, count: number) {
  return finish(sweepSteps(csr, s, worths, firstRun, count));
}

describe('Monte Carlo', () => {
  const csr = randomGraph(12, 600, 2400);
  const base = scenario({ origins: [0, 9], worth: 0.3, delivery: 0.8, seed: 31 });

  it('run 0 is the spread the player shows, and chunks do not change the result', () => {
    expect(runSeed(31, 0)).toBe(31);
    const whole = sampleReach(csr, base, 0, 300);
    expect(whole.total[0]).toBe(simulateSpread(csr, base).length);
    for (const workers of [2, 3, 7]) {
      const workspace = new SpreadWorkspace(csr.nodeCount);
      const chunks = splitRuns(300, workers).map(({ firstRun, count }) =>
        sampleReach(csr, base, firstRun, count, workspace),
      );
      expect(chunks.length).toBe(workers);
      const merged = mergeSamples(chunks.reverse());
      expect(merged).toEqual(whole);
      expect(summarizeReach(merged, csr.nodeCount)).toEqual(summarizeReach(whole, csr.nodeCount));
    }
  });

  it('its 95% interval covers the exact expected reach about 95% of the time', () => {
    const small = graph(
      6,
      [
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
      ],
      true,
    );
    const exact = exactReachProbabilities(small, [0], 0.7, 0.5).reduce((s, p) => s + p, 0);
    let covered = 0;
    const repeats = 40;
    for (let seed = 0; seed < repeats; seed++) {
      const summary = monteCarlo(
        small,
        scenario({ delivery: 0.7, worth: 0.5, seed: seed * 1000 }),
        {
          runs: 400,
        },
      );
      if (summary.ci95[0] <= exact && exact <= summary.ci95[1]) covered++;
    }
    // Binomial(40, 0.95): fewer than 33 has probability below 0.1%.
    expect(covered).toBeGreaterThanOrEqual(33);
  });

  it('estimates the chance of going viral, and bins every run', () => {
    // Star of 10 leaves, worth 0: reach = 1 + Binomial(10, 0.5). Viral at 7 of 11 nodes:
    // P(Binomial >= 6) = (210 + 120 + 45 + 10 + 1) / 1024.
    const star = graph(
      11,
      Array.from({ length: 10 }, (_, i): [number, number] => [0, i + 1]),
      false,
    );
    const summary = monteCarlo(star, scenario({ worth: 0, delivery: 0.5 }), {
      runs: 4000,
      viralShare: 7 / 11,
      bins: 4,
    });
    expect(summary.viralReach).toBe(7);
    expect(summary.viralCi95[0]).toBeLessThan(386 / 1024);
    expect(summary.viralCi95[1]).toBeGreaterThan(386 / 1024);
    expect(summary.mean).toBeGreaterThan(summary.ci95[0]);
    expect(Math.abs(summary.mean - 6)).toBeLessThan(4 * Math.sqrt(2.5 / 4000));
    expect(summary.meanHardOnly).toBe(summary.mean);
    expect(summary.amplification).toBe(1);
    const { binWidth, counts } = summary.histogram;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4000);
    expect(counts.length * binWidth).toBeGreaterThan(summary.max);
    expect(counts.length).toBeLessThanOrEqual(4);
  });
});

describe('worth sweep and the threshold', () => {
  it('computes ⟨k⟩ / (⟨k²⟩ − ⟨k⟩) from out-degrees', () => {
    // Undirected star of 5 leaves: degrees 5, 1 × 5 → ⟨k⟩ = 10/6, ⟨k²⟩ = 30/6, T* = 10 / 20.
    const star = graph(
      6,
      Array.from({ length: 5 }, (_, i): [number, number] => [0, i + 1]),
      false,
    );
    const t = branchingThreshold(star);
    expect(t.meanDegree).toBeCloseTo(10 / 6, 12);
    expect(t.threshold).toBeCloseTo(0.5, 12);
    // A directed path never branches: excess degree 0, no giant cascade at any worth.
    expect(
      branchingThreshold(
        graph(
          3,
          [
            [0, 1],
            [1, 2],
          ],
          true,
        ),
      ).threshold,
    ).toBe(Infinity);
  });

  it('an Erdős–Rényi graph: small cascades below the predicted threshold, a giant one above', () => {
    const meanDegree = 4;
    const er = erdosRenyi(2000, meanDegree, 3);
    const sweep = worthSweep(er, scenario({ origins: [0], delivery: 1 }), { points: 11, runs: 40 });
    const predicted = sweep.threshold.threshold;
    expect(Math.abs(predicted - 1 / meanDegree)).toBeLessThan(0.03); // ⟨k²⟩ − ⟨k⟩ = c² for ER
    for (const point of sweep.points) {
      const share = point.meanReach / er.nodeCount;
      if (point.worth <= predicted / 2) expect(share).toBeLessThan(0.02);
      if (point.worth >= predicted * 2) expect(share).toBeGreaterThan(0.5);
      expect(point.meanHardOnly).toBeCloseTo(1 + er.offsets[1] - er.offsets[0], 9);
    }
    const reaches = sweep.points.map((p) => p.meanReach);
    for (let i = 1; i < reaches.length; i++)
      expect(reaches[i]).toBeGreaterThanOrEqual(reaches[i - 1]);
  });

  it('gives the same sums whichever way the runs are split', () => {
    const csr = randomGraph(6, 300, 1200);
    const s = scenario({ origins: [0], delivery: 0.8, seed: 2 });
    const worths = sweepWorths(6);
    const whole = finishSweep(csr, s, worths, 0, 30);
    const parts = splitRuns(30, 4).map((c) => finishSweep(csr, s, worths, c.firstRun, c.count));
    expect(mergeSweepSums(parts)).toEqual(whole);
    expect(summarizeSweep(whole, csr).points[0].meanReach).toBe(
      summarizeSweep(whole, csr).points[0].meanHardOnly,
    );
  });
});

describe('influence maximization (CELF)', () => {
  it('beats top-degree when the two biggest hubs share one audience', () => {
    // Hubs 0 and 1 both reach leaves 10..39; nodes 2, 3, 4 each reach 20 leaves of their own.
    const edges: [number, number][] = [];
    for (let leaf = 10; leaf < 40; leaf++) edges.push([0, leaf], [1, leaf]);
    let next = 40;
    for (const mid of [2, 3, 4]) for (let i = 0; i < 20; i++) edges.push([mid, next++]);
    const csr = graph(next, edges, true);
    const s = scenario({ worth: 0.2, delivery: 0.9 });
    expect(topDegreeNodes(csr, 2)).toEqual([0, 1]);
    const result = maximizeInfluence(csr, s, { k: 2, runs: 200 });
    expect(result.topDegree).toEqual([0, 1]);
    expect(result.chosen.length).toBe(2);
    expect(result.chosen.filter((n) => n <= 1).length).toBe(1); // one hub, not both
    expect(result.chosen.filter((n) => n >= 2 && n <= 4).length).toBe(1);
    expect(result.expectedReach[1]).toBeGreaterThan(result.topDegreeReach + 10);
    // Lazy evaluation: far fewer estimates than plain greedy's candidates × k.
    expect(result.evaluations).toBeLessThan(result.candidateCount + 10);
  });

  it('reports reach estimates that agree with plain Monte Carlo', () => {
    const csr = randomGraph(14, 300, 1500);
    const s = scenario({ worth: 0.3, delivery: 0.8, seed: 8 });
    const result = maximizeInfluence(csr, s, { k: 3, runs: 100, candidates: 30 });
    const direct = monteCarlo(csr, { ...s, origins: result.chosen }, { runs: 100 });
    expect(result.expectedReach[2]).toBeCloseTo(direct.mean, 9);
    expect(result.expectedReach[2]).toBeGreaterThanOrEqual(result.expectedReach[0]);
  });
});
