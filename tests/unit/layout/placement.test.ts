import { describe, expect, it } from 'vitest';
import { undirectedAdjacency } from '../../../src/core/layout/adjacency';
import { extentDiagonal } from '../../../src/core/layout/convergence';
import { multilevelPlacement } from '../../../src/core/layout/multilevel';
import {
  hasUsableCoordinates,
  randomPlacement,
  randomStart,
  repairPositions,
  startPositions,
} from '../../../src/core/layout/placement';
import { Fa2Runner } from '../../../src/core/layout/runner';
import { inferSettings } from '../../../src/core/layout/settings';
import { weightedGraph } from '../../../src/core/layout/weighted-graph';
import {
  allFinite,
  blockModel,
  grid,
  lesMiserables,
  randomTree,
  type EdgeListGraph,
} from './graphs';

function distinctPoints(xy: Float32Array): number {
  const seen = new Set<string>();
  for (let i = 0; i < xy.length; i += 2) seen.add(`${xy[i]},${xy[i + 1]}`);
  return seen.size;
}

/** Root-mean-square distance from the centroid. */
function rmsRadius(xy: Float32Array): number {
  const n = xy.length >> 1;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    cx += xy[2 * i] / n;
    cy += xy[2 * i + 1] / n;
  }
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (xy[2 * i] - cx) ** 2 + (xy[2 * i + 1] - cy) ** 2;
  return Math.sqrt(squares / n);
}

/**
 * Two communities, plus what real networks have and spectral placements fling far out: a triangle
 * hanging off one node by a single edge, and a two-node component.
 */
function communitiesWithWhiskers(): EdgeListGraph {
  const g = blockModel(300, 2, 0.08, 0.004, 7);
  const extra = [
    [0, 300],
    [300, 301],
    [301, 302],
    [302, 300],
    [303, 304],
  ];
  return {
    nodeCount: 305,
    sources: Int32Array.of(...g.sources, ...extra.map((e) => e[0])),
    targets: Int32Array.of(...g.targets, ...extra.map((e) => e[1])),
  };
}

describe('startPositions (computed)', () => {
  const tree = randomTree(300, 4);

  it('is deterministic for a seed and varies with it', () => {
    const a = startPositions({ ...tree, seed: 7 });
    const b = startPositions({ ...tree, seed: 7 });
    const c = startPositions({ ...tree, seed: 8 });
    expect(a.origin).toBe('placed');
    expect(Array.from(a.positions)).toEqual(Array.from(b.positions));
    expect(Array.from(a.positions)).not.toEqual(Array.from(c.positions));
  });

  it('gives every node its own finite spot, including isolated nodes and components', () => {
    const sources = Int32Array.of(0, 1, 3, 5, 5);
    const targets = Int32Array.of(1, 2, 4, 5, 99); // a self-loop and an out-of-range edge are ignored
    const { positions } = startPositions({ nodeCount: 8, sources, targets, seed: 1 });
    expect(allFinite(positions)).toBe(true);
    expect(distinctPoints(positions)).toBe(8);
  });

  it('keeps structurally equivalent nodes apart (FA2 cannot separate coincident nodes)', () => {
    for (const g of [lesMiserables(), randomTree(500, 9)]) {
      const { positions } = startPositions({ ...g, given: null, seed: 2 });
      expect(distinctPoints(positions)).toBe(g.nodeCount);
    }
  });

  it('puts neighbours closer than random pairs', () => {
    const g = grid(15);
    const { positions } = startPositions({ ...g, seed: 3 });
    const dist = (a: number, b: number) =>
      Math.hypot(positions[2 * a] - positions[2 * b], positions[2 * a + 1] - positions[2 * b + 1]);
    let edgeSum = 0;
    for (let e = 0; e < g.sources.length; e++) edgeSum += dist(g.sources[e], g.targets[e]);
    let pairSum = 0;
    for (let i = 0; i < g.nodeCount; i++) pairSum += dist(i, (i * 97 + 31) % g.nodeCount);
    expect(edgeSum / g.sources.length).toBeLessThan((0.3 * pairSum) / g.nodeCount);
  });

  it('keeps dangling pieces and small components near the rest (nothing flung far out)', () => {
    const g = communitiesWithWhiskers();
    for (const seed of [1, 2, 3]) {
      const { positions } = startPositions({ ...g, seed });
      // A disc has diagonal / rms radius = 4; a flung-out whisker made it 20 on the political blogs.
      expect(extentDiagonal(positions) / rmsRadius(positions)).toBeLessThan(8);
    }
  });

  it('puts communities apart from the start', () => {
    const g = blockModel(300, 3, 0.08, 0.004, 5);
    const { positions } = startPositions({ ...g, seed: 6 });
    const sum = { inside: 0, across: 0 };
    const count = { inside: 0, across: 0 };
    for (let i = 0; i < g.nodeCount; i++) {
      for (let j = 0; j < i; j++) {
        const kind = i % 3 === j % 3 ? 'inside' : 'across'; // blockModel's blocks
        sum[kind] += Math.hypot(
          positions[2 * i] - positions[2 * j],
          positions[2 * i + 1] - positions[2 * j + 1],
        );
        count[kind]++;
      }
    }
    const ratio = sum.across / count.across / (sum.inside / count.inside);
    console.info(`mean distance across blocks / inside: ${ratio.toFixed(2)}`);
    expect(ratio).toBeGreaterThan(2);
  });

  it('starts at about the size FA2 settles at', () => {
    const g = communitiesWithWhiskers();
    const settings = inferSettings({ nodeCount: g.nodeCount, edgeCount: g.sources.length });
    const { positions } = startPositions({ ...g, seed: 4, settings });
    const runner = new Fa2Runner({ ...g, positions }, settings);
    runner.runBatch({ maxIterations: 3000 });
    expect(runner.convergence.converged).toBe(true);
    const ratio = rmsRadius(runner.positions()) / rmsRadius(positions);
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(1.25);
  });

  it('places graphs that coarsen badly: a big star, isolated nodes only', () => {
    const star = {
      nodeCount: 2001,
      sources: new Int32Array(2000),
      targets: Int32Array.from({ length: 2000 }, (_, i) => i + 1),
    };
    const lone = { nodeCount: 500, sources: new Int32Array(0), targets: new Int32Array(0) };
    for (const g of [star, lone]) {
      const { positions } = startPositions({ ...g, seed: 5 });
      expect(allFinite(positions)).toBe(true);
      expect(distinctPoints(positions)).toBe(g.nodeCount);
    }
  });

  it('still gives a usable start with no FA2 work allowed on the coarse levels', () => {
    const g = blockModel(300, 3, 0.1, 0.01, 2);
    const settings = inferSettings({ nodeCount: g.nodeCount, edgeCount: g.sources.length });
    const positions = multilevelPlacement(weightedGraph(g.nodeCount, g), settings, 1, { work: 0 });
    expect(allFinite(positions)).toBe(true);
    expect(distinctPoints(positions)).toBe(g.nodeCount);
  });

  it('handles empty and single-node graphs', () => {
    const empty = new Int32Array(0);
    expect(
      startPositions({ nodeCount: 0, sources: empty, targets: empty, seed: 1 }).positions,
    ).toHaveLength(0);
    const one = startPositions({ nodeCount: 1, sources: empty, targets: empty, seed: 1 }).positions;
    expect(allFinite(one)).toBe(true);
  });
});

