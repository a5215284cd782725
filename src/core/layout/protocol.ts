import type { Fa2Settings } from './settings';

/**
 * Messages between the main thread and the layout worker, imported by both sides. Positions are
 * always x, y interleaved (length 2 × nodeCount), in the node order of the start message.
 */

export interface StartMessage {
  type: 'start';
  nodeCount: number;
  /** Start coordinates, NaN where a node has none; omitted or mostly NaN → computed placement. */
  positions: Float32Array | null;
  sources: Int32Array;
  targets: Int32Array;
  /** Per-edge weights; null → every edge weighs 1. */
  weights: Float32Array | Float64Array | null;
  /** Overrides on top of the settings inferred from the graph (see settings.ts). */
  settings: Partial<Fa2Settings>;
  /** Wall-clock time after which the worker stops on its own even if not converged. */
  timeBudgetMs: number;
  /** Seed of the start placement's jitter. */
  seed: number;
  /** Node radii as drawn, in CSS pixels, for `adjustSizes` (prevent overlap); null → all 1. */
  sizes: Float32Array | null;
  /**
   * When the dataset's coordinates are usable: show them (repaired where non-finite) and wait for
   * `resume` instead of running, since someone chose them. Otherwise the run starts at once.
   */
  keepGiven: boolean;
}

export type MainToWorker =
  | StartMessage
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'settings'; settings: Partial<Fa2Settings> };

/**
 * Why a run ended without converging; `kept-coordinates`: it never ran, the dataset's own drawing
 * is shown (see `keepGiven`).
 */
export type StopReason = 'requested' | 'time-budget' | 'kept-coordinates';

/** Where a layout stands; `iterations` counts every FA2 iteration since start. */
export type LayoutStatus =
  | {
      type: 'running';
      iterations: number;
      progress: number;
      settings: Fa2Settings;
    }
  | { type: 'paused'; iterations: number; progress: number }
  | { type: 'converged'; iterations: number; elapsedMs: number }
  | { type: 'stopped'; reason: StopReason; iterations: number; progress: number; elapsedMs: number }
  | { type: 'error'; message: string };

export type WorkerToMain =
  | {
      type: 'positions';
      /** Transferred: the receiver owns it. */
      positions: Float32Array;
      iterations: number;
      /** 0..1 estimate of how settled the layout is. */
      progress: number;
    }
  | { type: 'status'; status: LayoutStatus };

/** For exhaustive switches: a compile error when a message kind is not handled. */
export function assertNever(value: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(value)}`);
}
