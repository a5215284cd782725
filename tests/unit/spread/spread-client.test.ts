import { describe, expect, it } from 'vitest';
import { monteCarlo } from '../../../src/core/spread/monte-carlo';
import { SpreadWorkspace } from '../../../src/core/spread/workspace';
import { worthSweep } from '../../../src/core/spread/worth-sweep';
import { SpreadClient } from '../../../src/workers/spread-client';
import {
  csrOf,
  jobSteps,
  type JobResult,
  type JobStep,
  type SpreadRequest,
  type SpreadResponse,
} from '../../../src/workers/spread-protocol';
import { randomGraph, scenario } from './helpers';

/**
 * An in-process stand-in for spread.worker.ts: same protocol, messages structured-cloned as they
 * would be, one step per macrotask so that cancels and superseding requests interleave with work.
 */
class FakeWorker {
  onmessage: ((event: MessageEvent<SpreadResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  private graph: { id: number; workspace: SpreadWorkspace; csr: ReturnType<typeof csrOf> } | null =
    null;
  private current: { jobId: number; steps: Generator<JobStep, JobResult, void> } | null = null;

  postMessage(request: SpreadRequest): void {
    const message = structuredClone(request);
    setTimeout(() => this.receive(message), 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  private receive(message: SpreadRequest): void {
    if (this.terminated) return;
    if (message.type === 'graph') {
      const csr = csrOf(message);
      this.graph = { id: message.graphId, csr, workspace: new SpreadWorkspace(csr.nodeCount) };
    } else if (message.type === 'run') {
      if (this.current) this.post({ type: 'cancelled', jobId: this.current.jobId });
      const job = {
        jobId: message.jobId,
        steps: jobSteps(this.graph!.csr, message.job, this.graph!.workspace),
      };
      this.current = job;
      const tick = () => {
        if (this.terminated || this.current !== job) return;
        const step = job.steps.next();
        if (step.done) {
          this.current = null;
          this.post({ type: 'result', jobId: job.jobId, result: step.value });
        } else {
          this.post({ type: 'progress', jobId: job.jobId, ...step.value });
          setTimeout(tick, 0);
        }
      };
      setTimeout(tick, 0);
    } else if (message.type === 'cancel' && this.current?.jobId === message.jobId) {
      this.post({ type: 'cancelled', jobId: message.jobId });
      this.current = null;
    }
  }

  private post(message: SpreadResponse): void {
    const data = structuredClone(message);
    if (!this.terminated) this.onmessage?.({ data } as MessageEvent<SpreadResponse>);
  }
}

function clientWith(workerCount: number) {
  const workers: FakeWorker[] = [];
  const client = new SpreadClient({
    workerCount,
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    },
  });
  return { client, workers };
}

describe('SpreadClient', () => {
  const csr = randomGraph(3, 300, 1200);
  const s = scenario({ origins: [0], worth: 0.3, delivery: 0.8, seed: 5 });

  it('splits Monte Carlo over its workers and matches a single-thread run exactly', async () => {
    const { client, workers } = clientWith(3);
    client.setGraph(csr);
    const progress: number[] = [];
    const summary = await client.monteCarlo(s, { runs: 60, viralShare: 0.2 }, (f) =>
      progress.push(f),
    );
    expect(workers.length).toBe(3);
    expect(summary).toEqual(monteCarlo(csr, s, { runs: 60, viralShare: 0.2 }));
    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1] - 1e-12);
    const sweep = await client.worthSweep(s, { runs: 9, points: 5 });
    expect(sweep).toEqual(worthSweep(csr, s, { runs: 9, points: 5 }));
    expect(workers.length).toBe(3); // reused, graph sent once
  });

  it('runs CELF in one worker', async () => {
    const { client, workers } = clientWith(4);
    client.setGraph(csr);
    const result = await client.maximizeInfluence(s, { k: 2, runs: 10, candidates: 8 });
    expect(result.chosen.length).toBe(2);
    expect(workers.length).toBe(1);
  });

  it('rejects with an AbortError on cancel, terminates, and works again afterwards', async () => {
    const { client, workers } = clientWith(2);
    client.setGraph(csr);
    const pending = client.monteCarlo(s, { runs: 200 });
    setTimeout(() => client.cancel(), 5);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers.every((w) => w.terminated)).toBe(true);
    const again = await client.monteCarlo(s, { runs: 10 });
    expect(again.runs).toBe(10);
    expect(workers.length).toBe(4);
  });

  it('a new request supersedes the one in flight', async () => {
    const { client } = clientWith(2);
    client.setGraph(csr);
    const first = client.monteCarlo(s, { runs: 500 });
    const second = client.monteCarlo(s, { runs: 20 });
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect((await second).runs).toBe(20);
  });

  it('asks for a graph first', async () => {
    await expect(clientWith(1).client.monteCarlo(s, { runs: 1 })).rejects.toThrow(/setGraph/);
  });
});
