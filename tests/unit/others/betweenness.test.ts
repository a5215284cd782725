import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDataset } from '../../../src/core/io/parse';
import {
  betweennessSteps,
  MIN_SAMPLED_SOURCES,
  planBetweenness,
  runToEnd,
} from '../../../src/core/others/betweenness';
import { undirectedAdjacency } from '../../../src/core/others/bridges';
import { undirectedView } from '../../../src/core/others/communities';
import type { DatasetPayload } from '../../../src/core/io/payload';
import { createRng } from '../../../src/core/spread/rng';
import { payloadFromPairs } from '../helpers/payload';

/** What graphology-metrics says, unweighted and normalized, as the app used to compute it. */
function reference(payload: DatasetPayload): Float64Array {
  const graph: Graph = undirectedView(payload);
  const centrality = betweennessCentrality(graph, { normalized: true, getEdgeWeight: null });
  return Float64Array.from(payload.nodeIds, (_, i) => centrality[String(i)] ?? 0);
}

function exact(payload: DatasetPayload): Float64Array {
  const adjacency = undirectedAdjacency(payload);
  return runToEnd(betweennessSteps(adjacency, planBetweenness(adjacency, 1)));
}

/** A seeded random graph, sparse enough to have several components and leaves. */
function randomPairs(nodes: number, edges: number, seed: number): [string, string][] {
  const rng = createRng(seed);
  const pairs: [string, string][] = [];
  for (let e = 0; e < edges; e++) {
    const a = Math.floor(rng.next() * nodes);
    const b = Math.floor(rng.next() * nodes);
    pairs.push([`n${a}`, `n${b}`]);
  }
  return pairs;
}

function school(): DatasetPayload {
  const file = path.resolve(__dirname, '../../../public/samples/school-network.gexf');
  return parseDataset(new Uint8Array(readFileSync(file)), 'school-network.gexf');
}

describe('exact betweenness (Brandes on typed arrays)', () => {
  it('matches graphology-metrics on small graphs', () => {
    const cases: DatasetPayload[] = [
      payloadFromPairs([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
      ]),
      // A cycle with a chord and a pendant: several shortest paths of equal length.
      payloadFromPairs([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
        ['d', 'e'],
        ['e', 'a'],
        ['a', 'c'],
        ['e', 'f'],
      ]),
      // Self-loops, both directions of a tie, and isolated parts.
      payloadFromPairs(randomPairs(60, 90, 3)),
      payloadFromPairs(randomPairs(200, 500, 11), { directed: false }),
    ];
    for (const payload of cases) {
      const ours = exact(payload);
      const theirs = reference(payload);
      expect(ours.length).toBe(theirs.length);
      for (let i = 0; i < ours.length; i++) expect(ours[i]).toBeCloseTo(theirs[i], 12);
    }
  });

  it('matches graphology-metrics on the school network', () => {
    const payload = school();
    const ours = exact(payload);
    const theirs = reference(payload);
    for (let i = 0; i < ours.length; i++) expect(ours[i]).toBeCloseTo(theirs[i], 12);
  });

  it('gives the centre of a star everything, its leaves nothing', () => {
    const payload = payloadFromPairs(['b', 'c', 'd', 'e'].map((leaf) => ['a', leaf]));
    const scores = exact(payload);
    expect(scores[0]).toBeCloseTo(1); // every pair of leaves: (n − 1)(n − 2) ordered pairs
    expect([...scores.slice(1)]).toEqual([0, 0, 0, 0]);
  });

  it('reports one step per source', () => {
    const payload = payloadFromPairs(randomPairs(30, 60, 5));
    const adjacency = undirectedAdjacency(payload);
    const steps = betweennessSteps(adjacency, planBetweenness(adjacency, 1));
    const done: number[] = [];
    for (let step = steps.next(); !step.done; step = steps.next()) done.push(step.value);
    expect(done).toEqual(Array.from({ length: payload.nodeIds.length }, (_, i) => i + 1));
  });
});

describe('sampled betweenness (Brandes–Pich)', () => {
  const payload = school();
  const adjacency = undirectedAdjacency(payload);
  const n = payload.nodeIds.length;
  const perSource = n + adjacency.neighbours.length;

  it('plans exact work within the budget, a sample above it', () => {
    expect(planBetweenness(adjacency, 1, n * perSource).exact).toBe(true);
    const plan = planBetweenness(adjacency, 1, 120 * perSource);
    expect(plan.exact).toBe(false);
    expect(plan.sources.length).toBe(120);
    expect(new Set(plan.sources).size).toBe(120);
    for (const s of plan.sources) expect(s >= 0 && s < n).toBe(true);
    expect(planBetweenness(adjacency, 1, 0).sources.length).toBe(MIN_SAMPLED_SOURCES);
  });

  it('is reproducible for a seed and differs across seeds', () => {
    const a = planBetweenness(adjacency, 7, 120 * perSource).sources;
    const b = planBetweenness(adjacency, 7, 120 * perSource).sources;
    const c = planBetweenness(adjacency, 8, 120 * perSource).sources;
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
  });

  it('estimates the exact scores: same total, same top people', () => {
    const truth = exact(payload);
    const top = (scores: Float64Array, k: number) =>
      [...scores.keys()].sort((x, y) => scores[y] - scores[x]).slice(0, k);
    const plan = planBetweenness(adjacency, 3, 120 * perSource); // 120 of ~330 people
    const estimate = runToEnd(betweennessSteps(adjacency, plan));
    const sum = (s: Float64Array) => s.reduce((a, b) => a + b, 0);
    // Unbiased: the total is within 10% (a seeded draw; the tolerance is several standard errors).
    expect(sum(estimate) / sum(truth)).toBeGreaterThan(0.9);
    expect(sum(estimate) / sum(truth)).toBeLessThan(1.1);
    // The five most central people by the estimate are among the exact top fifteen.
    const exactTop = new Set(top(truth, 15));
    for (const person of top(estimate, 5)) expect(exactTop.has(person)).toBe(true);
  });
});
