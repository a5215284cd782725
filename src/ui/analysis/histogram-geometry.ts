import { scaleLinear } from 'd3-scale';
import type { ReachSummary } from '../../workers/spread-client';

export const HISTOGRAM_HEIGHT = 96;
const MARGIN = { top: 14, right: 8, bottom: 18, left: 8 } as const;
const MIN_BAR = 2;

export interface HistogramBar {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Reach range [from, to] of the runs this bar counts, inclusive. */
  from: number;
  to: number;
  count: number;
  /** The bar's runs reached at least the viral share. */
  viral: boolean;
}

export interface HistogramGeometry {
  left: number;
  right: number;
  top: number;
  bottom: number;
  bars: HistogramBar[];
  /** Where reach = viralReach lies; null when it is beyond every run. */
  viralX: number | null;
  meanX: number;
  /** The largest reach the axis covers. */
  maxReach: number;
  xOf(reach: number): number;
}

/**
 * Bars of the reach histogram in a box `width` × `height`. Empty bins draw nothing (their absence
 * is the gap); a bin counts as viral when its lowest reach is viral, exact for bins of width 1.
 */
export function histogramGeometry(
  summary: ReachSummary,
  width: number,
  height = HISTOGRAM_HEIGHT,
): HistogramGeometry {
  const { binWidth, counts } = summary.histogram;
  const left = MARGIN.left;
  const right = Math.max(left + 1, width - MARGIN.right);
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const maxReach = Math.max(1, counts.length * binWidth);
  const maxCount = Math.max(1, ...counts);
  const x = scaleLinear().domain([0, maxReach]).range([left, right]);
  const y = scaleLinear().domain([0, maxCount]).range([bottom, top]);
  const step = x(binWidth) - x(0);
  const gap = step > 3 ? 1 : 0;
  const bars: HistogramBar[] = [];
  counts.forEach((count, i) => {
    if (count === 0) return;
    const from = i * binWidth;
    // Rare outcomes stay visible: a bin with any run is at least MIN_BAR pixels tall.
    const barHeight = Math.max(MIN_BAR, bottom - y(count));
    bars.push({
      x: x(from),
      y: bottom - barHeight,
      width: Math.max(0.5, step - gap),
      height: barHeight,
      from,
      to: from + binWidth - 1,
      count,
      viral: from >= summary.viralReach,
    });
  });
  return {
    left,
    right,
    top,
    bottom,
    bars,
    viralX: summary.viralReach <= maxReach ? x(summary.viralReach) : null,
    meanX: x(summary.mean),
    maxReach,
    xOf: (reach) => x(reach),
  };
}
