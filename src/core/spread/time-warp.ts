import type { Timeline } from './types';

/**
 * A clock for replays that shortens quiet periods: recorded hashtags go silent overnight, and a
 * faithful replay would show nothing for most of its length. Between consecutive adoptions the
 * replay clock runs as real time, but no gap lasts longer than `maxGap`. Piecewise linear and
 * monotone, so it maps both ways; the identity when nothing needs shortening.
 */
export interface TimeWarp {
  toWarped(t: number): number;
  toReal(w: number): number;
}

export const IDENTITY_WARP: TimeWarp = { toWarped: (t) => t, toReal: (w) => w };

/** Gaps longer than `share` of the whole span are shortened to that length. */
export function quietPeriodWarp(timeline: Timeline, share = 1 / 30): TimeWarp {
  if (timeline.length < 2) return IDENTITY_WARP;
  const real: number[] = [timeline.time[0]];
  for (let row = 1; row < timeline.length; row++) {
    if (timeline.time[row] > real[real.length - 1]) real.push(timeline.time[row]);
  }
  const maxGap = (real[real.length - 1] - real[0]) * share;
  const warped = [real[0]];
  let shortened = false;
  for (let i = 1; i < real.length; i++) {
    const gap = real[i] - real[i - 1];
    if (gap > maxGap) shortened = true;
    warped.push(warped[i - 1] + Math.min(gap, maxGap));
  }
  if (!shortened) return IDENTITY_WARP;
  return {
    toWarped: (t) => interpolate(real, warped, t),
    toReal: (w) => interpolate(warped, real, w),
  };
}

/** Maps x from the `from` breakpoints to the `to` ones; beyond the ends, shifts by the end's offset. */
function interpolate(from: number[], to: number[], x: number): number {
  if (x <= from[0]) return to[0] + (x - from[0]);
  const last = from.length - 1;
  if (x >= from[last]) return to[last] + (x - from[last]);
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (from[mid] <= x) lo = mid;
    else hi = mid;
  }
  const span = from[hi] - from[lo];
  return to[lo] + (span > 0 ? ((x - from[lo]) / span) * (to[hi] - to[lo]) : 0);
}
