import type { Csr } from '../graph/csr';
import { runSpread } from './independent-cascade';
import { normalizeSeed } from './rng';
import type { Scenario } from './types';
import { SpreadWorkspace, workspaceFor } from './workspace';

/**
 * The seed of Monte Carlo run `run`: the scenario's seed plus the run index. Run 0 is the spread
 * the player shows, and a run's result depends only on its index, never on which worker ran it or
 * in what chunk, so any split of the runs gives the same distribution bit for bit. Neighbouring
 * seeds give unrelated streams (rng.ts seeds through splitmix32). Every worth of a sweep reuses
 * the same seeds (common random numbers), which keeps its curve smooth.
 */
export function runSeed(baseSeed: number, run: number): number {
  return (normalizeSeed(baseSeed) + run) >>> 0;
}

/** Reaches of runs firstRun .. firstRun + total.length - 1, in run order. */
export interface ReachSamples {
  firstRun: number;
  /** Total reach of each run. */
  total: Int32Array;
  /** Hard-only reach (the counterfactual) of each run. */
  hardOnly: Int32Array;
  /** Out-edges looked at over all runs, for benchmarks. */
  edgesScanned: number;
}

/**
 * Runs `count` spreads from run `firstRun`, yielding the number done after each, so a worker can
 * stop between runs to post progress or honour a cancel. Reuses one workspace for all runs.
 */
export function* sampleReachSteps(
  csr: Csr,
  scenario: Scenario,
  firstRun: number,
  count: number,
  workspace?: SpreadWorkspace,
): Generator<number, ReachSamples, void> {
  const ws = workspaceFor(csr, workspace);
  const samples: ReachSamples = {
    firstRun,
    total: new Int32Array(count),
    hardOnly: new Int32Array(count),
    edgesScanned: 0,
  };
  const run: Scenario = { ...scenario };
  for (let i = 0; i < count; i++) {
    run.seed = runSeed(scenario.seed, firstRun + i);
    const outcome = runSpread(csr, run, ws);
    samples.total[i] = outcome.length;
    samples.hardOnly[i] = outcome.hardOnlyReach;
    samples.edgesScanned += outcome.edgesScanned;
    yield i + 1;
  }
  return samples;
}

/** Drives a step generator to its end: the synchronous form of every *Steps function. */
export function finish<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export function sampleReach(
  csr: Csr,
  scenario: Scenario,
  firstRun: number,
  count: number,
  workspace?: SpreadWorkspace,
): ReachSamples {
  return finish(sampleReachSteps(csr, scenario, firstRun, count, workspace));
}

/** Joins chunks (in any order) covering consecutive runs into one. */
export function mergeSamples(chunks: readonly ReachSamples[]): ReachSamples {
  const sorted = [...chunks].sort((a, b) => a.firstRun - b.firstRun);
  const count = sorted.reduce((sum, chunk) => sum + chunk.total.length, 0);
  const merged: ReachSamples = {
    firstRun: sorted[0]?.firstRun ?? 0,
    total: new Int32Array(count),
    hardOnly: new Int32Array(count),
    edgesScanned: 0,
  };
  let at = 0;
  for (const chunk of sorted) {
    if (chunk.firstRun !== merged.firstRun + at) {
      throw new RangeError(
        `chunk at run ${chunk.firstRun} does not follow run ${merged.firstRun + at - 1}`,
      );
    }
    merged.total.set(chunk.total, at);
    merged.hardOnly.set(chunk.hardOnly, at);
    merged.edgesScanned += chunk.edgesScanned;
    at += chunk.total.length;
  }
  return merged;
}

/** Splits `runs` into at most `parts` consecutive chunks of near-equal size. */
export function splitRuns(runs: number, parts: number): { firstRun: number; count: number }[] {
  const chunks: { firstRun: number; count: number }[] = [];
  const n = Math.max(1, Math.min(parts, runs));
  for (let i = 0, firstRun = 0; i < n; i++) {
    const count = Math.floor(runs / n) + (i < runs % n ? 1 : 0);
    if (count > 0) chunks.push({ firstRun, count });
    firstRun += count;
  }
  return chunks;
}

