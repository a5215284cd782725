import { describe, expect, it } from 'vitest';
import { Channel, type Timeline } from '../../../src/core/spread/types';
import {
  CHART_HEIGHT,
  chartFrame,
  chartSummary,
  hardOnlyMark,
  layerPaths,
  MARGIN,
  timeTicks,
} from '../../../src/ui/chart/chart-geometry';
import { chartSeries } from '../../../src/ui/chart/reach-series';

function timeline(rows: [number, Channel][], unit: Timeline['timeUnit'] = 'hours'): Timeline {
  return {
    length: rows.length,
    time: Float64Array.from(rows, (r) => r[0]),
    node: Int32Array.from(rows, (_, i) => i),
    via: new Int32Array(rows.length).fill(-1),
    channel: Uint8Array.from(rows, (r) => r[1]),
    timeUnit: unit,
    hardOnlyReach: 3,
  };
}

const small = chartSeries(
  timeline([
    [0, Channel.origin],
    [1, Channel.hard],
    [2, Channel.hard],
    [6, Channel.soft],
    [10, Channel.soft],
  ]),
);

describe('chartFrame', () => {
  it('maps the spread span onto the plot width and counts up to the final reach', () => {
    const frame = chartFrame(500, small, 'hours');
    expect(frame.xOf(0)).toBe(MARGIN.left);
    expect(frame.xOf(10)).toBe(500 - MARGIN.right);
    expect(frame.yOf(0)).toBe(CHART_HEIGHT - MARGIN.bottom);
    expect(frame.yOf(5)).toBe(MARGIN.top);
    expect(frame.yMax).toBe(5);
    expect(frame.timeAt(frame.xOf(4))).toBeCloseTo(4);
  });

  it('clamps times under the pointer to the span', () => {
    const frame = chartFrame(500, small, 'hours');
    expect(frame.timeAt(0)).toBe(0);
    expect(frame.timeAt(10_000)).toBe(10);
  });

  it('gives a one-moment spread, or none, an axis without NaN', () => {
    for (const series of [null, chartSeries(timeline([[3, Channel.origin]]))]) {
      const frame = chartFrame(300, series, 'hours');
      expect(frame.domain[1]).toBeGreaterThan(frame.domain[0]);
      expect(Number.isFinite(frame.xOf(frame.domain[0]))).toBe(true);
      expect(Number.isFinite(frame.yOf(1))).toBe(true);
      expect(timeTicks(frame, 'hours').length).toBeGreaterThan(0);
    }
  });
});

describe('layerPaths', () => {
  it('draws the hard and soft layers as step curves, and no outside layer when there is none', () => {
    const frame = chartFrame(500, small, 'hours');
    const paths = layerPaths(small, frame);
    expect(paths.hard).toMatch(/^M/);
    expect(paths.soft).toMatch(/^M/);
    expect(paths.hard).not.toContain('NaN');
    expect(paths.outside).toBeNull();
  });

  it('draws something for a one-row timeline', () => {
    const one = chartSeries(timeline([[3, Channel.origin]]));
    const paths = layerPaths(one, chartFrame(300, one, 'hours'));
    expect(paths.hard).toMatch(/^M/);
    expect(paths.hard).not.toContain('NaN');
  });
});

describe('hardOnlyMark', () => {
  it('runs from the last hard delivery to the end at the hard-only reach', () => {
    const frame = chartFrame(500, small, 'hours');
    const mark = hardOnlyMark(small, frame);
    expect(mark.x1).toBe(frame.xOf(2));
    expect(mark.x2).toBe(frame.right);
    expect(mark.y).toBe(frame.yOf(3));
  });
});

describe('timeTicks', () => {
  it('labels hours for simulations and dates for recorded posts', () => {
    const hours = timeTicks(chartFrame(600, small, 'hours'), 'hours');
    expect(hours.length).toBeGreaterThanOrEqual(2);
    expect(hours[0].label).toBe('0 h');
    const day = 86_400_000;
    const t0 = Date.UTC(2024, 0, 1);
    const posts = chartSeries(
      timeline(
        [
          [t0, Channel.origin],
          [t0 + 10 * day, Channel.outside],
        ],
        'epoch-ms',
      ),
    );
    const dates = timeTicks(chartFrame(600, posts, 'epoch-ms'), 'epoch-ms');
    expect(dates.length).toBeGreaterThanOrEqual(2);
    expect(dates.every((tick) => /[A-Za-z0-9]/.test(tick.label))).toBe(true);
  });
});

describe('chartSummary', () => {
  it('says the final reach and the hard network’s share', () => {
    expect(chartSummary(small)).toBe(
      'Reach over time: 5 people at the end, 3 through the hard network alone',
    );
    expect(chartSummary(null)).toBe('Reach over time: no spread yet');
  });
});
