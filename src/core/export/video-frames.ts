import type { Reach } from '../spread/metrics';
import { IDENTITY_WARP, type TimeWarp } from '../spread/time-warp';

/** Frame rates offered for video export. */
export const VIDEO_FRAME_RATES = [24, 30, 60] as const;
export type VideoFrameRate = (typeof VIDEO_FRAME_RATES)[number];

/** Shortest and longest video, in seconds: long enough to see the spread, short enough to encode. */
export const VIDEO_SECONDS = { min: 1, max: 120 } as const;

/** Sizes offered besides "the current view", in pixels. */
export const VIDEO_SIZES = {
  '360p': { width: 640, height: 360 },
  '720p': { width: 1280, height: 720 },
  '1080p': { width: 1920, height: 1080 },
} as const;

/** The most pixels a side may have: VP9 encoders accept more, but software rendering would crawl. */
const MAX_SIDE = 3840;

export interface FrameSpan {
  /** First and last adoption times, in the timeline's units. */
  start: number;
  end: number;
  /** The replay's clock (quiet periods shortened), so the video paces the spread as the player does. */
  warp?: TimeWarp;
}

/** How many frames a video of `seconds` at `fps` has: at least one. */
export function frameCount(seconds: number, fps: number): number {
  return Math.max(1, Math.round(clampSeconds(seconds) * fps));
}

export function clampSeconds(seconds: number): number {
  if (!Number.isFinite(seconds)) return VIDEO_SECONDS.min;
  return Math.min(VIDEO_SECONDS.max, Math.max(VIDEO_SECONDS.min, seconds));
}

/**
 * The timeline time each frame shows, in the timeline's units. Frames are evenly spaced on the
 * replay clock from the first adoption to the last, both included: the video opens on the origin
 * alone and closes on the whole spread, whatever its length. A recorded spread's overnight silences
 * are shortened as in the player (`warp`), so the video does not show nothing for most of its length.
 */
export function frameTimes(span: FrameSpan, seconds: number, fps: number): Float64Array {
  const warp = span.warp ?? IDENTITY_WARP;
  const count = frameCount(seconds, fps);
  const from = warp.toWarped(span.start);
  const to = warp.toWarped(Math.max(span.end, span.start));
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const w = count === 1 ? to : from + ((to - from) * i) / (count - 1);
    // The warp maps back with float error; clamp so the last frame is exactly the end.
    times[i] = Math.min(span.end, Math.max(span.start, warp.toReal(w)));
  }
  if (count > 1) times[count - 1] = Math.max(span.end, span.start);
  return times;
}

/** When frame `index` starts in the video, in seconds: exact multiples of the frame duration. */
export function frameTimestamp(index: number, fps: number): number {
  return index / fps;
}

/**
 * A size the encoder takes: whole, even pixels (VP9 in 4:2:0 halves each side for colour), at
 * least 16 and at most MAX_SIDE per side, keeping the aspect ratio when it has to shrink.
 */
export function encodableSize(width: number, height: number): { width: number; height: number } {
  const shrink = Math.min(1, MAX_SIDE / Math.max(width, height, 1));
  const even = (side: number) => Math.max(16, 2 * Math.floor((side * shrink) / 2));
  return { width: even(width), height: even(height) };
}

/** `school-network_spread.webm`: the dataset, then what the file shows. */
export function videoFileName(datasetSlug: string): string {
  return `${datasetSlug || 'dataset'}_spread.webm`;
}

/** "2 h 05 min · reached 26 of 134: 3 hard, 22 soft" — the time caption under each frame. */
export function videoCaption(timeLabel: string, reach: Reach, nodeCount: number): string {
  const outside = reach.outside > 0 ? `, ${reach.outside} from outside` : '';
  return `${timeLabel} · reached ${reach.total} of ${nodeCount}: ${reach.hard} hard network, ${reach.soft} person to person${outside}`;
}
