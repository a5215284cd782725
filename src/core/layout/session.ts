import { startPositions } from './placement';
import {
  assertNever,
  type LayoutStatus,
  type MainToWorker,
  type StartMessage,
  type WorkerToMain,
} from './protocol';
import { Fa2Runner } from './runner';
import { inferSettings, mergeSettings, type Fa2Settings } from './settings';
import { sizesInLayoutUnits } from './sizes';

/** What the session needs from its thread; the worker passes real ones, tests pass fakes. */
export interface SessionHost {
  post(message: WorkerToMain, transfer: ArrayBuffer[]): void;
  /** Calls `task` after yielding to the event loop, so pause/stop messages are handled in between. */
  yieldThen(task: () => void): void;
  now(): number;
}

export interface SessionTiming {
  /** Iterate this long before yielding: long enough to amortise the yield, short enough to react to pause. */
  sliceMs: number;
  /** Post positions at most this often: about one display frame; more would only be dropped. */
  postIntervalMs: number;
}

export const DEFAULT_TIMING: SessionTiming = { sliceMs: 12, postIntervalMs: 16 };

/** Never more than this many iterations between two yields, whatever the clock says. */
const MAX_ITERATIONS_PER_SLICE = 10_000;

type Phase = 'idle' | 'running' | 'paused' | 'finished';

/**
 * The layout worker's behaviour, free of worker globals: one FA2 run driven in time slices, with
 * positions posted at most once per frame interval and a status for every change of phase.
 */
export class LayoutSession {
  private phase: Phase = 'idle';
  private runner: Fa2Runner | null = null;
  private lastStatus: LayoutStatus | null = null;
  private tickPending = false;
  private budgetMs = Infinity;
  private activeMs = 0;
  private runningSince = 0;
  private lastPostAt = -Infinity;
  /** Rendered radii (CSS pixels) from the start message, converted when `adjustSizes` goes on. */
  private pixelSizes: Float32Array | null = null;

  constructor(
    private readonly host: SessionHost,
    private readonly timing: SessionTiming = DEFAULT_TIMING,
  ) {}

  handle(message: MainToWorker): void {
    try {
      switch (message.type) {
        case 'start':
          return this.start(message);
        case 'pause':
          return this.pause();
        case 'resume':
          return this.resume();
        case 'stop':
          return this.stop();
        case 'settings':
          return this.updateSettings(message.settings);
        default:
          return assertNever(message);
      }
    } catch (error) {
      this.fail(error);
    }
  }

  private start(message: StartMessage): void {
    const withSizes = message.sizes !== null && message.sizes.length === message.nodeCount;
    const shape = { nodeCount: message.nodeCount, edgeCount: message.sources.length, withSizes };
    const settings = mergeSettings(inferSettings(shape), message.settings);
    const placement = startPositions({
      nodeCount: message.nodeCount,
      sources: message.sources,
      targets: message.targets,
      weights: message.weights,
      given: message.positions,
      seed: message.seed,
      settings,
    });
    this.runner = new Fa2Runner(
      {
        nodeCount: message.nodeCount,
        positions: placement.positions,
        sources: message.sources,
        targets: message.targets,
        weights: message.weights ?? undefined,
      },
      settings,
    );
    this.pixelSizes = withSizes ? message.sizes : null;
    if (settings.adjustSizes) this.applySizes();
    this.budgetMs = message.timeBudgetMs > 0 ? message.timeBudgetMs : Infinity;
    this.activeMs = 0;
    // Show the start placement right away: it is already a readable picture.
    this.postPositions();
    if (message.keepGiven && placement.origin !== 'placed') {
      this.phase = 'finished';
      const { iterations, progress } = this.runner.convergence;
      this.postStatus({
        type: 'stopped',
        reason: 'kept-coordinates',
        iterations,
        progress,
        elapsedMs: 0,
      });
      return;
    }
    this.enterRunning();
  }

  /**
   * Sizes in layout units for the drawing as it is now: measured against the current extent, so
   * switching anti-collision on mid-run separates the discs as they are drawn at that moment.
   */
  private applySizes(): void {
    const runner = this.runner;
    if (!runner || !this.pixelSizes) return;
    runner.setSizes(sizesInLayoutUnits(this.pixelSizes, runner.positions()));
  }

