/** Frames kept for the median: the last ten seconds or so at 60 fps. */
const KEPT = 600;

/**
 * How much main-thread time the replay's per-frame work takes (moving the playhead, updating the
 * figures, asking sigma to redraw what changed). Benchmarks read it through the automation handle;
 * recording is two clock reads per frame. The median is the figure to compare: one garbage
 * collection landing in a frame moves the mean of a short run a lot.
 */
export class FrameStats {
  private count = 0;
  private total = 0;
  private max = 0;
  private changed = 0;
  private readonly recent = new Float64Array(KEPT);

  record(milliseconds: number, changedItems: number): void {
    this.recent[this.count % KEPT] = milliseconds;
    this.count++;
    this.total += milliseconds;
    this.max = Math.max(this.max, milliseconds);
    this.changed += changedItems;
  }

  snapshot(): {
    frames: number;
    meanMs: number;
    medianMs: number;
    maxMs: number;
    meanChanged: number;
  } {
    const frames = this.count;
    const kept = this.recent.slice(0, Math.min(frames, KEPT)).sort();
    const middle = kept.length >> 1;
    const medianMs =
      kept.length === 0
        ? 0
        : kept.length % 2
          ? kept[middle]
          : (kept[middle - 1] + kept[middle]) / 2;
    return {
      frames,
      meanMs: frames ? this.total / frames : 0,
      medianMs,
      maxMs: this.max,
      meanChanged: frames ? this.changed / frames : 0,
    };
  }

  reset(): void {
    this.count = this.total = this.max = this.changed = 0;
  }
}
