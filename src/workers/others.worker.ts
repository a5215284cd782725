/// <reference lib="webworker" />
/**
 * Tribes (Louvain, modularity) and bridges (betweenness) off the main thread. Thin: the work is in
 * core/others/tribes.ts (tested in node); this file drives its steps in time slices so that
 * progress goes out, and reports the result or the error.
 */
import { tribesSteps, type TribesFound, type TribesStep } from '../core/others/tribes';
import {
  assertNever,
  resultTransferables,
  type OthersRequest,
  type OthersResponse,
  type OthersResult,
} from './others-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** Progress a few times a second is plenty; slices between posts cost nothing measurable. */
const SLICE_MS = 100;

function post(message: OthersResponse, transfer: ArrayBuffer[] = []): void {
  scope.postMessage(message, transfer);
}

function fail(jobId: number, error: unknown): void {
  post({ type: 'error', jobId, message: error instanceof Error ? error.message : String(error) });
}

/**
 * Runs the steps in slices; between slices a zero-delay timer lets the event loop breathe. No
 * message has to get in (the client cancels by terminating us), so the timer's 4 ms clamp on
 * nested timeouts costs at most 4% of a slice, and no MessageChannel is needed.
 */
function drive(jobId: number, steps: Generator<TribesStep, TribesFound, void>): void {
  const end = performance.now() + SLICE_MS;
  try {
    let step = steps.next();
    // Report before Louvain, which runs in one go: the page says what it waits for.
    if (!step.done && step.value.phase === 'tribes')
      post({ type: 'progress', jobId, step: step.value });
    while (!step.done && performance.now() < end) step = steps.next();
    if (step.done) {
      const result: OthersResult = { kind: 'tribes', found: step.value };
      post({ type: 'result', jobId, result }, resultTransferables(result));
      return;
    }
    post({ type: 'progress', jobId, step: step.value });
  } catch (error) {
    fail(jobId, error);
    return;
  }
  setTimeout(() => drive(jobId, steps), 0);
}

scope.onmessage = (event: MessageEvent<OthersRequest>) => {
  const message = event.data;
  switch (message.type) {
    case 'run': {
      const { job } = message;
      switch (job.kind) {
        case 'tribes':
          drive(message.jobId, tribesSteps(message.ties, job.options));
          return;
        default:
          return assertNever(job.kind);
      }
    }
    default:
      return assertNever(message.type);
  }
};
