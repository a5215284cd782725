import { describe, expect, it } from 'vitest';
import { IoClient } from '../../../src/workers/io-client';
import { SupervisedWorker, WorkerCrash, isWorkerCrash } from '../../../src/workers/supervisor';

class FakeWorker {
  sent: unknown[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  emit(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }
  crash(message: string) {
    let prevented = false;
    const preventDefault = () => {
      prevented = true;
    };
    this.onerror?.({ message, preventDefault } as ErrorEvent);
    return prevented;
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const received: unknown[] = [];
  const crashes: WorkerCrash[] = [];
  const supervised = new SupervisedWorker<string, string>({
    label: 'test',
    create: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    },
    onMessage: (message) => received.push(message),
    onCrash: (crash) => crashes.push(crash),
  });
  return { supervised, workers, received, crashes };
}

describe('SupervisedWorker', () => {
  it('starts a worker on first use and delivers its messages', () => {
    const { supervised, workers, received } = setup();
    expect(supervised.running).toBe(false);
    supervised.post('hello');
    supervised.post('again');
    expect(workers).toHaveLength(1);
    expect(workers[0].sent).toEqual(['hello', 'again']);
    workers[0].emit('reply');
    expect(received).toEqual(['reply']);
  });

  it('on a crash: rejects what waits, terminates, reports, and restarts on the next post', async () => {
    const { supervised, workers, crashes, received } = setup();
    supervised.post('work');
    const waiting = supervised.track<string>(() => {});
    const handled = workers[0].crash('Uncaught Error: boom');
    expect(handled).toBe(true); // not logged as an uncaught page error
    await expect(waiting).rejects.toThrow('the test worker crashed (Uncaught Error: boom)');
    expect(workers[0].terminated).toBe(true);
    expect(crashes).toHaveLength(1);
    expect(isWorkerCrash(crashes[0])).toBe(true);
    expect(supervised.running).toBe(false);
    expect(supervised.crashes).toBe(1);
    // Late messages from the dead worker are ignored.
    workers[0].emit('late');
    expect(received).toEqual([]);
    supervised.post('next');
    expect(workers).toHaveLength(2);
    expect(workers[1].sent).toEqual(['next']);
  });

  it('treats an unreadable message as a crash', async () => {
    const { supervised, workers, crashes } = setup();
    supervised.post('work');
    const waiting = supervised.track<string>(() => {});
    workers[0].onmessageerror?.();
    await expect(waiting).rejects.toBeInstanceOf(WorkerCrash);
    expect(crashes[0].reason).toMatch(/could not be read/);
  });

  it('stops without reporting a crash; settled promises are left alone', async () => {
    const { supervised, workers, crashes } = setup();
    supervised.post('work');
    const done = supervised.track<string>((resolve) => resolve('ok'));
    const waiting = supervised.track<string>(() => {});
    supervised.stop();
    await expect(done).resolves.toBe('ok');
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0].terminated).toBe(true);
    expect(crashes).toHaveLength(0);
  });
});

describe('IoClient under supervision', () => {
  it('rejects a parse with a WorkerCrash when the reader dies, and parses with a fresh one next', async () => {
    const workers: FakeWorker[] = [];
    const client = new IoClient(() => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    });
    const first = client.parse([{ name: 'a.csv', bytes: new ArrayBuffer(4) }]);
    workers[0].crash('out of memory');
    await expect(first).rejects.toSatisfy(isWorkerCrash);
    const second = client.parse([{ name: 'b.csv', bytes: new ArrayBuffer(4) }]);
    expect(workers).toHaveLength(2);
    const { id } = workers[1].sent[0] as { id: number };
    const payload = { nodeIds: [], nodeAttributes: [], edgeSources: new Int32Array() };
    workers[1].emit({ type: 'parsed', id, result: { kind: 'network', payload } });
    await expect(second).resolves.toMatchObject({ kind: 'network' });
  });

  it('cancel rejects with an AbortError and is not a crash', async () => {
    const workers: FakeWorker[] = [];
    const client = new IoClient(() => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    });
    const parse = client.parse([{ name: 'a.csv', bytes: new ArrayBuffer(4) }]);
    client.cancel();
    await expect(parse).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0].terminated).toBe(true);
  });
});
