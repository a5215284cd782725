import { describe, expect, it } from 'vitest';
import {
  BARNES_HUT_MIN_NODES,
  InvalidSettingsError,
  inferSettings,
  mergeSettings,
} from '../../../src/core/layout/settings';

describe('inferSettings', () => {
  it('switches Barnes-Hut on for large graphs only', () => {
    expect(inferSettings({ nodeCount: 77, edgeCount: 254 }).barnesHutOptimize).toBe(false);
    expect(
      inferSettings({ nodeCount: BARNES_HUT_MIN_NODES, edgeCount: 3000 }).barnesHutOptimize,
    ).toBe(false);
    expect(inferSettings({ nodeCount: 5000, edgeCount: 10_000 }).barnesHutOptimize).toBe(true);
    expect(inferSettings({ nodeCount: 200_000, edgeCount: 400_000 }).barnesHutOptimize).toBe(true);
  });

  it('keeps linLog and anti-collision off and gravity strong but small', () => {
    const settings = inferSettings({ nodeCount: 1000, edgeCount: 3000 });
    expect(settings.linLogMode).toBe(false);
    expect(settings.adjustSizes).toBe(false);
    expect(settings.strongGravityMode).toBe(true);
    expect(settings.gravity).toBeGreaterThan(0);
    expect(settings.gravity).toBeLessThan(1);
  });

  it('damps bigger and denser graphs more, and spreads dense ones', () => {
    const small = inferSettings({ nodeCount: 100, edgeCount: 200 });
    const big = inferSettings({ nodeCount: 100_000, edgeCount: 200_000 });
    const dense = inferSettings({ nodeCount: 100, edgeCount: 2000 });
    expect(big.slowDown).toBeGreaterThan(small.slowDown);
    expect(dense.slowDown).toBeGreaterThan(small.slowDown);
    expect(dense.scalingRatio).toBeGreaterThan(small.scalingRatio);
  });

  it('gives usable numbers for empty graphs', () => {
    const settings = inferSettings({ nodeCount: 0, edgeCount: 0 });
    expect(Object.values(settings).every((v) => typeof v === 'boolean' || Number.isFinite(v))).toBe(
      true,
    );
    expect(settings.slowDown).toBeGreaterThan(0);
  });
});

describe('mergeSettings', () => {
  const base = inferSettings({ nodeCount: 100, edgeCount: 300 });

  it('applies overrides and ignores undefined ones', () => {
    const merged = mergeSettings(base, { linLogMode: true, gravity: undefined });
    expect(merged.linLogMode).toBe(true);
    expect(merged.gravity).toBe(base.gravity);
  });

  it('rejects settings that would break the layout', () => {
    expect(() => mergeSettings(base, { gravity: -1 })).toThrow(InvalidSettingsError);
    expect(() => mergeSettings(base, { slowDown: 0 })).toThrow(/slowDown/);
    expect(() => mergeSettings(base, { scalingRatio: Number.NaN })).toThrow(InvalidSettingsError);
  });
});
