import type { GraphShape } from './settings';

/**
 * How long a layout may run before it stops itself, scaled to the graph. One FA2 iteration costs
 * about O(n log n + m) (Barnes-Hut above 1.5 k nodes), and big graphs also need more iterations to
 * settle, so the budget grows with n + m. Measured in the worker (bench/layout.bench.ts): les-misérables
 * settles in well under a second, the 5 k-node power grid in ~10 s, a 50 k-node graph needs minutes
 * to settle fully but reads well after one.
 */

/** Even a tiny graph gets this long: a few hundred iterations absorb a settings change comfortably. */
export const MIN_TIME_BUDGET_MS = 5_000;
/** Past this, people have long stopped watching; Resume continues for another budget. */
export const MAX_TIME_BUDGET_MS = 120_000;
/** Extra milliseconds per node or edge: ≈ 20 s for 10 k nodes + 10 k edges. */
const MS_PER_ITEM = 0.75;

export function layoutTimeBudgetMs(shape: GraphShape): number {
  // NaN or negative counts (a malformed shape) must not yield a NaN budget: that never stops.
  const count = (x: number) => (x > 0 ? x : 0);
  const items = count(shape.nodeCount) + count(shape.edgeCount);
  return Math.round(
    Math.min(
      MAX_TIME_BUDGET_MS,
      Math.max(MIN_TIME_BUDGET_MS, MIN_TIME_BUDGET_MS + items * MS_PER_ITEM),
    ),
  );
}
