import type { Fa2Settings } from '../core/layout/settings';
import type { LayoutStatus, MainToWorker, WorkerToMain } from '../core/layout/protocol';
import { assertNever } from '../core/layout/protocol';

export type { LayoutStatus } from '../core/layout/protocol';

export interface LayoutInput {
  nodeCount: number;
  /** Dataset coordinates, x, y interleaved; NaN where a node has none. Omit to compute a placement. */
  positions?: Float32Array | null;
  sources: Int32Array;
  targets: Int32Array;
  weights?: Float32Array | Float64Array | null;
  /** Overrides on top of the inferred settings. */
  settings?: Partial<Fa2Settings>;
  /** Stop after this much running time even if not converged (default 60 s). */
  timeBudgetMs?: number;
  /** Placement seed (default 1): same seed, same start layout. */
  seed?: number;
  /** Node radii as drawn (CSS pixels), used when `adjustSizes` is on. */
  sizes?: Float32Array | null;
  /** Show usable dataset coordinates as they are and wait for `resume` (default false: run). */
  keepGiven?: boolean;
}

export interface LayoutCallbacks {
  /**
   * Latest positions (x, y interleaved, owned by the callee), called at most once per animation
   * frame: intermediate posts are dropped, so applying them to the graph can never fall behind.
   */
  onPositions(positions: Float32Array, progress: number, iterations: number): void;
  onStatus(status: LayoutStatus): void;
}

/** Seams for tests; the defaults are the browser's. */
export interface LayoutClientEnvironment {
  createWorker(): Worker;
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
}

const browserEnvironment: LayoutClientEnvironment = {
  createWorker: () =>
    new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'layout' }),
  requestFrame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
};

export const DEFAULT_TIME_BUDGET_MS = 60_000;

interface PendingFrame {
  positions: Float32Array;
  progress: number;
  iterations: number;
}

/**
 * Main-thread side of the layout worker. One worker per dataset: `start` on a new dataset
 * terminates the previous worker, so nothing from an old run can arrive late.
 */
export class LayoutClient {
  private worker: Worker | null = null;
  private pending: PendingFrame | null = null;
  private frameHandle: number | null = null;
  private readonly environment: LayoutClientEnvironment;

  constructor(
    private readonly callbacks: LayoutCallbacks,
    environment: Partial<LayoutClientEnvironment> = {},
  ) {
    this.environment = { ...browserEnvironment, ...environment };
  }

  /**
   * Starts laying out a dataset. Arrays are copied (structured clone), not transferred: the caller's
   * arrays stay usable, e.g. by the spread engine.
   */
  start(input: LayoutInput): void {
    this.dispose();
    const worker = this.environment.createWorker();
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<WorkerToMain>) => {
      if (this.worker === worker) this.receive(event.data);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      if (this.worker === worker)
        this.failed(event.message || 'the layout worker failed to load or crashed');
    };
    worker.onmessageerror = () => {
      if (this.worker === worker) this.failed('a message from the layout worker could not be read');
    };
    this.send({
      type: 'start',
      nodeCount: input.nodeCount,
      positions: input.positions ?? null,
      sources: input.sources,
      targets: input.targets,
      weights: input.weights ?? null,
      settings: input.settings ?? {},
      timeBudgetMs: input.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS,
      seed: input.seed ?? 1,
      sizes: input.sizes ?? null,
      keepGiven: input.keepGiven ?? false,
    });
  }

  pause(): void {
    this.send({ type: 'pause' });
  }

  /** Continues a paused run, or keeps refining one that converged or ran out of time. */
  resume(): void {
    this.send({ type: 'resume' });
  }

  /** Ends the run; final positions and a `stopped` status follow. The worker stays until dispose/start. */
  stop(): void {
    this.send({ type: 'stop' });
  }

  updateSettings(settings: Partial<Fa2Settings>): void {
    this.send({ type: 'settings', settings });
  }

  /** Terminates the worker and drops undelivered positions. Safe to call more than once. */
  dispose(): void {
    if (this.frameHandle !== null) this.environment.cancelFrame(this.frameHandle);
    this.frameHandle = null;
    this.pending = null;
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      worker.terminate();
    }
  }

  private send(message: MainToWorker): void {
    this.worker?.postMessage(message);
  }

  private receive(message: WorkerToMain): void {
    switch (message.type) {
      case 'positions':
        this.pending = {
          positions: message.positions,
          progress: message.progress,
          iterations: message.iterations,
        };
        if (this.frameHandle === null) {
          this.frameHandle = this.environment.requestFrame(() => {
            this.frameHandle = null;
            this.flush();
          });
        }
        return;
      case 'status':
        // The worker posts final positions just before a final status: deliver them first, so
        // whoever reacts to "converged" sees the converged drawing.
        if (this.frameHandle !== null) this.environment.cancelFrame(this.frameHandle);
        this.frameHandle = null;
        this.flush();
        this.callbacks.onStatus(message.status);
        return;
      default:
        assertNever(message);
    }
  }

  private flush(): void {
    const frame = this.pending;
    this.pending = null;
    if (frame) this.callbacks.onPositions(frame.positions, frame.progress, frame.iterations);
  }

  private failed(message: string): void {
    const worker = this.worker;
    this.dispose();
    if (worker) this.callbacks.onStatus({ type: 'error', message: `Layout failed: ${message}` });
  }
}
