import { describe, expect, it } from 'vitest';
import {
  clampSeconds,
  encodableSize,
  frameCount,
  frameTimes,
  frameTimestamp,
  videoCaption,
  videoFileName,
} from '../../../src/core/export/video-frames';
import { quietPeriodWarp } from '../../../src/core/spread/time-warp';
import { Channel, type Timeline } from '../../../src/core/spread/types';

const timelineAt = (times: number[]): Timeline => ({
  length: times.length,
  time: Float64Array.from(times),
  node: Int32Array.from(times.map((_, i) => i)),
  via: new Int32Array(times.length).fill(-1),
  channel: new Uint8Array(times.length).fill(Channel.soft),
  timeUnit: 'hours',
  hardOnlyReach: 1,
});

describe('frameCount', () => {
  it('is seconds × fps, rounded, at least one', () => {
    expect(frameCount(2, 10)).toBe(20);
    expect(frameCount(10, 24)).toBe(240);
    expect(frameCount(1.5, 30)).toBe(45);
    expect(frameCount(0, 30)).toBe(30); // clamped to the one-second minimum
  });

  it('clamps the duration to the offered range', () => {
    expect(clampSeconds(Number.NaN)).toBe(1);
    expect(clampSeconds(-3)).toBe(1);
    expect(clampSeconds(1e6)).toBe(120);
    expect(clampSeconds(7.5)).toBe(7.5);
  });
});

describe('frameTimes', () => {
  it('spreads the frames evenly from the first adoption to the last, both included', () => {
    const times = frameTimes({ start: 2, end: 12 }, 1, 11);
    expect(times.length).toBe(11);
    expect(Array.from(times)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('shows the end when there is a single frame or the span is empty', () => {
    expect(Array.from(frameTimes({ start: 5, end: 5 }, 1, 3))).toEqual([5, 5, 5]);
    expect(frameTimes({ start: 0, end: 9 }, 1, 1)[0]).toBe(9);
  });

  it('paces the frames on the replay clock, skipping quiet periods like the player', () => {
    // Adoptions at 0..2, silence, then 98..100: a faithful clock would spend most frames on nothing.
    const timeline = timelineAt([0, 1, 2, 98, 99, 100]);
    const warp = quietPeriodWarp(timeline, 1 / 20);
    const times = frameTimes({ start: 0, end: 100, warp }, 1, 30);
    const silent = (ts: Float64Array) => Array.from(ts).filter((t) => t > 2 && t < 98).length;
    // The silence shrinks to 5 of 9 warped hours (about 16 frames of 30) instead of 96 of 100.
    expect(silent(times)).toBeLessThanOrEqual(17);
    expect(silent(frameTimes({ start: 0, end: 100 }, 1, 30))).toBeGreaterThanOrEqual(27);
    expect(times[0]).toBe(0);
    expect(times[times.length - 1]).toBe(100);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]);
  });

  it('puts frames at exact multiples of the frame duration', () => {
    expect(frameTimestamp(0, 30)).toBe(0);
    expect(frameTimestamp(15, 30)).toBe(0.5);
    expect(frameTimestamp(19, 10)).toBeCloseTo(1.9, 12);
  });
});

describe('encodableSize', () => {
  it('makes both sides even and whole', () => {
    expect(encodableSize(901, 655.5)).toEqual({ width: 900, height: 654 });
    expect(encodableSize(1280, 720)).toEqual({ width: 1280, height: 720 });
  });

  it('shrinks what is too large, keeping the aspect ratio', () => {
    expect(encodableSize(7680, 4320)).toEqual({ width: 3840, height: 2160 });
  });

  it('never goes below 16 pixels a side', () => {
    expect(encodableSize(3, 0)).toEqual({ width: 16, height: 16 });
  });
});

describe('naming and captions', () => {
  it('names the file after the dataset, like the PNG', () => {
    expect(videoFileName('school-network')).toBe('school-network_spread.webm');
    expect(videoFileName('')).toBe('dataset_spread.webm');
  });

  it('says the time and the reach by channel', () => {
    const reach = { total: 26, origin: 1, hard: 3, soft: 22, outside: 0 };
    expect(videoCaption('2 h 05 min', reach, 134)).toBe(
      '2 h 05 min · reached 26 of 134: 3 hard network, 22 person to person',
    );
    expect(videoCaption('x', { ...reach, outside: 2 }, 134)).toContain(', 2 from outside');
  });
});
