import { describe, expect, it } from 'vitest';
import {
  MAX_TIME_BUDGET_MS,
  MIN_TIME_BUDGET_MS,
  layoutTimeBudgetMs,
} from '../../../src/core/layout/budget';
import {
  buildMatrices,
  LayoutInputError,
  PPN,
  writeSizes,
} from '../../../src/core/layout/matrices';
import { Fa2Runner } from '../../../src/core/layout/runner';
import { inferSettings, BARNES_HUT_MIN_NODES } from '../../../src/core/layout/settings';
import { REFERENCE_VIEW_PX, longerSide, sizesInLayoutUnits } from '../../../src/core/layout/sizes';
import { startPositions } from '../../../src/core/layout/placement';
import { lesMiserables } from './graphs';

describe('layoutTimeBudgetMs', () => {
  it('grows with the graph between a floor and a ceiling', () => {
    const tiny = layoutTimeBudgetMs({ nodeCount: 10, edgeCount: 10 });
    const mid = layoutTimeBudgetMs({ nodeCount: 5_000, edgeCount: 7_000 });
    const huge = layoutTimeBudgetMs({ nodeCount: 1_000_000, edgeCount: 5_000_000 });
    expect(tiny).toBeGreaterThanOrEqual(MIN_TIME_BUDGET_MS);
    expect(mid).toBeGreaterThan(tiny);
    expect(huge).toBe(MAX_TIME_BUDGET_MS);
    expect(layoutTimeBudgetMs({ nodeCount: -1, edgeCount: NaN })).toBe(MIN_TIME_BUDGET_MS);
  });
});

describe('sizesInLayoutUnits', () => {
  it('converts pixel radii through the extent of the drawing', () => {
    const xy = Float32Array.of(0, 0, 1200, 300);
    expect(longerSide(xy)).toBe(1200);
    const sizes = sizesInLayoutUnits(Float32Array.of(3, 6), xy);
    // 1200 units across 600 px: 2 units per pixel, times the clearance.
    expect(sizes[1] / sizes[0]).toBeCloseTo(2);
    expect(sizes[0]).toBeGreaterThanOrEqual((3 * 1200) / REFERENCE_VIEW_PX);
    expect(sizes[0]).toBeLessThan((2 * 3 * 1200) / REFERENCE_VIEW_PX);
  });

  it('replaces bad sizes and survives a drawing with no extent', () => {
    const sizes = sizesInLayoutUnits(
      Float32Array.of(NaN, -2, 4),
      Float32Array.of(5, 5, 5, 5, 5, 5),
    );
    expect(Array.from(sizes).every((s) => Number.isFinite(s) && s > 0)).toBe(true);
    expect(sizes[0]).toBe(sizes[1]);
    expect(longerSide(Float32Array.of(1, 2))).toBe(0);
  });
});

describe('writeSizes', () => {
  it('writes every node size, 1 for unusable values, and checks the length', () => {
    const matrices = buildMatrices({
      nodeCount: 2,
      positions: Float32Array.of(0, 0, 1, 1),
      sources: Int32Array.of(0),
      targets: Int32Array.of(1),
    });
    writeSizes(matrices.nodes, Float32Array.of(7, NaN));
    expect(matrices.nodes[8]).toBe(7);
    expect(matrices.nodes[PPN + 8]).toBe(1);
    expect(() => writeSizes(matrices.nodes, Float32Array.of(1))).toThrow(LayoutInputError);
  });
});

describe('prevent overlap (adjustSizes)', () => {
  it('is on by default only with sizes and exact repulsion', () => {
    expect(inferSettings({ nodeCount: 100, edgeCount: 300, withSizes: true }).adjustSizes).toBe(
      true,
    );
    expect(inferSettings({ nodeCount: 100, edgeCount: 300 }).adjustSizes).toBe(false);
    const big = { nodeCount: BARNES_HUT_MIN_NODES + 1, edgeCount: 3000, withSizes: true };
    expect(inferSettings(big).adjustSizes).toBe(false);
  });

  it('settles les-misérables with no two discs overlapping on a reference canvas', () => {
    const g = lesMiserables();
    const settings = inferSettings({ nodeCount: g.nodeCount, edgeCount: 254, withSizes: true });
    const start = startPositions({ ...g, given: null, seed: 3, settings });
    const runner = new Fa2Runner({ ...g, positions: start.positions }, settings);
    // Radii as the app draws them: 2.5 to 9.4 px.
    const pixels = Float32Array.from({ length: g.nodeCount }, (_, i) => 2.5 + (i % 8));
    runner.setSizes(sizesInLayoutUnits(pixels, start.positions));
    expect(runner.runBatch({ maxIterations: 5000 })).toBe('converged');
    const xy = runner.positions();
    const pxPerUnit = REFERENCE_VIEW_PX / longerSide(xy);
    let overlaps = 0;
    for (let i = 0; i < g.nodeCount; i++) {
      for (let j = 0; j < i; j++) {
        const d = Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]) * pxPerUnit;
        if (d < pixels[i] + pixels[j]) overlaps++;
      }
    }
    expect(overlaps).toBe(0);
  });
});
