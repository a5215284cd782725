/// <reference lib="webworker" />
/**
 * Monte Carlo, worth sweeps and influence maximization off the main thread. Thin: the work is in
 * core/spread (tested in node); this file keeps the graph, slices a job's steps so that progress
 * goes out and cancel messages get in, and reports.
 */
import type { Csr } from '../core/graph/csr';
import { SpreadWorkspace } from '../core/spread/workspace';
import {
  assertNever,
  csrOf,
  jobSteps,
  type JobResult,
  type JobStep,
  type SpreadRequest,
  type SpreadResponse,
} from './spread-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** Long enough that yielding costs nothing measurable, short enough for a prompt Cancel. */
const SLICE_MS = 50;

let graph: { id: number; csr: Csr; workspace: SpreadWorkspace } | null = null;
let current: { jobId: number; steps: Generator<JobStep, JobResult, void> } | null = null;

// A MessageChannel round trip yields to the event loop without setTimeout's clamp on nested timers.
// One tick in flight at most: a job replacing another must not start a second chain of slices.
const channel = new MessageChannel();
let scheduled = false;
channel.port1.onmessage = () => {
  scheduled = false;
  slice();
};
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  channel.port2.postMessage(null);
}

function post(message: SpreadResponse): void {
  scope.postMessage(message);
}

function slice(): void {
  const job = current;
  if (!job) return;
  const end = performance.now() + SLICE_MS;
  try {
    let step = job.steps.next();
    while (!step.done && performance.now() < end) step = job.steps.next();
    if (step.done) {
      current = null;
      post({ type: 'result', jobId: job.jobId, result: step.value });
      return;
    }
    post({ type: 'progress', jobId: job.jobId, ...step.value });
  } catch (error) {
    current = null;
    post({
      type: 'error',
      jobId: job.jobId,
      message: error instanceof Error ? error.message : String(error),
    });
    return;
  }
  schedule();
}

function stopCurrent(): void {
  if (current) post({ type: 'cancelled', jobId: current.jobId });
  current = null;
}

scope.onmessage = (event: MessageEvent<SpreadRequest>) => {
  const message = event.data;
  switch (message.type) {
    case 'graph': {
      stopCurrent();
      const csr = csrOf(message);
      graph = { id: message.graphId, csr, workspace: new SpreadWorkspace(csr.nodeCount) };
      return;
    }
    case 'run': {
      stopCurrent();
      if (!graph || graph.id !== message.graphId) {
        post({
          type: 'error',
          jobId: message.jobId,
          message: 'the spread worker has another graph',
        });
        return;
      }
      current = { jobId: message.jobId, steps: jobSteps(graph.csr, message.job, graph.workspace) };
      schedule();
      return;
    }
    case 'cancel':
      if (current?.jobId === message.jobId) stopCurrent();
      return;
    default:
      assertNever(message);
  }
};
