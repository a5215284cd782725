/** Timer functions, a seam for tests. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs `task` at most once per `delayMs`, always after the latest request: the first `schedule()`
 * starts a timer and later ones ride on it. Not a pure debounce, on purpose: while a replay plays,
 * requests come every frame and a debounce would never fire.
 */
export class Throttle {
  private handle: unknown = null;

  constructor(
    private readonly task: () => void,
    private readonly delayMs: () => number,
    private readonly timers: Timers = browserTimers,
  ) {}

  get pending(): boolean {
    return this.handle !== null;
  }

  schedule(): void {
    if (this.handle !== null) return;
    this.handle = this.timers.set(() => {
      this.handle = null;
      this.task();
    }, this.delayMs());
  }

  /** Runs a scheduled task now (the page is being hidden or closed). */
  flush(): void {
    if (this.handle === null) return;
    this.cancel();
    this.task();
  }

  cancel(): void {
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
  }
}
