/**
 * One worker, watched. Every client (io, layout, spread) needs the same three things from its
 * workers: to learn when one dies (an uncaught exception, a failed load, an unreadable message),
 * to reject whatever was waiting on it rather than leave promises hanging, and to get a fresh worker
 * for the next request. Doing it here once keeps the three clients from each getting it slightly
 * wrong.
 *
 * A failed worker is terminated and forgotten: the next `post` starts a fresh one, so "restart" costs
 * nothing until the worker is needed again, and a worker that fails on start-up cannot spin in a loop.
 */

/** A worker died. The message says which worker and why, in words a person can act on. */
export class WorkerCrash extends Error {
  constructor(
    /** The worker, as people know it: "file reader", "layout", "spread". */
    readonly worker: string,
    readonly reason: string,
  ) {
    super(`the ${worker} worker crashed (${reason})`);
    this.name = 'WorkerCrash';
  }
}

export function isWorkerCrash(error: unknown): error is WorkerCrash {
  return error instanceof WorkerCrash;
}

export interface SupervisedWorkerOptions<Response> {
  /** The worker, as people know it; used in crash messages. */
  label: string;
  create: () => Worker;
  onMessage: (message: Response) => void;
  /** Called once per failure, after pending promises were rejected and the worker terminated. */
  onCrash?: (crash: WorkerCrash) => void;
}

export class SupervisedWorker<Request, Response> {
  private worker: Worker | null = null;
  private readonly pending = new Set<(error: unknown) => void>();
  /** How many workers failed so far: tests and status lines read it. */
  crashes = 0;

  constructor(private readonly options: SupervisedWorkerOptions<Response>) {}

  /** Whether a worker is running now (started, and neither failed nor stopped since). */
  get running(): boolean {
    return this.worker !== null;
  }

  /** Posts a message, starting a fresh worker first when none runs (first use, or after a crash). */
  post(message: Request, transfer: Transferable[] = []): void {
    this.ensure().postMessage(message, transfer);
  }

  /**
   * A promise tied to this worker: it rejects with a WorkerCrash if the worker fails before the
   * executor settles it, and with `stop`'s reason if the worker is stopped.
   */
  track<T>(
    executor: (resolve: (value: T) => void, reject: (error: unknown) => void) => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const settle = () => this.pending.delete(rejectPending);
      const rejectPending = (error: unknown) => {
        settle();
        reject(error);
      };
      this.pending.add(rejectPending);
      executor((value) => {
        settle();
        resolve(value);
      }, rejectPending);
    });
  }

  /** Terminates the worker (no crash is reported); pending promises reject with `reason`. */
  stop(reason: unknown = new DOMException('The work was cancelled', 'AbortError')): void {
    this.terminate();
    this.rejectPending(reason);
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = this.options.create();
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<Response>) => {
      if (this.worker === worker) this.options.onMessage(event.data);
    };
    worker.onerror = (event: ErrorEvent) => {
      // Handled here: without preventDefault the page logs it as an uncaught error.
      event.preventDefault();
      if (this.worker === worker) this.fail(event.message || 'it failed to load or stopped');
    };
    worker.onmessageerror = () => {
      if (this.worker === worker) this.fail('one of its messages could not be read');
    };
    return worker;
  }

  private fail(reason: string): void {
    this.crashes++;
    const crash = new WorkerCrash(this.options.label, reason);
    this.terminate();
    this.rejectPending(crash);
    this.options.onCrash?.(crash);
  }

  private terminate(): void {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    worker.onmessage = null;
    worker.onerror = null;
    worker.onmessageerror = null;
    worker.terminate();
  }

  private rejectPending(error: unknown): void {
    const pending = [...this.pending];
    this.pending.clear();
    for (const reject of pending) reject(error);
  }
}
