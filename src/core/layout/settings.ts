import { validateSettings } from 'graphology-layout-forceatlas2/helpers.js';
import type { Fa2IterateOptions } from 'graphology-layout-forceatlas2/iterate.js';

/** Every ForceAtlas2 knob, all present: `iterate` applies no defaults of its own. */
export type Fa2Settings = Fa2IterateOptions;

/** What settings inference looks at; cheap to compute from a payload without building a graph. */
export interface GraphShape {
  nodeCount: number;
  edgeCount: number;
  /** Whether node sizes come with the graph (needed for anti-collision to mean anything). */
  withSizes?: boolean;
}

/**
 * Above this many nodes the O(n²) repulsion costs more than the Barnes-Hut quadtree (≈ 1.1 M pairs per
 * iteration at 1.5 k nodes, a few ms; the tree wins from there on and the approximation is invisible).
 */
export const BARNES_HUT_MIN_NODES = 1500;

/** Above this many nodes a coarser Barnes-Hut θ keeps an iteration well under a frame's worth of time. */
export const COARSE_THETA_MIN_NODES = 50_000;

/**
 * Settings that give a readable layout and settle on their own, inferred from the graph's size and
 * density. Same spirit as graphology's `inferSettings`, with the reasons written down:
 *
 * - `barnesHutOptimize` from {@link BARNES_HUT_MIN_NODES}: exact repulsion is quadratic.
 * - `strongGravityMode` with a small `gravity`: gravity grows with distance, so disconnected components
 *   and isolated nodes (common in hashtag datasets) stay near the rest instead of drifting off and
 *   blowing up the extent; a small coefficient keeps it from squashing the big component.
 * - `scalingRatio` 10 (repulsion over attraction): only the ratio matters because the renderer fits
 *   the extent to the screen. Dense graphs (mean degree above ~10) get more, so their hairball opens
 *   up; FA2 already scales repulsion with degree² through node mass, hence only a square-root boost.
 * - `slowDown` 1 + ln(n)/4 (≈ 2 at 100 nodes, ≈ 3 at 5 k), times the density boost: big or dense graphs
 *   swing more and need damping to settle, but graphology's 1 + ln(n) (≈ 9.5 at 5 k) damps so much
 *   that convergence took up to 2× more iterations in our measurements (tests/unit/layout).
 * - `linLogMode` off: it separates communities more but takes far longer to settle and squeezes
 *   trees; a user can switch it on through a settings update.
 * - `adjustSizes` (prevent overlap) on when sizes come with the graph and repulsion is exact: with
 *   sizes converted to layout units (sizes.ts) it settles cleanly, in ~4× the iterations (school
 *   network: 1200 instead of 320, half a second) and leaves no disc on top of another (35 pairs
 *   overlapped without it). Graphology's Barnes-Hut repulsion ignores sizes, so above
 *   {@link BARNES_HUT_MIN_NODES} it would only slow the run down: off there, a user can still ask.
 */
export function inferSettings(shape: GraphShape): Fa2Settings {
  const nodeCount = Math.max(1, shape.nodeCount);
  const meanDegree = (2 * Math.max(0, shape.edgeCount)) / nodeCount;
  const densityBoost = Math.sqrt(Math.max(1, meanDegree / 10));
  return {
    linLogMode: false,
    outboundAttractionDistribution: false,
    adjustSizes: shape.withSizes === true && nodeCount <= BARNES_HUT_MIN_NODES,
    edgeWeightInfluence: 1,
    scalingRatio: 10 * densityBoost,
    strongGravityMode: true,
    gravity: 0.05,
    slowDown: (1 + Math.log(nodeCount) / 4) * densityBoost,
    barnesHutOptimize: nodeCount > BARNES_HUT_MIN_NODES,
    barnesHutTheta: nodeCount > COARSE_THETA_MIN_NODES ? 0.8 : 0.5,
  };
}

/** Thrown when settings coming from a message are not usable; the worker turns it into an error status. */
export class InvalidSettingsError extends Error {
  override name = 'InvalidSettingsError';
}

/**
 * Applies overrides on top of a full settings object, rejecting what would make FA2 produce NaN
 * (graphology's own validation, plus positivity of slowDown, which it lets through).
 */
export function mergeSettings(
  base: Fa2Settings,
  overrides: Partial<Fa2Settings> | undefined,
): Fa2Settings {
  const merged: Fa2Settings = { ...base };
  if (overrides) {
    for (const key of Object.keys(overrides) as (keyof Fa2Settings)[]) {
      const value = overrides[key];
      if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
    }
  }
  const problem = validateSettings(merged as unknown as Record<string, unknown>);
  if (problem) throw new InvalidSettingsError(`ForceAtlas2: ${problem.message}`);
  if (!(merged.slowDown > 0) || !Number.isFinite(merged.slowDown)) {
    throw new InvalidSettingsError('ForceAtlas2: the `slowDown` setting should be a number > 0.');
  }
  return merged;
}