export interface ReachHistogram {
  /** Bin i counts runs whose reach is in [i · binWidth, (i + 1) · binWidth). */
  binWidth: number;
  counts: number[];
}

export interface ReachSummary {
  runs: number;
  nodeCount: number;
  mean: number;
  standardDeviation: number;
  /** 95% confidence interval of the mean (normal approximation: fine from a few dozen runs). */
  ci95: [number, number];
  min: number;
  median: number;
  max: number;
  meanHardOnly: number;
  /** Mean reach over mean hard-only reach. */
  amplification: number;
  /** "Going viral": reaching at least this share of all nodes... */
  viralShare: number;
  /** ...that is, at least this many people. */
  viralReach: number;
  viralProbability: number;
  /** Wilson score interval of viralProbability, sound even when it is 0 or 1. */
  viralCi95: [number, number];
  histogram: ReachHistogram;
}

export interface SummaryOptions {
  /** Share of nodes that counts as going viral, in (0, 1]; default 0.1. */
  viralShare?: number;
  /** Number of histogram bins at most; default 40. */
  bins?: number;
}

const Z95 = 1.959963984540054;

export function summarizeReach(
  samples: ReachSamples,
  nodeCount: number,
  options: SummaryOptions = {},
): ReachSummary {
  const { total, hardOnly } = samples;
  const runs = total.length;
  if (runs === 0) throw new RangeError('no runs to summarize');
  const viralShare = options.viralShare ?? 0.1;
  const viralReach = Math.max(1, Math.ceil(viralShare * nodeCount - 1e-9));
  let sum = 0;
  let sumHard = 0;
  let viral = 0;
  for (let i = 0; i < runs; i++) {
    sum += total[i];
    sumHard += hardOnly[i];
    if (total[i] >= viralReach) viral++;
  }
  const mean = sum / runs;
  let squares = 0;
  for (let i = 0; i < runs; i++) squares += (total[i] - mean) ** 2;
  const standardDeviation = runs > 1 ? Math.sqrt(squares / (runs - 1)) : Number.NaN;
  const halfWidth = (Z95 * standardDeviation) / Math.sqrt(runs);
  const sorted = Int32Array.from(total).sort();
  const meanHardOnly = sumHard / runs;
  return {
    runs,
    nodeCount,
    mean,
    standardDeviation,
    ci95: [mean - halfWidth, mean + halfWidth],
    min: sorted[0],
    median: runs % 2 ? sorted[runs >> 1] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2,
    max: sorted[runs - 1],
    meanHardOnly,
    amplification: meanHardOnly > 0 ? mean / meanHardOnly : Number.NaN,
    viralShare,
    viralReach,
    viralProbability: viral / runs,
    viralCi95: wilson(viral, runs),
    histogram: histogram(sorted, options.bins ?? 40),
  };
}

function histogram(sorted: Int32Array, maxBins: number): ReachHistogram {
  const top = sorted[sorted.length - 1];
  // Integer bin widths: reach is a count, and a bin of width 2.5 would hide which counts it holds.
  const binWidth = Math.max(1, Math.ceil((top + 1) / Math.max(1, maxBins)));
  const counts = new Array<number>(Math.floor(top / binWidth) + 1).fill(0);
  for (const reach of sorted) counts[Math.floor(reach / binWidth)]++;
  return { binWidth, counts };
}

function wilson(successes: number, trials: number): [number, number] {
  const p = successes / trials;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half =
    (Z95 * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / (1 + z2 / trials);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Runs 0 .. runs - 1 in this thread and summarizes them. */
export function monteCarlo(
  csr: Csr,
  scenario: Scenario,
  options: SummaryOptions & { runs: number; workspace?: SpreadWorkspace },
): ReachSummary {
  const samples = sampleReach(csr, scenario, 0, options.runs, options.workspace);
  return summarizeReach(samples, csr.nodeCount, options);
}
