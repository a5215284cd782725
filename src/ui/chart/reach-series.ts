import { indexAtTime, indexTimeline } from '../../core/spread/metrics';
import { Channel, type Timeline } from '../../core/spread/types';

/** Enough steps for a chart as wide as a screen; more would only cost path length. */
export const MAX_CHART_POINTS = 400;

/**
 * The reach chart's data: a step series of stacked channel counts. Point i holds from `times[i]` to
 * `times[i + 1]` (a step-after curve), and every array is cumulative, so each layer's top is the
 * next layer's bottom: `hardTop <= softTop <= total`.
 */
export interface ChartSeries {
  start: number;
  end: number;
  times: Float64Array;
  /** Origins plus hard-network deliveries: the bottom layer. */
  hardTop: Int32Array;
  /** hardTop plus soft adoptions. */
  softTop: Int32Array;
  /** softTop plus `outside` adoptions: everyone reached. */
  total: Int32Array;
  /** Reach had nobody passed it on (Timeline.hardOnlyReach). */
  hardOnlyReach: number;
  /** Time of the last origin or hard adoption: from here on the hard network has done its part. */
  hardDoneAt: number;
  /** Whether any adoption came from outside (the top layer is then drawn). */
  hasOutside: boolean;
}

/**
 * Builds the stacked step series of a timeline in at most `maxPoints` points. When the timeline has
 * few distinct times, each one is a point, so steps fall exactly where reach changes; otherwise the
 * span is cut into equal bins and each point shows the reach at its bin's start (what the player
 * shows at that moment), the last point being the final reach at `end`.
 */
export function chartSeries(timeline: Timeline, maxPoints = MAX_CHART_POINTS): ChartSeries {
  if (!(Number.isInteger(maxPoints) && maxPoints >= 2))
    throw new RangeError(`maxPoints must be an integer >= 2, got ${maxPoints}`);
  const n = timeline.length;
  const start = n > 0 ? timeline.time[0] : 0;
  const end = n > 0 ? timeline.time[n - 1] : 0;
  const times = sampleTimes(timeline, maxPoints, start, end);
  const { cumulative } = indexTimeline(timeline);
  const count = times.length;
  const hardTop = new Int32Array(count);
  const softTop = new Int32Array(count);
  const total = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const rows = indexAtTime(timeline, times[i]);
    hardTop[i] = cumulative[Channel.origin][rows] + cumulative[Channel.hard][rows];
    softTop[i] = hardTop[i] + cumulative[Channel.soft][rows];
    total[i] = rows;
  }
  let hardDoneAt = start;
  for (let i = n - 1; i >= 0; i--) {
    if (timeline.channel[i] === Channel.origin || timeline.channel[i] === Channel.hard) {
      hardDoneAt = timeline.time[i];
      break;
    }
  }
  return {
    start,
    end,
    times,
    hardTop,
    softTop,
    total,
    hardOnlyReach: timeline.hardOnlyReach,
    hardDoneAt,
    hasOutside: cumulative[Channel.outside][n] > 0,
  };
}

/** The distinct adoption times when they fit in `maxPoints`, else `maxPoints` evenly spaced times. */
function sampleTimes(
  timeline: Timeline,
  maxPoints: number,
  start: number,
  end: number,
): Float64Array {
  const n = timeline.length;
  if (n === 0) return new Float64Array([0]);
  const distinct: number[] = [];
  for (let i = 0; i < n && distinct.length <= maxPoints; i++) {
    if (i === 0 || timeline.time[i] !== timeline.time[i - 1]) distinct.push(timeline.time[i]);
  }
  if (distinct.length <= maxPoints) return Float64Array.from(distinct);
  const bins = maxPoints - 1;
  const times = new Float64Array(maxPoints);
  // The last point is `end` itself, not start + bins · step, which rounding could leave short.
  for (let i = 0; i < bins; i++) times[i] = start + ((end - start) * i) / bins;
  times[bins] = end;
  return times;
}
