import { scaleLinear, scaleUtc } from 'd3-scale';
import { area, curveStepAfter } from 'd3-shape';
import { formatTime } from '../../core/spread/time-format';
import type { Timeline } from '../../core/spread/types';
import type { ChartSeries } from './reach-series';

export const CHART_HEIGHT = 110;
/** Room for the y labels on the left and the time labels below. */
export const MARGIN = { top: 8, right: 12, bottom: 18, left: 36 } as const;

type TimeUnit = Timeline['timeUnit'];

/** Where things go: pixel positions of times and counts inside a chart of the given width. */
export interface ChartFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** The time span drawn; never empty, so a one-moment spread still gets an axis. */
  domain: [number, number];
  yMax: number;
  xOf(t: number): number;
  yOf(count: number): number;
  /** The time under a pixel column, clamped to the spread's own span [start, end]. */
  timeAt(x: number): number;
}

/** Spreads whose adoptions all happen at one moment still get an axis this wide. */
const EMPTY_SPAN: Record<TimeUnit, number> = { hours: 1, 'epoch-ms': 3_600_000 };

export function chartFrame(
  width: number,
  series: ChartSeries | null,
  unit: TimeUnit,
  height = CHART_HEIGHT,
): ChartFrame {
  const start = series?.start ?? 0;
  const end = series?.end ?? 0;
  const domain: [number, number] = [start, end > start ? end : start + EMPTY_SPAN[unit]];
  const left = MARGIN.left;
  const right = Math.max(left + 1, width - MARGIN.right);
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const last = series ? series.total[series.total.length - 1] : 0;
  const yMax = Math.max(1, last, series?.hardOnlyReach ?? 0);
  const x = scaleLinear().domain(domain).range([left, right]);
  const y = scaleLinear().domain([0, yMax]).range([bottom, top]);
  return {
    width,
    height,
    left,
    right,
    top,
    bottom,
    domain,
    yMax,
    xOf: (t) => x(t),
    yOf: (count) => y(count),
    timeAt: (px) => Math.min(end, Math.max(start, x.invert(px))),
  };
}

export interface LayerPaths {
  hard: string;
  soft: string;
  /** Null when nobody was reached from outside. */
  outside: string | null;
}

/**
 * SVG paths of the three stacked layers as step-after curves. A last point at the domain's end
 * repeats the final counts, so the final step keeps some width when the domain outlasts the spread.
 */
export function layerPaths(series: ChartSeries, frame: ChartFrame): LayerPaths {
  const count = series.times.length;
  const indices = Array.from({ length: count + 1 }, (_, i) => Math.min(i, count - 1));
  const timeOf = (i: number, k: number) => (k === count ? frame.domain[1] : series.times[i]);
  const layer = (lower: ArrayLike<number> | null, upper: ArrayLike<number>) =>
    area<number>()
      .curve(curveStepAfter)
      .x((i, k) => frame.xOf(timeOf(i, k)))
      .y0((i) => frame.yOf(lower ? lower[i] : 0))
      .y1((i) => frame.yOf(upper[i]))(indices) ?? '';
  return {
    hard: layer(null, series.hardTop),
    soft: layer(series.hardTop, series.softTop),
    outside: series.hasOutside ? layer(series.softTop, series.total) : null,
  };
}

/**
 * The hard-only counterfactual, drawn as a dashed horizontal line at `hardOnlyReach` from the last
 * origin or hard delivery to the end: the level reach would have stayed at had nobody passed the
 * message on. (Before that moment the hard layer itself shows the hard network at work.) The label
 * sits above the line, or below it when the line runs along the top.
 */
export function hardOnlyMark(
  series: ChartSeries,
  frame: ChartFrame,
): { x1: number; x2: number; y: number; labelY: number } {
  const y = frame.yOf(series.hardOnlyReach);
  return {
    x1: frame.xOf(series.hardDoneAt),
    x2: frame.right,
    y,
    labelY: y - frame.top < 12 ? y + 11 : y - 4,
  };
}

export interface Tick {
  x: number;
  label: string;
  anchor: 'start' | 'middle' | 'end';
}

/** A few time ticks, one per ~120 px: dates for recorded posts, hours for simulations. */
export function timeTicks(frame: ChartFrame, unit: TimeUnit): Tick[] {
  const count = Math.max(2, Math.floor((frame.right - frame.left) / 120));
  const [from, to] = frame.domain;
  let ticks: { t: number; label: string }[];
  if (unit === 'epoch-ms') {
    const scale = scaleUtc().domain([new Date(from), new Date(to)]);
    const format = scale.tickFormat(count);
    ticks = scale.ticks(count).map((date) => ({ t: date.getTime(), label: format(date) }));
  } else {
    ticks = scaleLinear()
      .domain([from, to])
      .ticks(count)
      .map((t) => ({ t, label: Number.isInteger(t) ? `${t} h` : formatTime(t, unit) }));
  }
  return ticks.map(({ t, label }) => {
    const x = frame.xOf(t);
    const anchor = x - frame.left < 24 ? 'start' : frame.right - x < 24 ? 'end' : 'middle';
    return { x, label, anchor };
  });
}

/** The figure's text for screen readers: the chart itself is hidden from them. */
export function chartSummary(series: ChartSeries | null): string {
  if (!series || series.total.length === 0 || series.total[series.total.length - 1] === 0)
    return 'Reach over time: no spread yet';
  const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
  const final = series.total[series.total.length - 1];
  return `Reach over time: ${people(final)} at the end, ${series.hardOnlyReach} through the hard network alone`;
}