  private pause(): void {
    if (this.phase !== 'running' || !this.runner) return;
    this.activeMs += this.host.now() - this.runningSince;
    this.phase = 'paused';
    this.postPositions();
    const { iterations, progress } = this.runner.convergence;
    this.postStatus({ type: 'paused', iterations, progress });
  }

  /** Resumes a paused run, or lets a converged or timed-out run continue (the user asked for more). */
  private resume(): void {
    if (!this.runner) {
      if (this.lastStatus) this.postStatus(this.lastStatus);
      return;
    }
    if (this.phase === 'running') return;
    if (this.phase === 'finished') {
      this.runner.restartWatch();
      this.activeMs = 0;
    }
    this.enterRunning();
  }

  private stop(): void {
    const runner = this.runner;
    if (!runner) return;
    if (this.phase === 'running') this.activeMs += this.host.now() - this.runningSince;
    this.postPositions();
    this.phase = 'finished';
    this.runner = null;
    const { iterations, progress } = runner.convergence;
    this.postStatus({
      type: 'stopped',
      reason: 'requested',
      iterations,
      progress,
      elapsedMs: this.activeMs,
    });
  }

  private updateSettings(overrides: Partial<Fa2Settings>): void {
    if (!this.runner) return;
    const wasAdjusting = this.runner.settings.adjustSizes;
    this.runner.updateSettings(mergeSettings(this.runner.settings, overrides));
    if (this.runner.settings.adjustSizes && !wasAdjusting) this.applySizes();
    // New settings mean a new equilibrium: a finished run starts moving again.
    if (this.phase === 'finished') {
      this.activeMs = 0;
      this.enterRunning();
    }
  }

  private enterRunning(): void {
    const runner = this.runner;
    if (!runner) return;
    this.phase = 'running';
    this.runningSince = this.host.now();
    const { iterations, progress } = runner.convergence;
    this.postStatus({ type: 'running', iterations, progress, settings: runner.settings });
    this.scheduleTick();
  }

  private scheduleTick(): void {
    if (this.tickPending) return;
    this.tickPending = true;
    this.host.yieldThen(() => {
      this.tickPending = false;
      try {
        this.tick();
      } catch (error) {
        this.fail(error);
      }
    });
  }

  private tick(): void {
    const runner = this.runner;
    if (this.phase !== 'running' || !runner) return;
    const now = () => this.host.now();
    const end = runner.runBatch({
      maxIterations: MAX_ITERATIONS_PER_SLICE,
      deadline: now() + this.timing.sliceMs,
      now,
    });
    const at = now();
    const elapsedMs = this.activeMs + (at - this.runningSince);
    if (end === 'converged') {
      this.finish(at);
      this.postStatus({ type: 'converged', iterations: runner.iterations, elapsedMs });
      return;
    }
    if (elapsedMs >= this.budgetMs) {
      this.finish(at);
      const { iterations, progress } = runner.convergence;
      this.postStatus({ type: 'stopped', reason: 'time-budget', iterations, progress, elapsedMs });
      return;
    }
    if (at - this.lastPostAt >= this.timing.postIntervalMs) this.postPositions();
    this.scheduleTick();
  }

  /** Ends a run on its own; the runner stays so that resume or new settings can continue it. */
  private finish(at: number): void {
    this.activeMs += at - this.runningSince;
    this.phase = 'finished';
    this.postPositions();
  }

  private postPositions(): void {
    const runner = this.runner;
    if (!runner) return;
    const positions = runner.positions();
    this.lastPostAt = this.host.now();
    const { iterations, progress } = runner.convergence;
    this.host.post({ type: 'positions', positions, iterations, progress }, [
      positions.buffer as ArrayBuffer,
    ]);
  }

  private postStatus(status: LayoutStatus): void {
    this.lastStatus = status;
    this.host.post({ type: 'status', status }, []);
  }

  private fail(error: unknown): void {
    this.phase = 'finished';
    this.runner = null;
    const message = error instanceof Error ? error.message : String(error);
    this.postStatus({ type: 'error', message: `Layout failed: ${message}` });
  }
}
