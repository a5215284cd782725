import type { LayoutStatus as WorkerLayoutStatus } from '../core/layout/protocol';

/** Where loading stands. `error` means the last attempt failed; the previous dataset, if any, stays. */
export type LoadStatus =
  | { type: 'idle' }
  | { type: 'loading'; name: string; progress: number }
  | { type: 'ready'; name: string }
  | { type: 'error'; message: string };

/** The layout worker's status, plus `idle` before any dataset. */
export type LayoutStatus = { type: 'idle' } | WorkerLayoutStatus;

export interface ReachFigures {
  total: number;
  origin: number;
  hard: number;
  soft: number;
  outside: number;
  /** Total reach / (origins + hard reach); NaN before anyone is reached. */
  amplification: number;
}
