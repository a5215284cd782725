import type { ParseLimits } from '../core/io/limits';
import type { Attributes } from '../core/io/payload';
import type { ReadResult } from '../core/read-dataset';
import type { IoRequest, IoResponse } from './io-protocol';

/**
 * Parses files off the main thread. One worker, one request at a time: a new request or `cancel()`
 * terminates the worker that was busy (parsing cannot be interrupted from outside otherwise) and the
 * pending promise rejects with an AbortError.
 */
export class IoClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending: { id: number; reject: (error: unknown) => void } | null = null;

  async parse(
    files: { name: string; bytes: ArrayBuffer }[],
    limits: Partial<ParseLimits> = {},
  ): Promise<ReadResult> {
    const name = files.map((file) => file.name).join(' and ');
    this.cancel();
    const worker = (this.worker ??= new Worker(new URL('./io.worker.ts', import.meta.url), {
      type: 'module',
    }));
    const id = this.nextId++;
    return new Promise<ReadResult>((resolve, reject) => {
      this.pending = { id, reject };
      const tables: Record<'node' | 'edge', Attributes[]> = { node: [], edge: [] };
      worker.onmessage = (event: MessageEvent<IoResponse>) => {
        const response = event.data;
        if (response.id !== id) return;
        switch (response.type) {
          case 'attributes':
            // push(...rows) would hit the argument limit on big chunks; a loop does not.
            for (const row of response.rows) tables[response.table].push(row);
            return;
          case 'parsed': {
            this.pending = null;
            const { result } = response;
            if (result.kind === 'network') {
              result.payload.nodeAttributes = tables.node;
              if (result.payload.edgeAttributes) result.payload.edgeAttributes = tables.edge;
            }
            resolve(result);
            return;
          }
          case 'failed':
            this.pending = null;
            reject(new Error(response.message));
            return;
          default: {
            const unknown: never = response;
            throw new Error(`io client: unknown response ${JSON.stringify(unknown)}`);
          }
        }
      };
      worker.onerror = (event) => {
        event.preventDefault();
        this.pending = null;
        this.dispose();
        reject(
          new Error(
            `${name}: the file reader crashed (${event.message || 'unknown error'}); try again or pick another file`,
          ),
        );
      };
      const request: IoRequest = { type: 'parse', id, files, limits };
      worker.postMessage(
        request,
        files.map((file) => file.bytes),
      );
    });
  }

  /** Stops the parse in flight, if any; its promise rejects with an AbortError. */
  cancel(): void {
    if (!this.pending) return;
    this.pending.reject(new DOMException('Loading was cancelled', 'AbortError'));
    this.pending = null;
    this.dispose();
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
