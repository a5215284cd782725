import { describe, expect, it } from 'vitest';
import { simulateSpread } from '../../../src/core/spread/independent-cascade';
import {
  amplification,
  finalReach,
  indexAtTime,
  indexTimeline,
  reachAt,
  type Reach,
} from '../../../src/core/spread/metrics';
import { Channel, type Timeline } from '../../../src/core/spread/types';
import { randomGraph, scenario } from './helpers';

function bruteReach(timeline: Timeline, t: number): Reach {
  const reach = { total: 0, origin: 0, hard: 0, soft: 0, outside: 0 };
  const names = ['origin', 'hard', 'soft', 'outside'] as const;
  for (let i = 0; i < timeline.length; i++) {
    if (timeline.time[i] > t) continue;
    reach.total++;
    reach[names[timeline.channel[i]]]++;
  }
  return reach;
}

/** A recorded-style timeline with every channel, including equal times. */
function handMade(): Timeline {
  const channel = [Channel.outside, Channel.origin, Channel.hard, Channel.hard, Channel.soft];
  return {
    length: 5,
    time: Float64Array.from([-1, 0, 2, 2, 5]),
    node: Int32Array.from([4, 0, 1, 2, 3]),
    via: Int32Array.from([-1, -1, 0, 0, 1]),
    channel: Uint8Array.from(channel),
    timeUnit: 'epoch-ms',
    hardOnlyReach: 3,
  };
}

describe('timeline metrics', () => {
  it('counts adoptions with time <= t by channel, like a linear scan', () => {
    const timeline = simulateSpread(
      randomGraph(2, 3000, 15000),
      scenario({ origins: [0, 1], worth: 0.3, delivery: 0.7 }),
    );
    expect(timeline.length).toBeGreaterThan(100);
    const index = indexTimeline(timeline);
    const probes = [-1, 0, Infinity, ...Array.from(timeline.time), 0.5, 1, 3, 10, 100];
    for (const t of probes) {
      expect(reachAt(index, t)).toEqual(bruteReach(timeline, t));
      expect(reachAt(timeline, t)).toEqual(bruteReach(timeline, t));
    }
    expect(finalReach(timeline)).toEqual(bruteReach(timeline, Infinity));
  });

  it('finds the index of the first adoption after t, counting ties as reached', () => {
    const timeline = handMade();
    expect(indexAtTime(timeline, -2)).toBe(0);
    expect(indexAtTime(timeline, -1)).toBe(1);
    expect(indexAtTime(timeline, 1.9)).toBe(2);
    expect(indexAtTime(timeline, 2)).toBe(4);
    expect(indexAtTime(timeline, 5)).toBe(5);
    expect(indexAtTime(timeline, Number.NaN)).toBe(0);
    expect(reachAt(timeline, 2)).toEqual({ total: 4, origin: 1, hard: 2, soft: 0, outside: 1 });
  });

  it('computes amplification as total over origins plus hard', () => {
    expect(amplification({ total: 87, origin: 1, hard: 5, soft: 81, outside: 0 })).toBe(14.5);
    expect(amplification({ total: 6, origin: 1, hard: 5, soft: 0, outside: 0 })).toBe(1);
    expect(amplification({ total: 3, origin: 0, hard: 0, soft: 0, outside: 3 })).toBeNaN();
    expect(amplification(finalReach(handMade()))).toBeCloseTo(5 / 3);
  });

  it('handles an empty timeline', () => {
    const empty = simulateSpread(randomGraph(1, 10, 10), scenario({ origins: [] }));
    expect(finalReach(empty)).toEqual({ total: 0, origin: 0, hard: 0, soft: 0, outside: 0 });
    expect(indexAtTime(empty, 10)).toBe(0);
  });
});
