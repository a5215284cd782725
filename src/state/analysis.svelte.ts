import type { Scenario } from '../core/spread/types';
import {
  SpreadClient,
  type InfluenceResult,
  type ProgressCallback,
  type ReachSummary,
  type SpreadClientOptions,
  type WorthSweep,
} from '../workers/spread-client';
import type { LoadedDataset } from './loaded-dataset';

/**
 * Where one long computation stands. `running` and `error` keep the last good result, so the panel
 * can go on showing it (dimmed) and a cancel can bring it back.
 */
export type JobStatus<R> =
  | { type: 'idle' }
  | { type: 'running'; progress: number; previous: R | null }
  | { type: 'done'; result: R }
  | { type: 'error'; message: string; previous: R | null };

/** A result and the scenario it was computed for, so the panel can tell when it is out of date. */
interface Computed {
  scenario: Scenario;
  /** `scenarioKey` of the scenario, minus the fields this computation does not depend on. */
  key: string;
}

export interface ReachRun extends Computed {
  summary: ReachSummary;
}

export interface SweepRun extends Computed {
  sweep: WorthSweep;
  /** The worth on screen when the sweep ran, marked on its curve. */
  worth: number;
}

export interface InfluenceRun extends Computed {
  result: InfluenceResult;
  k: number;
  runs: number;
}

/** What the analysis reads from the app: Session satisfies it. */
export interface AnalysisSource {
  readonly dataset: LoadedDataset | null;
  readonly spread: { scenario(): Scenario };
}

/** Above this many edges a spread costs enough that every job defaults to fewer runs. */
export const LARGE_GRAPH_EDGES = 200_000;

export interface JobDefaults {
  /** Monte Carlo runs. */
  runs: number;
  /** Spreads per worth of a sweep. */
  sweepRuns: number;
  /** Spreads per reach estimate of influence maximization, and how many people it considers. */
  influenceRuns: number;
  candidates: number;
}

export function jobDefaults(edgeCount: number): JobDefaults {
  return edgeCount > LARGE_GRAPH_EDGES
    ? { runs: 100, sweepRuns: 20, influenceRuns: 20, candidates: 50 }
    : { runs: 1000, sweepRuns: 100, influenceRuns: 100, candidates: 200 };
}

/** A stable text form of the scenario without `omit`, to compare settings. */
export function scenarioKey(scenario: Scenario, omit: readonly (keyof Scenario)[] = []): string {
  const kept = Object.entries(scenario)
    .filter(([name, value]) => value !== undefined && !omit.includes(name as keyof Scenario))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => [name, value instanceof Uint8Array ? Array.from(value) : value]);
  return JSON.stringify(kept);
}

/** What each computation ignores of the scenario (a sweep varies worth, CELF picks the origins). */
const IGNORED = {
  reach: [],
  sweep: ['worth'],
  influence: ['origins'],
} as const satisfies Record<string, readonly (keyof Scenario)[]>;

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** One kind of computation: its status, and a generation that lets late answers be ignored. */
export class Job<R extends Computed> {
  status = $state<JobStatus<R>>({ type: 'idle' });
  generation = 0;

  /** The result to show: the finished one, or the last good one while running or after an error. */
  get result(): R | null {
    const s = this.status;
    return s.type === 'done' ? s.result : s.type === 'idle' ? null : s.previous;
  }

  get running(): boolean {
    return this.status.type === 'running';
  }

  reset(): void {
    this.generation++;
    this.status = { type: 'idle' };
  }
}

/**
 * The "what if" computations of the Analysis panel: Monte Carlo, worth sweep and influence
 * maximization, in spread workers through one SpreadClient. The client is created on the first job
 * of a dataset and disposed when the dataset changes. It runs one request at a time: starting a job
 * while another runs cancels that one (the panel disables the buttons instead); a cancelled job
 * returns to its previous result.
 */
export class Analysis {
  readonly reach = new Job<ReachRun>();
  readonly sweep = new Job<SweepRun>();
  readonly influence = new Job<InfluenceRun>();
  private client: SpreadClient | null = null;
  private dataset: LoadedDataset | null = null;

  constructor(
    private readonly source: AnalysisSource,
    private readonly clientOptions: SpreadClientOptions = {},
  ) {}

  get busy(): boolean {
    return this.reach.running || this.sweep.running || this.influence.running;
  }

  /** Drops everything computed for another dataset; the next job sends the new graph. */
  useDataset(dataset: LoadedDataset | null): void {
    if (dataset === this.dataset) return;
    this.dropClient();
    this.dataset = dataset;
    this.reach.reset();
    this.sweep.reset();
    this.influence.reset();
  }

  /** Runs `runs` spreads of the scenario on screen and summarizes their reach. */
  runSpreads(options: { runs: number; viralShare: number }): Promise<void> {
    return this.start(this.reach, IGNORED.reach, async (client, scenario, key, onProgress) => {
      const summary = await client.monteCarlo(scenario, options, onProgress);
      return { scenario, key, summary };
    });
  }

  /** Expected reach at worths 0, 0.05, …, 1, with `runs` spreads each. */
  sweepWorth(options: { runs: number }): Promise<void> {
    return this.start(this.sweep, IGNORED.sweep, async (client, scenario, key, onProgress) => {
      const sweep = await client.worthSweep(scenario, options, onProgress);
      return { scenario, key, sweep, worth: scenario.worth };
    });
  }

  /** CELF's k best origins against the k most connected people. */
  findOrigins(options: { k: number; runs: number; candidates: number }): Promise<void> {
    return this.start(
      this.influence,
      IGNORED.influence,
      async (client, scenario, key, onProgress) => {
        const result = await client.maximizeInfluence(scenario, options, onProgress);
        return { scenario, key, result, k: options.k, runs: options.runs };
      },
    );
  }

  /** Whether `result` was computed for the settings on screen now. */
  isCurrent(kind: 'reach' | 'sweep' | 'influence', result: Computed): boolean {
    return scenarioKey(this.source.spread.scenario(), IGNORED[kind]) === result.key;
  }

  /** Stops the job in flight; it goes back to its previous result. */
  cancel(): void {
    this.client?.cancel();
  }

  dispose(): void {
    this.useDataset(null);
  }

  private dropClient(): void {
    this.client?.dispose();
    this.client = null;
  }

  private async start<R extends Computed>(
    job: Job<R>,
    ignored: readonly (keyof Scenario)[],
    work: (
      client: SpreadClient,
      scenario: Scenario,
      key: string,
      onProgress: ProgressCallback,
    ) => Promise<R>,
  ): Promise<void> {
    this.useDataset(this.source.dataset);
    const dataset = this.dataset;
    if (!dataset) return;
    if (!this.client) {
      this.client = new SpreadClient(this.clientOptions);
      this.client.setGraph(dataset.csr);
    }
    const scenario = this.source.spread.scenario();
    const generation = ++job.generation;
    const previous = job.result;
    job.status = { type: 'running', progress: 0, previous };
    const onProgress = (progress: number) => {
      if (job.generation === generation && job.status.type === 'running')
        job.status = { type: 'running', progress, previous };
    };
    try {
      const result = await work(this.client, scenario, scenarioKey(scenario, ignored), onProgress);
      if (job.generation === generation) job.status = { type: 'done', result };
    } catch (error) {
      if (job.generation !== generation) return;
      if (isAbort(error)) {
        job.status = previous ? { type: 'done', result: previous } : { type: 'idle' };
      } else {
        const message = error instanceof Error ? error.message : String(error);
        job.status = { type: 'error', message, previous };
      }
    }
  }
}
