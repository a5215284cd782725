import type { Csr } from '../core/graph/csr';
import type { InfluenceOptions, InfluenceResult } from '../core/spread/influence-maximization';
import {
  mergeSamples,
  splitRuns,
  summarizeReach,
  type ReachSummary,
  type SummaryOptions,
} from '../core/spread/monte-carlo';
import type { Scenario } from '../core/spread/types';
import {
  mergeSweepSums,
  summarizeSweep,
  sweepWorths,
  type WorthSweep,
} from '../core/spread/worth-sweep';
import {
  assertNever,
  graphMessage,
  type JobResult,
  type SpreadJob,
  type SpreadRequest,
  type SpreadResponse,
} from './spread-protocol';
import { SupervisedWorker, type WorkerCrash } from './supervisor';

export type { InfluenceOptions, InfluenceResult } from '../core/spread/influence-maximization';
export type { ReachSummary } from '../core/spread/monte-carlo';
export type { WorthSweep } from '../core/spread/worth-sweep';

/** Called with the share done, 0..1, at most a few times per second per worker. */
export type ProgressCallback = (fraction: number) => void;

export interface SpreadClientOptions {
  /** Default: navigator.hardwareConcurrency (one worker per core), or 4 where it is unknown. */
  workerCount?: number;
  /** Seam for tests; the default starts spread.worker.ts as a module worker. */
  createWorker?: () => Worker;
}

const createModuleWorker = () =>
  new Worker(new URL('./spread.worker.ts', import.meta.url), { type: 'module', name: 'spread' });

interface Pooled {
  worker: SupervisedWorker<SpreadRequest, SpreadResponse>;
  /** The graph this worker holds, 0 for none. */
  graphId: number;
}

interface ActiveRequest {
  workers: Pooled[];
  jobIds: number[];
  results: (JobResult | undefined)[];
  done: number[];
  totals: number[];
  remaining: number;
  onProgress?: ProgressCallback;
  resolve: (results: JobResult[]) => void;
  reject: (error: unknown) => void;
}

function cancelledError(): DOMException {
  return new DOMException('The spread computation was cancelled', 'AbortError');
}

/**
 * Main-thread side of the spread workers: splits Monte Carlo runs and sweeps over one worker per
 * core and merges their parts (results do not depend on the split: see monte-carlo.ts), runs CELF
 * in one worker. One request at a time: a new request cancels the one in flight, whose promise
 * rejects with an AbortError. `cancel()` terminates the workers, so it takes effect at once even
 * in the middle of a long spread; the next request starts fresh ones. A worker that crashes ends the
 * request with an error that says so; the pool is dropped and the next request starts fresh workers.
 */
export class SpreadClient {
  private readonly workerCount: number;
  private readonly createWorker: () => Worker;
  private pool: Pooled[] = [];
  private graph: { id: number; csr: Csr } | null = null;
  private nextGraphId = 1;
  private nextJobId = 1;
  private active: ActiveRequest | null = null;

  constructor(options: SpreadClientOptions = {}) {
    const cores = typeof navigator === 'undefined' ? 0 : navigator.hardwareConcurrency;
    this.workerCount = Math.max(1, Math.floor(options.workerCount ?? (cores || 4)));
    this.createWorker = options.createWorker ?? createModuleWorker;
  }

  /** The graph later requests run on; workers receive it with their next job. */
  setGraph(csr: Csr): void {
    this.supersede();
    this.graph = { id: this.nextGraphId++, csr };
  }

  async monteCarlo(
    scenario: Scenario,
    options: SummaryOptions & { runs: number },
    onProgress?: ProgressCallback,
  ): Promise<ReachSummary> {
    const { csr } = this.requireGraph();
    const jobs = splitRuns(options.runs, this.workerCount).map(
      ({ firstRun, count }): SpreadJob => ({ kind: 'monte-carlo', scenario, firstRun, count }),
    );
    const results = await this.run(jobs, onProgress);
    const samples = mergeSamples(
      results.map((r) => (r.kind === 'monte-carlo' ? r.samples : unexpected(r))),
    );
    return summarizeReach(samples, csr.nodeCount, options);
  }

  /** Expected reach at `points` worths from 0 to 1 (default 21), `runs` spreads each. */
  async worthSweep(
    scenario: Scenario,
    options: { runs: number; points?: number },
    onProgress?: ProgressCallback,
  ): Promise<WorthSweep> {
    const { csr } = this.requireGraph();
    const worths = sweepWorths(options.points ?? 21);
    const jobs = splitRuns(options.runs, this.workerCount).map(
      ({ firstRun, count }): SpreadJob => ({ kind: 'sweep', scenario, worths, firstRun, count }),
    );
    const results = await this.run(jobs, onProgress);
    const sums = mergeSweepSums(results.map((r) => (r.kind === 'sweep' ? r.sums : unexpected(r))));
    return summarizeSweep(sums, csr);
  }

