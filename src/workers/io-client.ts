import type { ParseLimits } from '../core/io/limits';
import type { Attributes } from '../core/io/payload';
import type { ReadResult } from '../core/read-dataset';
import type { IoRequest, IoResponse } from './io-protocol';
import { SupervisedWorker } from './supervisor';

const createIoWorker = () =>
  new Worker(new URL('./io.worker.ts', import.meta.url), { type: 'module', name: 'io' });

interface PendingParse {
  id: number;
  tables: Record<'node' | 'edge', Attributes[]>;
  resolve: (result: ReadResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Parses files off the main thread. One worker, one request at a time: a new request or `cancel()`
 * terminates the worker that was busy (parsing cannot be interrupted from outside otherwise) and the
 * pending promise rejects with an AbortError. A worker that crashes rejects the parse with a
 * WorkerCrash; the next parse starts a fresh worker.
 */
export class IoClient {
  private readonly worker: SupervisedWorker<IoRequest, IoResponse>;
  private nextId = 1;
  private pending: PendingParse | null = null;

  constructor(createWorker: () => Worker = createIoWorker) {
    this.worker = new SupervisedWorker({
      label: 'file reader',
      create: createWorker,
      onMessage: (response) => this.receive(response),
      onCrash: () => (this.pending = null),
    });
  }

  parse(
    files: { name: string; bytes: ArrayBuffer }[],
    limits: Partial<ParseLimits> = {},
  ): Promise<ReadResult> {
    this.cancel();
    const id = this.nextId++;
    return this.worker.track<ReadResult>((resolve, reject) => {
      this.pending = { id, tables: { node: [], edge: [] }, resolve, reject };
      const request: IoRequest = { type: 'parse', id, files, limits };
      this.worker.post(
        request,
        files.map((file) => file.bytes),
      );
    });
  }

  /** Stops the parse in flight, if any; its promise rejects with an AbortError. */
  cancel(): void {
    if (!this.pending) return;
    this.pending = null;
    this.worker.stop(new DOMException('Loading was cancelled', 'AbortError'));
  }

  dispose(): void {
    this.pending = null;
    this.worker.stop();
  }

  private receive(response: IoResponse): void {
    const pending = this.pending;
    if (!pending || response.id !== pending.id) return;
    switch (response.type) {
      case 'attributes':
        // push(...rows) would hit the argument limit on big chunks; a loop does not.
        for (const row of response.rows) pending.tables[response.table].push(row);
        return;
      case 'parsed': {
        this.pending = null;
        const { result } = response;
        if (result.kind === 'network') {
          result.payload.nodeAttributes = pending.tables.node;
          if (result.payload.edgeAttributes) result.payload.edgeAttributes = pending.tables.edge;
        }
        pending.resolve(result);
        return;
      }
      case 'failed':
        this.pending = null;
        pending.reject(new Error(response.message));
        return;
      default: {
        const unknown: never = response;
        throw new Error(`io client: unknown response ${JSON.stringify(unknown)}`);
      }
    }
  }
}
