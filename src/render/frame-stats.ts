/**
 * How much main-thread time the replay's per-frame work takes (moving the playhead, updating the
 * figures, asking sigma to redraw what changed). Benchmarks read it through the automation handle;
 * recording is two clock reads per frame.
 */
export class FrameStats {
  private count = 0;
  private total = 0;
  private max = 0;
  private changed = 0;

  record(milliseconds: number, changedItems: number): void {
    this.count++;
    this.total += milliseconds;
    this.max = Math.max(this.max, milliseconds);
    this.changed += changedItems;
  }

  snapshot(): { frames: number; meanMs: number; maxMs: number; meanChanged: number } {
    const frames = this.count;
    return {
      frames,
      meanMs: frames ? this.total / frames : 0,
      maxMs: this.max,
      meanChanged: frames ? this.changed / frames : 0,
    };
  }

  reset(): void {
    this.count = this.total = this.max = this.changed = 0;
  }
}