  /** CELF greedy choice of k origins, with the top-degree baseline. */
  async maximizeInfluence(
    scenario: Scenario,
    options: InfluenceOptions,
    onProgress?: ProgressCallback,
  ): Promise<InfluenceResult> {
    this.requireGraph();
    const [result] = await this.run([{ kind: 'influence', scenario, options }], onProgress);
    return result.kind === 'influence' ? result.result : unexpected(result);
  }

  /** Stops the request in flight at once (its promise rejects with an AbortError). */
  cancel(): void {
    if (!this.active) return;
    const { reject } = this.active;
    this.active = null;
    this.terminateAll();
    reject(cancelledError());
  }

  dispose(): void {
    this.cancel();
    this.terminateAll();
    this.graph = null;
  }

  private requireGraph(): { id: number; csr: Csr } {
    if (!this.graph) throw new Error('SpreadClient: call setGraph before running spreads');
    return this.graph;
  }

  /** Ends the request in flight without losing the workers: they are told to drop it. */
  private supersede(): void {
    const active = this.active;
    if (!active) return;
    this.active = null;
    active.workers.forEach((pooled, i) =>
      this.send(pooled, { type: 'cancel', jobId: active.jobIds[i] }),
    );
    active.reject(cancelledError());
  }

  private run(jobs: SpreadJob[], onProgress?: ProgressCallback): Promise<JobResult[]> {
    this.supersede();
    const graph = this.requireGraph();
    while (this.pool.length < jobs.length) this.pool.push(this.newPooled());
    const workers = this.pool.slice(0, jobs.length);
    const jobIds = jobs.map(() => this.nextJobId++);

    return new Promise<JobResult[]>((resolve, reject) => {
      this.active = {
        workers,
        jobIds,
        results: jobs.map(() => undefined),
        done: jobs.map(() => 0),
        totals: jobs.map(() => 1),
        remaining: jobs.length,
        onProgress,
        resolve,
        reject,
      };
      workers.forEach((pooled, i) => {
        if (pooled.graphId !== graph.id) {
          this.send(pooled, graphMessage(graph.id, graph.csr));
          pooled.graphId = graph.id;
        }
        this.send(pooled, { type: 'run', jobId: jobIds[i], graphId: graph.id, job: jobs[i] });
      });
    });
  }

  private newPooled(): Pooled {
    const worker = new SupervisedWorker<SpreadRequest, SpreadResponse>({
      label: 'spread',
      create: this.createWorker,
      onMessage: (message) => this.receive(message),
      onCrash: (crash) => this.crashed(crash),
    });
    return { worker, graphId: 0 };
  }

  private receive(message: SpreadResponse): void {
    const request = this.active;
    const i = request ? request.jobIds.indexOf(message.jobId) : -1;
    if (!request || i < 0) return;
    switch (message.type) {
      case 'progress': {
        request.done[i] = message.done;
        request.totals[i] = message.total;
        const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
        request.onProgress?.(sum(request.done) / sum(request.totals));
        return;
      }
      case 'result':
        request.results[i] = message.result;
        if (--request.remaining === 0) {
          this.active = null;
          request.onProgress?.(1);
          request.resolve(request.results as JobResult[]);
        }
        return;
      case 'cancelled':
        return; // only ever for a job this client already gave up on
      case 'error':
        this.fail(`Spread computation failed: ${message.message}`);
        return;
      default:
        assertNever(message);
    }
  }

  /** A worker died: the request in flight is lost, and so is every worker's copy of the graph. */
  private crashed(crash: WorkerCrash): void {
    this.fail(
      `Spread computation lost: ${crash.message}. The spread workers restart with the next request.`,
    );
    this.terminateAll();
  }

  private fail(message: string): void {
    const request = this.active;
    if (!request) return;
    this.active = null;
    this.terminateAll(); // a worker that failed may hold half-done state
    request.reject(new Error(message));
  }

  private send(pooled: Pooled, message: SpreadRequest): void {
    pooled.worker.post(message);
  }

  private terminateAll(): void {
    const pool = this.pool;
    this.pool = [];
    for (const { worker } of pool) worker.stop();
  }
}

function unexpected(result: JobResult): never {
  throw new Error(`Spread computation failed: unexpected ${result.kind} result`);
}
