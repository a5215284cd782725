import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../src/core/others/betweenness';
import { tribesSteps, type TribesStep } from '../../../src/core/others/tribes';
import { isCancelled, OthersClient } from '../../../src/workers/others-client';
import type { OthersRequest, OthersResponse } from '../../../src/workers/others-protocol';
import { payloadFromPairs } from '../helpers/payload';

type Behaviour = 'answer' | 'hang' | 'report-error' | 'crash';

/**
 * Stands in for others.worker.ts in node (no Worker there): answers like the worker does, on a
 * later task, after one progress message; or hangs, reports an error, or crashes.
 */
class FakeWorker {
  onmessage: ((event: MessageEvent<OthersResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: OthersRequest[] = [];
  transferred: ArrayBuffer[] = [];

  constructor(private readonly behaviour: Behaviour) {}

  postMessage(request: OthersRequest, transfer: ArrayBuffer[] = []): void {
    this.received.push(request);
    this.transferred.push(...transfer);
    setTimeout(() => this.answer(request), 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  private reply(data: OthersResponse): void {
    if (!this.terminated) this.onmessage?.({ data } as MessageEvent<OthersResponse>);
  }

  private answer({ jobId, ties, job }: OthersRequest): void {
    if (this.terminated) return;
    switch (this.behaviour) {
      case 'hang':
        return;
      case 'report-error':
        return this.reply({ type: 'error', jobId, message: 'out of memory' });
      case 'crash': {
        const event = { message: 'boom', preventDefault() {} } as ErrorEvent;
        return this.onerror?.(event);
      }
      case 'answer': {
        this.reply({ type: 'progress', jobId, step: { phase: 'bridges', done: 1, total: 2 } });
        const found = runToEnd(tribesSteps(ties, job.options));
        return this.reply({ type: 'result', jobId, result: { kind: 'tribes', found } });
      }
    }
  }
}

const payload = payloadFromPairs([
  ['a', 'b'],
  ['b', 'c'],
  ['c', 'a'],
  ['c', 'd'],
  ['d', 'e'],
  ['e', 'f'],
  ['f', 'd'],
]);

function clientWith(...behaviours: Behaviour[]) {
  const workers: FakeWorker[] = [];
  const client = new OthersClient({
    createWorker: () => {
      const worker = new FakeWorker(behaviours[workers.length] ?? 'answer');
      workers.push(worker);
      return worker as unknown as Worker;
    },
  });
  return { client, workers };
}

describe('OthersClient', () => {
  it('sends a copy of the ties, reports progress and returns the tribes', async () => {
    const { client, workers } = clientWith('answer');
    const steps: TribesStep[] = [];
    const found = await client.findTribes(payload, { seed: 1 }, (step) => steps.push(step));
    expect(found.communities.grouping.values.length).toBe(2);
    expect(steps).toEqual([{ phase: 'tribes' }, { phase: 'bridges', done: 1, total: 2 }]);
    const [request] = workers[0].received;
    expect(request.ties.sources).not.toBe(payload.edgeSources); // the payload keeps its arrays
    expect(workers[0].transferred).toContain(request.ties.sources.buffer);
    expect(client.busy).toBe(false);
  });

  it('cancels by terminating the worker, and starts a fresh one next time', async () => {
    const { client, workers } = clientWith('hang', 'answer');
    const first = client.findTribes(payload, { seed: 1 });
    client.cancel();
    const error = await first.catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
    expect(workers[0].terminated).toBe(true);
    const found = await client.findTribes(payload, { seed: 1 });
    expect(workers).toHaveLength(2);
    expect(found.communities.modularity).toBeGreaterThan(0.3);
  });

  it('reuses a worker that finished', async () => {
    const { client, workers } = clientWith('answer', 'answer');
    await client.findTribes(payload, { seed: 1 });
    await client.findTribes(payload, { seed: 2 });
    expect(workers).toHaveLength(1);
  });

  it('turns a reported error into a rejection, and recovers', async () => {
    const { client, workers } = clientWith('report-error', 'answer');
    await expect(client.findTribes(payload, { seed: 1 })).rejects.toThrow('out of memory');
    expect(workers[0].terminated).toBe(true);
    await expect(client.findTribes(payload, { seed: 1 })).resolves.toBeDefined();
  });

  it('turns a crashed worker into a rejection, and recovers', async () => {
    const { client } = clientWith('crash', 'answer');
    const error = await client.findTribes(payload, { seed: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isCancelled(error)).toBe(false);
    expect((error as Error).message).toBe('boom');
    await expect(client.findTribes(payload, { seed: 1 })).resolves.toBeDefined();
  });

  it('a new job cancels the one in flight', async () => {
    const { client } = clientWith('hang', 'answer');
    const first = client.findTribes(payload, { seed: 1 }).catch((e: unknown) => e);
    const second = client.findTribes(payload, { seed: 1 });
    expect(isCancelled(await first)).toBe(true);
    await expect(second).resolves.toBeDefined();
  });
});
