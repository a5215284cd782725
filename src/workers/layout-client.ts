import type { Fa2Settings } from '../core/layout/settings';
import type { LayoutStatus, MainToWorker, WorkerToMain } from '../core/layout/protocol';
import { assertNever } from '../core/layout/protocol';
import { SupervisedWorker, type WorkerCrash } from './supervisor';

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
  /** The worker died mid-run (after an `error` status saying so); the next `start` gets a fresh one. */
  onCrash?(crash: WorkerCrash): void;
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
  private worker: SupervisedWorker<MainToWorker, WorkerToMain> | null = null;
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
    const worker: SupervisedWorker<MainToWorker, WorkerToMain> = new SupervisedWorker({
      label: 'layout',
      create: () => this.environment.createWorker(),
      onMessage: (message) => {
        if (this.worker === worker) this.receive(message);
      },
      onCrash: (crash) => {
        if (this.worker === worker) this.crashed(crash);
      },
    });
    this.worker = worker;
    worker.post({
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
    worker?.stop();
  }

  /** Control messages go to a running worker only: none must start a fresh worker without data. */
  private send(message: MainToWorker): void {
    if (this.worker?.running) this.worker.post(message);
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

  private crashed(crash: WorkerCrash): void {
    this.dispose();
    this.callbacks.onStatus({ type: 'error', message: `Layout failed: ${crash.reason}` });
    this.callbacks.onCrash?.(crash);
  }
}
