import type { Csr } from '../graph/csr';
import { runSpread } from './independent-cascade';
import { finish, runSeed } from './monte-carlo';
import type { Scenario } from './types';
import { SpreadWorkspace, workspaceFor } from './workspace';

/**
 * The network's epidemic threshold for the independent cascade: the worth T* at which one
 * person's expected number of onward tellings, T · (⟨k²⟩ − ⟨k⟩) / ⟨k⟩, reaches 1 (Newman 2002,
 * "Spread of epidemic disease on networks": someone reached along an edge has on average
 * (⟨k²⟩ − ⟨k⟩) / ⟨k⟩ other contacts). Below it cascades stay small; above it a giant cascade
 * reaching a finite share of the network becomes possible.
 *
 * k is the out-degree (the CSR holds undirected edges in both directions, so there it is the
 * degree). For a directed graph that formula is the one DESIGN.md asks for, but it assumes in- and
 * out-degree are the same number; `directedThreshold`, ⟨k_out⟩ / ⟨k_in · k_out⟩, is the directed
 * configuration model's value (a person reached along an edge is picked in proportion to their
 * in-degree, and tells their out-contacts, with no edge back to subtract). Both ignore clustering
 * and delays; forgetting multiplies the effective worth by P(delay < attention).
 */
export interface BranchingThreshold {
  meanDegree: number;
  meanSquareDegree: number;
  /** ⟨k⟩ / (⟨k²⟩ − ⟨k⟩) with k the out-degree; Infinity when no cascade can grow. */
  threshold: number;
  /** ⟨k_out⟩ / ⟨k_in · k_out⟩, for directed graphs. */
  directedThreshold: number;
}

export function branchingThreshold(csr: Csr): BranchingThreshold {
  const { nodeCount, offsets, targets } = csr;
  const inDegree = new Int32Array(nodeCount);
  for (let slot = 0; slot < targets.length; slot++) inDegree[targets[slot]]++;
  let sum = 0;
  let squares = 0;
  let joint = 0;
  for (let node = 0; node < nodeCount; node++) {
    const k = offsets[node + 1] - offsets[node];
    sum += k;
    squares += k * k;
    joint += k * inDegree[node];
  }
  const n = Math.max(1, nodeCount);
  const meanDegree = sum / n;
  const meanSquareDegree = squares / n;
  const excess = meanSquareDegree - meanDegree;
  return {
    meanDegree,
    meanSquareDegree,
    threshold: excess > 0 ? meanDegree / excess : Infinity,
    directedThreshold: joint > 0 ? sum / joint : Infinity,
  };
}

/** `points` worths evenly spaced from 0 to 1 inclusive (21 points: steps of 0.05). */
export function sweepWorths(points: number): number[] {
  if (!(Number.isInteger(points) && points >= 2))
    throw new RangeError(`points must be >= 2, got ${points}`);
  return Array.from({ length: points }, (_, i) => i / (points - 1));
}

/**
 * Per-worth sums over some runs. Reaches are integers and their sums stay far below 2^53, so
 * adding parts in any order gives exactly the same totals: the split over workers cannot change
 * the curve.
 */
export interface SweepSums {
  worths: number[];
  runs: number;
  total: Float64Array;
  totalSquares: Float64Array;
  hardOnly: Float64Array;
}

/**
 * Runs `count` spreads (from run `firstRun`) at every worth, yielding the number of spreads done
 * after each. Run r uses the same seed at every worth.
 */
export function* sweepSteps(
  csr: Csr,
  scenario: Scenario,
  worths: readonly number[],
  firstRun: number,
  count: number,
  workspace?: SpreadWorkspace,
): Generator<number, SweepSums, void> {
  const ws = workspaceFor(csr, workspace);
  const points = worths.length;
  const sums: SweepSums = {
    worths: [...worths],
    runs: count,
    total: new Float64Array(points),
    totalSquares: new Float64Array(points),
    hardOnly: new Float64Array(points),
  };
  const run: Scenario = { ...scenario };
  let done = 0;
  for (let r = firstRun; r < firstRun + count; r++) {
    run.seed = runSeed(scenario.seed, r);
    for (let p = 0; p < points; p++) {
      run.worth = worths[p];
      const outcome = runSpread(csr, run, ws);
      sums.total[p] += outcome.length;
      sums.totalSquares[p] += outcome.length * outcome.length;
      sums.hardOnly[p] += outcome.hardOnlyReach;
      yield ++done;
    }
  }
  return sums;
}

export function mergeSweepSums(parts: readonly SweepSums[]): SweepSums {
  const worths = parts[0]?.worths ?? [];
  const merged: SweepSums = {
    worths: [...worths],
    runs: 0,
    total: new Float64Array(worths.length),
    totalSquares: new Float64Array(worths.length),
    hardOnly: new Float64Array(worths.length),
  };
  for (const part of parts) {
    merged.runs += part.runs;
    for (let p = 0; p < worths.length; p++) {
      merged.total[p] += part.total[p];
      merged.totalSquares[p] += part.totalSquares[p];
      merged.hardOnly[p] += part.hardOnly[p];
    }
  }
  return merged;
}

export interface SweepPoint {
  worth: number;
  meanReach: number;
  /** 95% confidence interval of meanReach. */
  ci95: [number, number];
  /** Expected reach if nobody passed it on: flat in worth, the counterfactual line. */
  meanHardOnly: number;
}

export interface WorthSweep {
  runs: number;
  nodeCount: number;
  points: SweepPoint[];
  threshold: BranchingThreshold;
}

export function summarizeSweep(sums: SweepSums, csr: Csr): WorthSweep {
  const n = sums.runs;
  const points = sums.worths.map((worth, p): SweepPoint => {
    const mean = sums.total[p] / n;
    const variance = n > 1 ? Math.max(0, (sums.totalSquares[p] - n * mean * mean) / (n - 1)) : NaN;
    const half = (1.959963984540054 * Math.sqrt(variance)) / Math.sqrt(n);
    return {
      worth,
      meanReach: mean,
      ci95: [mean - half, mean + half],
      meanHardOnly: sums.hardOnly[p] / n,
    };
  });
  return { runs: n, nodeCount: csr.nodeCount, points, threshold: branchingThreshold(csr) };
}

/** Expected reach against worth in this thread: `points` worths × `runs` spreads. */
export function worthSweep(
  csr: Csr,
  scenario: Scenario,
  options: { points?: number; runs: number; workspace?: SpreadWorkspace },
): WorthSweep {
  const worths = sweepWorths(options.points ?? 21);
  const sums = finish(sweepSteps(csr, scenario, worths, 0, options.runs, options.workspace));
  return summarizeSweep(sums, csr);
}
