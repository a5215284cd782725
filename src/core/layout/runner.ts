import iterate from 'graphology-layout-forceatlas2/iterate.js';
import {
  DEFAULT_CONVERGENCE,
  convergedAtRest,
  initialConvergence,
  relativeDisplacement,
  updateConvergence,
  type ConvergenceOptions,
  type ConvergenceState,
} from './convergence';
import {
  buildMatrices,
  readPositions,
  writeSizes,
  type Fa2Matrices,
  type LayoutGraphArrays,
} from './matrices';
import type { Fa2Settings } from './settings';

/** Why a batch ended. */
export type BatchEnd = 'converged' | 'deadline' | 'iterations';

export interface BatchLimits {
  /** Stop after this many iterations at most. */
  maxIterations: number;
  /** Stop once `now()` reaches this value (same clock as `now`); checked after every iteration. */
  deadline?: number;
  now?: () => number;
}

/**
 * The FA2 loop with its convergence watch, free of any timer or message: the worker drives it in
 * time slices, tests drive it by iteration count. One instance per dataset.
 */
export class Fa2Runner {
  readonly nodeCount: number;
  readonly matrices: Fa2Matrices;
  private settingsValue: Fa2Settings;
  private readonly convergenceOptions: ConvergenceOptions;
  private state: ConvergenceState;
  // Two position buffers swapped each iteration, so measuring motion allocates nothing.
  private before: Float32Array;
  private after: Float32Array;

  constructor(
    input: LayoutGraphArrays,
    settings: Fa2Settings,
    convergence: ConvergenceOptions = DEFAULT_CONVERGENCE,
  ) {
    this.matrices = buildMatrices(input);
    this.nodeCount = input.nodeCount;
    this.settingsValue = settings;
    this.convergenceOptions = convergence;
    this.before = readPositions(this.matrices.nodes);
    this.after = new Float32Array(this.before.length);
    this.state = this.nodeCount < 2 ? convergedAtRest(initialConvergence()) : initialConvergence();
  }

  get settings(): Fa2Settings {
    return this.settingsValue;
  }

  get convergence(): ConvergenceState {
    return this.state;
  }

  get iterations(): number {
    return this.state.iterations;
  }

  /**
   * New settings change the equilibrium, so the layout is no longer known to be still: the convergence
   * watch starts over (keeping the iteration count).
   */
  updateSettings(settings: Fa2Settings): void {
    this.settingsValue = settings;
    this.restartWatch();
  }

  /** New node sizes (layout units) for `adjustSizes`; they change the equilibrium too. */
  setSizes(sizes: Float32Array): void {
    writeSizes(this.matrices.nodes, sizes);
    this.restartWatch();
  }

  /** Lets a converged run keep going (a user asked for more), watching for convergence afresh. */
  restartWatch(): void {
    if (this.nodeCount < 2) return;
    this.state = { ...initialConvergence(), iterations: this.state.iterations };
  }

  /** One FA2 iteration; returns the relative displacement it caused. */
  step(): number {
    iterate(this.settingsValue, this.matrices.nodes, this.matrices.edges);
    readPositions(this.matrices.nodes, this.after);
    const measure = relativeDisplacement(this.before, this.after);
    const previous = this.before;
    this.before = this.after;
    this.after = previous;
    this.state = updateConvergence(this.state, measure, this.convergenceOptions);
    return measure;
  }

  /** Iterates until converged, out of iterations, or past the deadline, whichever comes first. */
  runBatch(limits: BatchLimits): BatchEnd {
    if (this.state.converged) return 'converged';
    const { maxIterations, deadline, now } = limits;
    for (let i = 0; i < maxIterations; i++) {
      this.step();
      if (this.state.converged) return 'converged';
      if (deadline !== undefined && now && now() >= deadline) return 'deadline';
    }
    return 'iterations';
  }

  /** A fresh copy of the current positions (x, y interleaved), safe to transfer to another thread. */
  positions(): Float32Array {
    return this.before.slice();
  }
}
