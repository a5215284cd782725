import { describe, expect, it } from 'vitest';
import { IDENTITY_WARP, quietPeriodWarp } from '../../../src/core/spread/time-warp';
import { Channel, type Timeline } from '../../../src/core/spread/types';

const timelineAt = (times: number[]): Timeline => ({
  length: times.length,
  time: Float64Array.from(times),
  node: Int32Array.from(times.map((_, i) => i)),
  via: new Int32Array(times.length).fill(-1),
  channel: new Uint8Array(times.length).fill(Channel.outside),
  timeUnit: 'hours',
  hardOnlyReach: 1,
});

describe('quietPeriodWarp', () => {
  it('shortens a long silence and keeps busy stretches at real pace', () => {
    // Busy for 2 h, silent for 96 h, busy for 2 h again.
    const warp = quietPeriodWarp(timelineAt([0, 1, 2, 98, 99, 100]), 1 / 20);
    expect(warp.toWarped(1)).toBeCloseTo(1);
    expect(warp.toWarped(98)).toBeCloseTo(2 + 5);
    expect(warp.toWarped(100) - warp.toWarped(98)).toBeCloseTo(2);
  });

  it('maps back and forth, monotonically', () => {
    const warp = quietPeriodWarp(timelineAt([0, 0.5, 40, 41, 300]));
    let previous = -Infinity;
    for (let t = -5; t <= 305; t += 2.5) {
      const w = warp.toWarped(t);
      expect(w).toBeGreaterThanOrEqual(previous);
      previous = w;
      expect(warp.toReal(w)).toBeCloseTo(t, 6);
    }
  });

  it('leaves evenly paced spreads alone', () => {
    expect(quietPeriodWarp(timelineAt(Array.from({ length: 60 }, (_, i) => i)))).toBe(
      IDENTITY_WARP,
    );
    expect(quietPeriodWarp(timelineAt([5]))).toBe(IDENTITY_WARP);
  });
});
