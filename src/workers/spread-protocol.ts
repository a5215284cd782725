import type { Csr } from '../core/graph/csr';
import {
  influenceSteps,
  type InfluenceOptions,
  type InfluenceResult,
} from '../core/spread/influence-maximization';
import { sampleReachSteps, type ReachSamples } from '../core/spread/monte-carlo';
import type { Scenario } from '../core/spread/types';
import type { SpreadWorkspace } from '../core/spread/workspace';
import { sweepSteps, type SweepSums } from '../core/spread/worth-sweep';

/**
 * Messages between the main thread and the spread workers, imported by both sides. The graph
 * crosses once per dataset (structured clone: every worker needs its own copy); jobs then name it
 * by `graphId`, so a job can never run on a stale graph.
 */

export interface GraphMessage {
  type: 'graph';
  graphId: number;
  nodeCount: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  edges: Int32Array;
}

/** A share of the work of one request; Monte Carlo and sweeps split by runs. */
export type SpreadJob =
  | { kind: 'monte-carlo'; scenario: Scenario; firstRun: number; count: number }
  | { kind: 'sweep'; scenario: Scenario; worths: number[]; firstRun: number; count: number }
  | { kind: 'influence'; scenario: Scenario; options: InfluenceOptions };

export type JobResult =
  | { kind: 'monte-carlo'; samples: ReachSamples }
  | { kind: 'sweep'; sums: SweepSums }
  | { kind: 'influence'; result: InfluenceResult };

export type SpreadRequest =
  | GraphMessage
  /** Starts a job, replacing any job the worker is running (that one ends with `cancelled`). */
  | { type: 'run'; jobId: number; graphId: number; job: SpreadJob }
  | { type: 'cancel'; jobId: number };

export type SpreadResponse =
  /** `done` of `total` in the job's own units (runs, spreads, or thousandths). */
  | { type: 'progress'; jobId: number; done: number; total: number }
  | { type: 'result'; jobId: number; result: JobResult }
  | { type: 'cancelled'; jobId: number }
  | { type: 'error'; jobId: number; message: string };

export function graphMessage(graphId: number, csr: Csr): GraphMessage {
  const { nodeCount, offsets, targets, weights, edges } = csr;
  return { type: 'graph', graphId, nodeCount, offsets, targets, weights, edges };
}

export function csrOf(message: GraphMessage): Csr {
  const { nodeCount, offsets, targets, weights, edges } = message;
  return { nodeCount, offsets, targets, weights, edges };
}

/** A job's progress after one step, in the units of its progress messages. */
export interface JobStep {
  done: number;
  total: number;
}

/**
 * The core step generator that does a job, wrapped to report progress and to end in a JobResult:
 * the worker drives it in time slices; tests drive it directly.
 */
export function* jobSteps(
  csr: Csr,
  job: SpreadJob,
  workspace: SpreadWorkspace,
): Generator<JobStep, JobResult, void> {
  switch (job.kind) {
    case 'monte-carlo': {
      const steps = sampleReachSteps(csr, job.scenario, job.firstRun, job.count, workspace);
      const samples = yield* counted(steps, job.count);
      return { kind: 'monte-carlo', samples };
    }
    case 'sweep': {
      const { scenario, worths, firstRun, count } = job;
      const steps = sweepSteps(csr, scenario, worths, firstRun, count, workspace);
      const sums = yield* counted(steps, count * worths.length);
      return { kind: 'sweep', sums };
    }
    case 'influence': {
      const steps = influenceSteps(csr, job.scenario, job.options, workspace);
      for (;;) {
        const step = steps.next();
        if (step.done) return { kind: 'influence', result: step.value };
        yield { done: Math.round(step.value.progress * 1000), total: 1000 };
      }
    }
    default:
      return assertNever(job);
  }
}

function* counted<T>(
  steps: Generator<number, T, void>,
  total: number,
): Generator<JobStep, T, void> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    yield { done: step.value, total };
  }
}

/** For exhaustive switches: a compile error when a message kind is not handled. */
export function assertNever(value: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(value)}`);
}
