/** Two frames at 60 Hz plus slack: below this, showing new positions costs no more than a frame. */
const CHEAP_MS = 50;

/**
 * Paces the layout's positions onto the drawing. New positions make sigma reprocess and redraw the
 * whole graph; on a big graph (or with a software GPU) that takes longer than a frame, and applying
 * positions as fast as the worker sends them would keep the main thread busy all the time. So after
 * positions that took C ms to show, the next ones wait until 2C has passed: the page stays
 * responsive at least half of the time, the layout worker keeps iterating meanwhile, and only the
 * latest positions are applied. Cheap frames are not delayed at all.
 */
export class PositionPacer {
  private pending: Float32Array | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writtenAt = 0;
  private costMs = 0;

  constructor(private readonly write: (xy: Float32Array) => void) {}

  offer(xy: Float32Array): void {
    this.pending = xy;
    if (this.timer !== undefined) return;
    const wait = this.writtenAt + 2 * this.costMs - performance.now();
    if (this.costMs < CHEAP_MS || wait <= 0) {
      this.writePending();
      return;
    }
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Writes the waiting positions now (the layout stopped: no newer ones will come). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writePending();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = null;
  }

  private writePending(): void {
    const xy = this.pending;
    this.pending = null;
    if (!xy) return;
    const at = performance.now();
    this.writtenAt = at;
    this.write(xy);
    // sigma reprocesses and draws in the next frame; a slow GPU shows its cost only in the frame
    // after that, when the drawing is composited: hence two frames.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => (this.costMs = performance.now() - at)),
    );
  }
}
