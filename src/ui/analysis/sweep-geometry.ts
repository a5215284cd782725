import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { WorthSweep } from '../../workers/spread-client';

export const SWEEP_HEIGHT = 150;
const MARGIN = { top: 22, right: 10, bottom: 30, left: 34 } as const;

export interface SweepGeometry {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Expected total reach against worth. */
  total: string;
  /** Its 95% confidence band. */
  band: string;
  /** Expected reach of the hard network alone (flat in worth). */
  hardOnly: string;
  /** The theoretical threshold's x; null when it is not between worth 0 and 1. */
  thresholdX: number | null;
  /** Everyone: the top of the y axis. */
  yMax: number;
  xTicks: { x: number; label: string }[];
  xOf(worth: number): number;
  yOf(reach: number): number;
  /** Expected reach at any worth, interpolated between the swept worths. */
  reachAt(worth: number): number;
  /** The worth under a pixel column, clamped to [0, 1]. */
  worthAt(px: number): number;
}

export function sweepGeometry(
  sweep: WorthSweep,
  width: number,
  height = SWEEP_HEIGHT,
): SweepGeometry {
  const left = MARGIN.left;
  const right = Math.max(left + 1, width - MARGIN.right);
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const yMax = Math.max(1, sweep.nodeCount);
  const x = scaleLinear().domain([0, 1]).range([left, right]);
  const y = scaleLinear().domain([0, yMax]).range([bottom, top]).clamp(true);
  const points = sweep.points;
  const total = line<(typeof points)[number]>()
    .x((p) => x(p.worth))
    .y((p) => y(p.meanReach));
  const band = area<(typeof points)[number]>()
    .x((p) => x(p.worth))
    .y0((p) => y(Number.isFinite(p.ci95[0]) ? p.ci95[0] : p.meanReach))
    .y1((p) => y(Number.isFinite(p.ci95[1]) ? p.ci95[1] : p.meanReach));
  const hardOnly = line<(typeof points)[number]>()
    .x((p) => x(p.worth))
    .y((p) => y(p.meanHardOnly));
  const threshold = sweep.threshold.threshold;
  const reachAt = (worth: number): number => {
    if (points.length === 0) return 0;
    const after = points.findIndex((p) => p.worth >= worth);
    if (after <= 0) return points[after < 0 ? points.length - 1 : 0].meanReach;
    const a = points[after - 1];
    const b = points[after];
    return a.meanReach + ((b.meanReach - a.meanReach) * (worth - a.worth)) / (b.worth - a.worth);
  };
  return {
    left,
    right,
    top,
    bottom,
    total: total(points) ?? '',
    band: band(points) ?? '',
    hardOnly: hardOnly(points) ?? '',
    thresholdX: threshold >= 0 && threshold <= 1 ? x(threshold) : null,
    yMax,
    xTicks: [0, 0.25, 0.5, 0.75, 1].map((w) => ({ x: x(w), label: String(w) })),
    xOf: (worth) => x(worth),
    yOf: (reach) => y(reach),
    reachAt,
    worthAt: (px) => Math.min(1, Math.max(0, x.invert(px))),
  };
}
