import { Channel, type Timeline } from './types';

/** Counts of adoptions up to some time, by channel. */
export interface Reach {
  total: number;
  origin: number;
  hard: number;
  soft: number;
  outside: number;
}

/**
 * Prefix counts of a timeline per channel: `cumulative[c][i]` is the number of channel-c adoptions
 * among the first i rows. Built once in O(n); every query after that is a binary search, cheap
 * enough for the player to call each frame.
 */
export interface TimelineIndex {
  timeline: Timeline;
  /** Indexed by Channel; each of length timeline.length + 1. */
  cumulative: readonly [Int32Array, Int32Array, Int32Array, Int32Array];
}

export function indexTimeline(timeline: Timeline): TimelineIndex {
  const n = timeline.length;
  const cumulative = [
    new Int32Array(n + 1),
    new Int32Array(n + 1),
    new Int32Array(n + 1),
    new Int32Array(n + 1),
  ] as const;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 4; c++) cumulative[c][i + 1] = cumulative[c][i];
    cumulative[timeline.channel[i]][i + 1]++;
  }
  return { timeline, cumulative };
}

/**
 * Timelines are never mutated once made, so each gets its index built on first query and reused;
 * the WeakMap lets both go together when the timeline is dropped.
 */
const indexCache = new WeakMap<Timeline, TimelineIndex>();

function indexOf(source: Timeline | TimelineIndex): TimelineIndex {
  if ('cumulative' in source) return source;
  let index = indexCache.get(source);
  if (!index) {
    index = indexTimeline(source);
    indexCache.set(source, index);
  }
  return index;
}

/**
 * Number of adoptions with time <= t; equivalently, the row index of the first adoption after t.
 * Binary search, O(log n). NaN counts as before the start.
 */
export function indexAtTime(timeline: Timeline, t: number): number {
  const { time, length } = timeline;
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (time[mid] <= t) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Reach among the first `count` rows. */
export function reachAtIndex(source: Timeline | TimelineIndex, count: number): Reach {
  const { cumulative } = indexOf(source);
  return {
    total: count,
    origin: cumulative[Channel.origin][count],
    hard: cumulative[Channel.hard][count],
    soft: cumulative[Channel.soft][count],
    outside: cumulative[Channel.outside][count],
  };
}

/** Adoptions with time <= t, by channel. O(log n) once the timeline's index exists. */
export function reachAt(source: Timeline | TimelineIndex, t: number): Reach {
  const index = indexOf(source);
  return reachAtIndex(index, indexAtTime(index.timeline, t));
}

export function finalReach(source: Timeline | TimelineIndex): Reach {
  const index = indexOf(source);
  return reachAtIndex(index, index.timeline.length);
}

/**
 * Amplification: total reach divided by what the hard network achieved, origins included; how many
 * times further the message went because people passed it on. 87 reached, of which 6 were origins
 * or hard-network deliveries: 87 / 6 = 14.5x. 1x means nobody passed it on.
 *
 * Computed from a Reach so the live figure agrees with the reach cards at every moment of a replay.
 * At the end it equals `timeline.length / timeline.hardOnlyReach`, except when a delivered hard
 * member heard the story soft first (the timeline then records them as soft, while hardOnlyReach
 * counts the delivery). NaN when nothing came from an origin or the hard network yet (a recorded
 * dataset with only `outside` adoptions so far): show it as a dash.
 */
export function amplification(reach: Reach): number {
  const base = reach.origin + reach.hard;
  return base > 0 ? reach.total / base : Number.NaN;
}
