import { describe, expect, it } from 'vitest';
import { DelaySampler, HARD_DELAY, SOFT_DELAY } from '../../../src/core/spread/delays';
import { createRng } from '../../../src/core/spread/rng';

function sorted(draw: () => number, n: number): Float64Array {
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = draw();
  return values.sort();
}

describe('DelaySampler', () => {
  const n = 40_000;

  it('draws positive hard and soft delays around their documented medians', () => {
    const sampler = new DelaySampler(createRng(3));
    for (const [draw, model] of [
      [() => sampler.hard(), HARD_DELAY],
      [() => sampler.soft(), SOFT_DELAY],
    ] as const) {
      const values = sorted(draw, n);
      expect(values[0]).toBeGreaterThan(0);
      // The sample median's log has standard error sigma·sqrt(pi / 2n); allow about 4 of them.
      const logError = Math.abs(Math.log(values[n >> 1] / model.medianHours));
      expect(logError).toBeLessThan(4 * model.sigma * Math.sqrt(Math.PI / (2 * n)));
    }
  });

  it('spreads ln(delay) with the documented sigma', () => {
    const sampler = new DelaySampler(createRng(4));
    const logs = Array.from({ length: n }, () => Math.log(sampler.soft()));
    const mean = logs.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(logs.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
    // The sample sd has standard error about sigma / sqrt(2n) = 0.0035.
    expect(Math.abs(sd - SOFT_DELAY.sigma)).toBeLessThan(0.015);
  });

  it('makes the hard step faster than a soft hop', () => {
    expect(HARD_DELAY.medianHours).toBeLessThan(SOFT_DELAY.medianHours);
  });
});
