import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONVERGENCE,
  extentDiagonal,
  initialConvergence,
  meanDisplacement,
  relativeDisplacement,
  updateConvergence,
  type ConvergenceState,
} from '../../../src/core/layout/convergence';

const options = { threshold: 0.01, patience: 3, smoothing: 0.5 };

function feed(
  measures: number[],
  state: ConvergenceState = initialConvergence(),
): ConvergenceState[] {
  const states: ConvergenceState[] = [];
  for (const measure of measures) {
    state = updateConvergence(state, measure, options);
    states.push(state);
  }
  return states;
}

describe('displacement measures', () => {
  it('measures the extent as the bounding-box diagonal', () => {
    expect(extentDiagonal(Float32Array.of(0, 0, 3, 4, 1, 1))).toBe(5);
    expect(extentDiagonal(new Float32Array(0))).toBe(0);
  });

  it('averages Euclidean moves and scales them by the extent', () => {
    const before = Float32Array.of(0, 0, 30, 40);
    const after = Float32Array.of(3, 4, 30, 40);
    expect(meanDisplacement(before, after)).toBe(2.5);
    expect(relativeDisplacement(before, after)).toBeCloseTo(2.5 / Math.hypot(27, 36));
    expect(relativeDisplacement(before, before)).toBe(0);
  });
});

describe('updateConvergence', () => {
  it('converges only after `patience` consecutive still iterations', () => {
    const states = feed([0.1, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001]);
    // Smoothing: 0.1 → 0.0505 → 0.0258 → 0.0134 → 0.0072 (first still) → … third still at index 6.
    expect(states.map((s) => s.converged)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(states[6].progress).toBe(1);
    expect(states[6].iterations).toBe(7);
  });

  it('resets the streak when motion comes back', () => {
    const states = feed([0.001, 0.001, 0.5, 0.001]);
    expect(states[1].streak).toBe(2);
    expect(states[2].streak).toBe(0);
    expect(states.some((s) => s.converged)).toBe(false);
  });

  it('reports monotone progress below 1 until converged', () => {
    const measures = [0.2, 0.3, 0.1, 0.05, 0.08, 0.02, 0.01, 0.004, 0.004, 0.004];
    const states = feed(measures);
    for (let i = 1; i < states.length; i++)
      expect(states[i].progress).toBeGreaterThanOrEqual(states[i - 1].progress);
    expect(states.filter((s) => !s.converged).every((s) => s.progress < 1)).toBe(true);
    expect(states[3].progress).toBeGreaterThan(0.1);
  });

  it('treats a non-finite measure as motion, not stillness', () => {
    const [state] = feed([Number.NaN]);
    expect(state.smoothed).toBe(1);
    expect(state.streak).toBe(0);
  });

  it('uses a threshold well below a pixel by default', () => {
    expect(DEFAULT_CONVERGENCE.threshold).toBeLessThanOrEqual(1e-3);
    expect(DEFAULT_CONVERGENCE.patience).toBeGreaterThan(1);
  });
});
