import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '../../../src/core/graph/csr';
import { finalReach } from '../../../src/core/spread/metrics';
import { simulateSpread } from '../../../src/core/spread/independent-cascade';
import { Channel, type Timeline } from '../../../src/core/spread/types';
import {
  chartSeries,
  MAX_CHART_POINTS,
  type ChartSeries,
} from '../../../src/ui/chart/reach-series';

/** A timeline from `[time, channel]` rows (nodes numbered in order, no `via`). */
function timeline(rows: [number, Channel][], hardOnlyReach = 1): Timeline {
  return {
    length: rows.length,
    time: Float64Array.from(rows, (r) => r[0]),
    node: Int32Array.from(rows, (_, i) => i),
    via: new Int32Array(rows.length).fill(-1),
    channel: Uint8Array.from(rows, (r) => r[1]),
    timeUnit: 'hours',
    hardOnlyReach,
  };
}

/** A simulated spread on a random graph with hubs: thousands of adoptions at distinct times. */
function bigTimeline(): Timeline {
  const n = 3000;
  const sources: number[] = [];
  const targets: number[] = [];
  let state = 7;
  const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 1; i < n; i++) {
    for (let k = 0; k < 4; k++) {
      sources.push(i);
      targets.push(Math.floor(random() * random() * n));
    }
  }
  const csr = csrFromEdges(
    n,
    Int32Array.from(sources),
    Int32Array.from(targets),
    new Float64Array(sources.length).fill(1),
    false,
  );
  return simulateSpread(csr, {
    origins: [0],
    model: 'independent-cascade',
    worth: 0.4,
    delivery: 0.9,
    seed: 3,
  });
}

function expectStackedAndMonotone(series: ChartSeries): void {
  for (let i = 0; i < series.times.length; i++) {
    expect(series.hardTop[i]).toBeLessThanOrEqual(series.softTop[i]);
    expect(series.softTop[i]).toBeLessThanOrEqual(series.total[i]);
    if (i === 0) continue;
    expect(series.times[i]).toBeGreaterThan(series.times[i - 1]);
    expect(series.hardTop[i]).toBeGreaterThanOrEqual(series.hardTop[i - 1]);
    expect(series.softTop[i]).toBeGreaterThanOrEqual(series.softTop[i - 1]);
    expect(series.total[i]).toBeGreaterThanOrEqual(series.total[i - 1]);
  }
}

describe('chartSeries', () => {
  it('puts one step at each distinct time of a small timeline, stacked by channel', () => {
    const series = chartSeries(
      timeline(
        [
          [0, Channel.origin],
          [1, Channel.hard],
          [1, Channel.hard],
          [2.5, Channel.soft],
          [4, Channel.outside],
          [4, Channel.soft],
        ],
        3,
      ),
    );
    expect([...series.times]).toEqual([0, 1, 2.5, 4]);
    expect([...series.hardTop]).toEqual([1, 3, 3, 3]);
    expect([...series.softTop]).toEqual([1, 3, 4, 5]);
    expect([...series.total]).toEqual([1, 3, 4, 6]);
    expect(series).toMatchObject({ start: 0, end: 4, hardOnlyReach: 3, hardDoneAt: 1 });
    expect(series.hasOutside).toBe(true);
  });

  it('bins a long timeline into at most the limit, monotone, ending at the final reach', () => {
    const big = bigTimeline();
    expect(big.length).toBeGreaterThan(MAX_CHART_POINTS * 2);
    const final = finalReach(big);
    for (const limit of [2, 3, 50, MAX_CHART_POINTS]) {
      const series = chartSeries(big, limit);
      expect(series.times.length).toBeLessThanOrEqual(limit);
      expect(series.times[0]).toBe(big.time[0]);
      expect(series.times.at(-1)).toBe(big.time[big.length - 1]);
      expectStackedAndMonotone(series);
      expect(series.total.at(-1)).toBe(big.length);
      expect(series.hardTop.at(-1)).toBe(final.origin + final.hard);
      expect(series.softTop.at(-1)).toBe(final.origin + final.hard + final.soft);
    }
    expect(chartSeries(big).times.length).toBe(MAX_CHART_POINTS);
  });

  it('shows at each point what the player shows at that time', () => {
    const big = bigTimeline();
    const series = chartSeries(big, 100);
    for (let i = 0; i < series.times.length; i += 7) {
      let count = 0;
      while (count < big.length && big.time[count] <= series.times[i]) count++;
      expect(series.total[i]).toBe(count);
    }
  });

  it('handles an empty timeline', () => {
    const series = chartSeries(timeline([], 0));
    expect([...series.times]).toEqual([0]);
    expect([...series.total]).toEqual([0]);
    expect(series).toMatchObject({ start: 0, end: 0, hardDoneAt: 0, hasOutside: false });
  });

  it('handles a one-row timeline', () => {
    const series = chartSeries(timeline([[5, Channel.origin]], 1));
    expect([...series.times]).toEqual([5]);
    expect([...series.hardTop]).toEqual([1]);
    expect([...series.total]).toEqual([1]);
    expect(series).toMatchObject({ start: 5, end: 5, hardDoneAt: 5 });
  });

  it('rejects a limit below two points', () => {
    expect(() => chartSeries(timeline([[0, Channel.origin]]), 1)).toThrow(RangeError);
  });
});
