import { describe, expect, it } from 'vitest';
import { undirectedAdjacency } from '../../../src/core/layout/adjacency';
import {
  hasUsableCoordinates,
  randomPlacement,
  repairPositions,
  startPositions,
} from '../../../src/core/layout/placement';
import { allFinite, grid, lesMiserables, randomTree } from './graphs';

function distinctPoints(xy: Float32Array): number {
  const seen = new Set<string>();
  for (let i = 0; i < xy.length; i += 2) seen.add(`${xy[i]},${xy[i + 1]}`);
  return seen.size;
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

describe('randomPlacement', () => {
  it('is seeded', () => {
    expect(Array.from(randomPlacement(10, 3))).toEqual(Array.from(randomPlacement(10, 3)));
    expect(allFinite(randomPlacement(10, 3))).toBe(true);
  });
});
