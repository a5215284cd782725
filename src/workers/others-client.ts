import { transferableCopy, type Ties } from '../core/others/ties';
import type { TribesFound, TribesOptions, TribesStep } from '../core/others/tribes';
import { assertNever, type OthersRequest, type OthersResponse } from './others-protocol';

export type { TribesFound, TribesOptions, TribesStep } from '../core/others/tribes';

export interface OthersClientOptions {
  /** Seam for tests; the default starts others.worker.ts as a module worker. */
  createWorker?: () => Worker;
}

const createModuleWorker = () =>
  new Worker(new URL('./others.worker.ts', import.meta.url), { type: 'module', name: 'others' });

interface ActiveJob {
  jobId: number;
  reject: (error: unknown) => void;
}

export function cancelledError(): DOMException {
  return new DOMException('Finding tribes was cancelled', 'AbortError');
}

export function isCancelled(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Main-thread side of the others worker. One job at a time: a new job or `cancel()` terminates the
 * worker (Louvain cannot be interrupted any other way) and rejects the job in flight with an
 * AbortError; the next job starts a fresh worker. A worker that fails is dropped the same way.
 */
export class OthersClient {
  private readonly createWorker: () => Worker;
  private worker: Worker | null = null;
  private active: ActiveJob | null = null;
  private nextJobId = 1;

  constructor(options: OthersClientOptions = {}) {
    this.createWorker = options.createWorker ?? createModuleWorker;
  }

  get busy(): boolean {
    return this.active !== null;
  }

  /** Louvain tribes with modularity, then bridges by betweenness, reporting each step. */
  findTribes(
    ties: Ties,
    options: TribesOptions,
    onProgress?: (step: TribesStep) => void,
  ): Promise<TribesFound> {
    this.cancel();
    const worker = (this.worker ??= this.createWorker());
    const jobId = this.nextJobId++;
    return new Promise<TribesFound>((resolve, reject) => {
      const job: ActiveJob = { jobId, reject };
      this.active = job;
      const settle = () => {
        this.active = null;
        worker.onmessage = null;
        worker.onerror = null;
      };
      const fail = (message: string) => {
        if (this.active !== job) return;
        settle();
        this.terminate(); // a worker that failed may hold half-done state
        reject(new Error(message));
      };
      worker.onmessage = (event: MessageEvent<OthersResponse>) => {
        const message = event.data;
        if (this.active !== job || message.jobId !== jobId) return;
        switch (message.type) {
          case 'progress':
            onProgress?.(message.step);
            return;
          case 'result':
            settle();
            resolve(message.result.found);
            return;
          case 'error':
            fail(message.message);
            return;
          default:
            assertNever(message);
        }
      };
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        fail(event.message || 'the tribes worker failed to load or crashed');
      };
      onProgress?.({ phase: 'tribes' });
      const { ties: copy, buffers } = transferableCopy(ties);
      const request: OthersRequest = {
        type: 'run',
        jobId,
        ties: copy,
        job: { kind: 'tribes', options },
      };
      worker.postMessage(request, buffers);
    });
  }

  /** Stops the job in flight at once (its promise rejects with an AbortError). */
  cancel(): void {
    const job = this.active;
    if (!job) return;
    this.active = null;
    this.terminate();
    job.reject(cancelledError());
  }

  dispose(): void {
    this.cancel();
    this.terminate();
  }

  private terminate(): void {
    if (!this.worker) return;
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    this.worker = null;
  }
}
