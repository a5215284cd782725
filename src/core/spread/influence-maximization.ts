import type { Csr } from '../graph/csr';
import { runSpread } from './independent-cascade';
import { finish, runSeed } from './monte-carlo';
import type { Scenario } from './types';
import { SpreadWorkspace, workspaceFor } from './workspace';

export interface InfluenceOptions {
  /** How many origins to pick. */
  k: number;
  /** Spreads per estimate of expected reach. */
  runs: number;
  /**
   * Whom to consider: node indices, or a number N for the N highest out-degree nodes (default
   * 200). The first CELF round estimates every candidate alone, N × runs spreads: over all nodes of
   * a large graph that would take hours, and people with few contacts are rarely the best picks.
   */
  candidates?: readonly number[] | number;
}

export interface InfluenceResult {
  /** The picked origins, in the order CELF picked them. */
  chosen: number[];
  /** Estimated expected reach after each pick. */
  expectedReach: number[];
  /** The k highest out-degree nodes, the obvious alternative, and their expected reach. */
  topDegree: number[];
  topDegreeReach: number;
  /** Reach estimates made (each `runs` spreads); plain greedy would make about k × candidates. */
  evaluations: number;
  candidateCount: number;
}

export interface InfluenceProgress {
  /** Rough share done, 0..1: lazy evaluation makes the exact amount unknowable in advance. */
  progress: number;
  evaluations: number;
}

/** The k nodes of highest out-degree, ties to the lower index. */
export function topDegreeNodes(csr: Csr, k: number): number[] {
  const { offsets } = csr;
  const degree = (node: number) => offsets[node + 1] - offsets[node];
  const nodes = Array.from({ length: csr.nodeCount }, (_, i) => i);
  nodes.sort((a, b) => degree(b) - degree(a) || a - b);
  return nodes.slice(0, k);
}

/**
 * Expected total reach with `origins`, over runs 0 .. runs - 1 (the same seeds for every set, so
 * differences between sets are not drowned in sampling noise). Yields after each spread.
 */
export function* expectedReachSteps(
  csr: Csr,
  scenario: Scenario,
  origins: readonly number[],
  runs: number,
  ws: SpreadWorkspace,
): Generator<void, number, void> {
  if (origins.length === 0) return 0;
  const run: Scenario = { ...scenario, origins: [...origins] };
  let sum = 0;
  for (let r = 0; r < runs; r++) {
    run.seed = runSeed(scenario.seed, r);
    sum += runSpread(csr, run, ws).length;
    yield;
  }
  return sum / runs;
}

/**
 * "Whom should Sylvia tell?": greedy influence maximization (Kempe, Kleinberg & Tardos 2003) with
 * CELF lazy evaluation (Leskovec et al. 2007, "Cost-effective outbreak detection in networks").
 * Greedy adds, k times, the candidate with the largest gain in expected reach. Expected reach is
 * submodular in the origin set (a gain never grows as the set grows), so a gain computed in an
 * earlier round is an upper bound: only the candidate on top of the queue needs re-estimating,
 * and if its fresh gain still tops the queue it is the pick. Estimates are Monte Carlo, so the
 * guarantee (within 1 − 1/e of the best set) holds only approximately.
 *
 * The scenario's origins are ignored: this picks them. Yields progress after each spread.
 */
export function* influenceSteps(
  csr: Csr,
  scenario: Scenario,
  options: InfluenceOptions,
  workspace?: SpreadWorkspace,
): Generator<InfluenceProgress, InfluenceResult, void> {
  const { runs } = options;
  const k = Math.min(options.k, csr.nodeCount);
  if (!(Number.isInteger(k) && k >= 1))
    throw new RangeError(`k must be an integer >= 1, got ${options.k}`);
  if (!(Number.isInteger(runs) && runs >= 1))
    throw new RangeError(`runs must be >= 1, got ${runs}`);
  const ws = workspaceFor(csr, workspace);
  const candidates =
    typeof options.candidates === 'object'
      ? [...new Set(options.candidates)]
      : topDegreeNodes(csr, Math.max(k, options.candidates ?? 200));
  let evaluations = 0;
  const planned = candidates.length + 2 * k; // a typical count, for the progress bar only
  const estimate = function* (origins: number[]): Generator<InfluenceProgress, number, void> {
    const reach = expectedReachSteps(csr, scenario, origins, runs, ws);
    let spreads = 0;
    for (;;) {
      const step = reach.next();
      if (step.done) {
        evaluations++;
        return step.value;
      }
      spreads++;
      const progress = Math.min(0.99, (evaluations + spreads / runs) / planned);
      yield { progress, evaluations };
    }
  };

  // gain[i]: last estimated marginal gain of candidates[i]; round[i]: set size it was computed at.
  const gain = new Float64Array(candidates.length);
  const round = new Int32Array(candidates.length);
  const open = new Uint8Array(candidates.length).fill(1);
  for (let i = 0; i < candidates.length; i++) gain[i] = yield* estimate([candidates[i]]);

  const chosen: number[] = [];
  const expectedReach: number[] = [];
  let current = 0;
  while (chosen.length < k) {
    let best = -1;
    for (let i = 0; i < candidates.length; i++) {
      if (open[i] && (best < 0 || gain[i] > gain[best])) best = i;
    }
    if (best < 0) break; // fewer candidates than k
    if (round[best] === chosen.length) {
      open[best] = 0;
      chosen.push(candidates[best]);
      current += gain[best];
      expectedReach.push(current);
      continue;
    }
    gain[best] = (yield* estimate([...chosen, candidates[best]])) - current;
    round[best] = chosen.length;
  }

  const topDegree = topDegreeNodes(csr, k);
  const topDegreeReach = yield* estimate(topDegree);
  return {
    chosen,
    expectedReach,
    topDegree,
    topDegreeReach,
    evaluations,
    candidateCount: candidates.length,
  };
}

export function maximizeInfluence(
  csr: Csr,
  scenario: Scenario,
  options: InfluenceOptions,
  workspace?: SpreadWorkspace,
): InfluenceResult {
  return finish(influenceSteps(csr, scenario, options, workspace));
}
