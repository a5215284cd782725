import { describe, expect, it } from 'vitest';
import { figuresSummary } from '../../../src/ui/figures/figures-summary';
import { METRIC_INFO, METRICS } from '../../../src/ui/figures/metric-info';

describe('figuresSummary', () => {
  it('reads the cards as one sentence', () => {
    const reach = { total: 87, origin: 1, hard: 5, soft: 81, outside: 0, amplification: 14.5 };
    expect(figuresSummary(reach, 90)).toBe(
      'Reached 87 of 90 at the end: 5 through the hard network, 81 through the soft network, 14.5× amplification.',
    );
  });

  it('names people from outside, and leaves out an amplification that is not there yet', () => {
    const reach = { total: 3, origin: 0, hard: 0, soft: 0, outside: 3, amplification: Number.NaN };
    expect(figuresSummary(reach, 10)).toBe(
      'Reached 3 of 10 at the end: 0 through the hard network, 0 through the soft network, 3 from outside.',
    );
  });
});

describe('METRIC_INFO', () => {
  it('says what each figure is and how it is computed', () => {
    for (const metric of METRICS) {
      expect(METRIC_INFO[metric].short.length).toBeGreaterThan(20);
      expect(METRIC_INFO[metric].computed.length).toBeGreaterThan(80);
    }
  });
});