describe('dataset coordinates', () => {
  const lesMis = lesMiserables();

  it('keeps coordinates the dataset carries', () => {
    const placement = startPositions({ ...lesMis, seed: 1 });
    expect(placement.origin).toBe('given');
    expect(Array.from(placement.positions)).toEqual(Array.from(lesMis.given ?? []));
  });

  it('repairs non-finite coordinates next to a neighbour, keeping the others', () => {
    const given = (lesMis.given ?? new Float32Array()).slice();
    const broken = [0, 11, 40];
    given[2 * broken[0]] = Number.NaN;
    given[2 * broken[1] + 1] = Number.POSITIVE_INFINITY;
    given[2 * broken[2]] = Number.NEGATIVE_INFINITY;
    const placement = startPositions({ ...lesMis, given, seed: 1 });
    expect(placement.origin).toBe('mixed');
    expect(placement.repaired).toBe(3);
    expect(allFinite(placement.positions)).toBe(true);
    for (let i = 0; i < lesMis.nodeCount; i++) {
      if (broken.includes(i)) continue;
      expect(placement.positions[2 * i]).toBe(given[2 * i]);
    }
    // Valjean (11) has many neighbours: he lands within the drawing, not far outside.
    const xs = Array.from(given).filter((v, i) => i % 2 === 0 && Number.isFinite(v));
    const x = placement.positions[2 * 11];
    expect(x).toBeGreaterThan(Math.min(...xs) - 200);
    expect(x).toBeLessThan(Math.max(...xs) + 200);
  });

  it('repairs nodes with no placed neighbour and separates exact duplicates', () => {
    const xy = Float32Array.of(0, 0, 10, 10, Number.NaN, Number.NaN, 10, 10, 5, Number.NaN);
    const adjacency = undirectedAdjacency(5, Int32Array.of(0), Int32Array.of(1));
    const repaired = repairPositions(xy, adjacency, 1);
    expect(repaired).toBe(3);
    expect(allFinite(xy)).toBe(true);
    expect(distinctPoints(xy)).toBe(5);
  });

  it('ignores coordinates that are mostly missing or all the same', () => {
    const sparse = new Float32Array(20).fill(Number.NaN);
    sparse.set([1, 2, 3, 4]);
    expect(hasUsableCoordinates(sparse)).toBe(false);
    expect(hasUsableCoordinates(new Float32Array(20))).toBe(false);
    const tree = randomTree(10, 1);
    expect(startPositions({ ...tree, given: new Float32Array(20), seed: 1 }).origin).toBe('placed');
  });
});

describe('random placements', () => {
  it('are seeded', () => {
    expect(Array.from(randomPlacement(10, 3))).toEqual(Array.from(randomPlacement(10, 3)));
    expect(allFinite(randomPlacement(10, 3))).toBe(true);
    const tree = randomTree(50, 1);
    expect(Array.from(randomStart({ ...tree, seed: 2 }))).toEqual(
      Array.from(randomStart({ ...tree, seed: 2 })),
    );
  });
});
