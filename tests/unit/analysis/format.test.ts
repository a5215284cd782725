import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatPercent,
  formatRange,
  formatReach,
} from '../../../src/ui/analysis/format';

describe('figures of the What if panel', () => {
  it('formats reach and probabilities', () => {
    expect(formatReach(12)).toBe('12');
    expect(formatReach(12.345)).toBe('12.3');
    expect(formatReach(Number.NaN)).toBe('—');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.0123)).toBe('1.2%');
    expect(formatPercent(0.456)).toBe('46%');
    expect(formatRange([0.1, 0.2], formatPercent)).toBe('10%–20%');
  });

  it('formats durations in simulated hours and recorded milliseconds', () => {
    expect(formatDuration(0.5, 'hours')).toBe('30 min');
    expect(formatDuration(10.92, 'hours')).toBe('10 h 55 min');
    expect(formatDuration(75, 'hours')).toBe('3 d 3 h');
    expect(formatDuration(90 * 60_000, 'epoch-ms')).toBe('1 h 30 min');
    expect(formatDuration(Number.NaN, 'hours')).toBe('—');
  });
});
