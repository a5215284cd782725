import { describe, expect, it } from 'vitest';
import type { LayoutStatus, MainToWorker, WorkerToMain } from '../../../src/core/layout/protocol';
import { LayoutClient } from '../../../src/workers/layout-client';

class FakeWorker {
  sent: MainToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<WorkerToMain>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  postMessage(message: MainToWorker) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  emit(message: WorkerToMain) {
    this.onmessage?.({ data: message } as MessageEvent<WorkerToMain>);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const frames = new Map<number, () => void>();
  let nextFrame = 1;
  const applied: { positions: Float32Array; progress: number }[] = [];
  const statuses: LayoutStatus[] = [];
  const client = new LayoutClient(
    {
      onPositions: (positions, progress) => applied.push({ positions, progress }),
      onStatus: (status) => statuses.push(status),
    },
    {
      createWorker: () => {
        const worker = new FakeWorker();
        workers.push(worker);
        return worker as unknown as Worker;
      },
      requestFrame: (callback) => {
        frames.set(nextFrame, callback);
        return nextFrame++;
      },
      cancelFrame: (handle) => frames.delete(handle),
    },
  );
  const runFrames = () => {
    const pending = [...frames.values()];
    frames.clear();
    pending.forEach((callback) => callback());
  };
  return { client, workers, frames, applied, statuses, runFrames };
}

const input = { nodeCount: 2, sources: Int32Array.of(0), targets: Int32Array.of(1) };
const positions = (x: number) =>
  ({
    type: 'positions',
    positions: Float32Array.of(x, 0, 0, x),
    iterations: x,
    progress: x / 10,
  }) as const;

describe('LayoutClient', () => {
  it('sends a start message with defaults filled in', () => {
    const { client, workers } = setup();
    client.start(input);
    expect(workers[0].sent[0]).toMatchObject({
      type: 'start',
      nodeCount: 2,
      positions: null,
      weights: null,
      seed: 1,
      sizes: null,
      keepGiven: false,
    });
    client.pause();
    client.resume();
    client.updateSettings({ gravity: 2 });
    client.stop();
    expect(workers[0].sent.map((m) => m.type)).toEqual([
      'start',
      'pause',
      'resume',
      'settings',
      'stop',
    ]);
  });

  it('applies only the latest positions, once per animation frame', () => {
    const { client, workers, applied, frames, runFrames } = setup();
    client.start(input);
    workers[0].emit(positions(1));
    workers[0].emit(positions(2));
    workers[0].emit(positions(3));
    expect(applied).toHaveLength(0);
    expect(frames.size).toBe(1);
    runFrames();
    expect(applied.map((a) => a.progress)).toEqual([0.3]);
  });

  it('delivers pending positions before a status', () => {
    const { client, workers, applied, statuses, frames } = setup();
    client.start(input);
    workers[0].emit(positions(4));
    workers[0].emit({ type: 'status', status: { type: 'converged', iterations: 4, elapsedMs: 1 } });
    expect(applied).toHaveLength(1);
    expect(statuses).toEqual([{ type: 'converged', iterations: 4, elapsedMs: 1 }]);
    expect(frames.size).toBe(0);
  });

  it('terminates the previous worker on a new start and ignores its late messages', () => {
    const { client, workers, applied, statuses, runFrames } = setup();
    client.start(input);
    const old = workers[0];
    const oldHandler = old.onmessage;
    client.start(input);
    expect(old.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    oldHandler?.({ data: positions(9) } as MessageEvent<WorkerToMain>);
    runFrames();
    expect(applied).toHaveLength(0);
    expect(statuses).toHaveLength(0);
  });

  it('turns worker errors into an error status and releases the worker', () => {
    const { client, workers, statuses } = setup();
    client.start(input);
    workers[0].onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(statuses).toEqual([{ type: 'error', message: 'Layout failed: boom' }]);
    expect(workers[0].terminated).toBe(true);
    client.start(input);
    workers[1].onmessageerror?.();
    expect(statuses[1]).toMatchObject({ type: 'error' });
  });

  it('dispose drops pending frames and is idempotent', () => {
    const { client, workers, applied, frames } = setup();
    client.start(input);
    workers[0].emit(positions(1));
    client.dispose();
    client.dispose();
    expect(frames.size).toBe(0);
    expect(applied).toHaveLength(0);
    expect(workers[0].terminated).toBe(true);
    client.pause(); // no worker: nothing to send, no throw
  });
});
