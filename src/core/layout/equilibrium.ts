import type { Fa2Settings } from './settings';
import type { WeightedGraph } from './weighted-graph';

/**
 * The size at which FA2 would hold a drawing of this shape, so a start placement neither makes FA2
 * spend its first hundred iterations shrinking or inflating the whole picture, nor (by sitting at
 * the wrong size) hides how far from settled it is.
 *
 * FA2 without prevent-overlap is the gradient flow of an energy: attraction w·d per edge (w·ln(1+d) in
 * linLog mode), repulsion scalingRatio·mᵢ·mⱼ/d per pair, gravity gravity·m·r (strong) or gravity·m
 * towards the origin. At any equilibrium the derivative of that energy along a uniform scaling is
 * zero (the virial theorem): Σ attraction·length + Σ gravity·radius = scalingRatio·Σ_{i<j} mᵢmⱼ, the
 * repulsion side being the same at every scale. Solving it for the factor s that balances a given
 * shape costs O(nodes + edges) (a few dozen times that in linLog or weak-gravity mode, where the
 * balance is not a plain power of s). Checked on layouts FA2 had settled (power grid, political
 * blogs, tests/unit/layout): the factor comes out at 1.00–1.01.
 */
export function equilibriumScale(
  xy: Float32Array,
  graph: WeightedGraph,
  settings: Fa2Settings,
): number {
  const { nodeCount, mass } = graph;
  let totalMass = 0;
  let squaredMasses = 0;
  for (let i = 0; i < nodeCount; i++) {
    totalMass += mass[i];
    squaredMasses += mass[i] * mass[i];
  }
  const repulsion = (settings.scalingRatio * (totalMass * totalMass - squaredMasses)) / 2;
  if (!(repulsion > 0) || !Number.isFinite(repulsion)) return 1;

  const pull = pullVirial(xy, graph, settings);
  const atOne = pull(1);
  // Nothing holds the drawing together (no edges, no gravity): any size is as good as this one.
  if (!(atOne > 0) || !Number.isFinite(atOne)) return 1;
  // Linear attraction and strong gravity both grow as s², so this is exact for FA2's usual modes
  // and a close first guess otherwise.
  const guess = Math.sqrt(repulsion / atOne);
  if (!settings.linLogMode && settings.strongGravityMode) return guess;
  return solveIncreasing((s) => pull(s) - repulsion, guess);
}

/** Root of an increasing function, bracketed by doubling from `guess`, then bisected in log scale. */
function solveIncreasing(f: (s: number) => number, guess: number): number {
  let low = guess;
  let high = guess;
  for (let k = 0; f(high) < 0; k++) {
    if (k === 60) return high;
    high *= 2;
  }
  for (let k = 0; f(low) > 0; k++) {
    if (k === 60) return low;
    low /= 2;
  }
  while (high > low * (1 + 1e-6)) {
    const middle = Math.sqrt(low * high);
    if (f(middle) < 0) low = middle;
    else high = middle;
  }
  return Math.sqrt(low * high);
}

/** Σ force · distance of attraction and gravity when the drawing is scaled by s. */
function pullVirial(
  xy: Float32Array,
  graph: WeightedGraph,
  settings: Fa2Settings,
): (s: number) => number {
  const { nodeCount, offsets, neighbours, weights, mass } = graph;
  const lengths = new Float64Array(neighbours.length >> 1);
  const pulls = new Float64Array(lengths.length);
  // With outbound attraction distribution FA2 divides a source's pull by its mass and multiplies all
  // by the mean mass; the merged graph has no direction left, so both ends' masses are averaged.
  let meanMass = 0;
  for (let i = 0; i < nodeCount; i++) meanMass += mass[i] / nodeCount;
  let e = 0;
  for (let i = 0; i < nodeCount; i++) {
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const j = neighbours[k];
      if (j <= i) continue;
      lengths[e] = Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]);
      pulls[e++] = settings.outboundAttractionDistribution
        ? (weights[k] * meanMass * (1 / mass[i] + 1 / mass[j])) / 2
        : weights[k];
    }
  }
  const radii = new Float64Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) radii[i] = Math.hypot(xy[2 * i], xy[2 * i + 1]);

  return (s: number) => {
    let total = 0;
    for (let k = 0; k < lengths.length; k++) {
      const d = s * lengths[k];
      total += pulls[k] * (settings.linLogMode ? Math.log1p(d) : d) * d;
    }
    for (let i = 0; i < nodeCount; i++) {
      const r = s * radii[i];
      total += settings.gravity * mass[i] * (settings.strongGravityMode ? r * r : r);
    }
    return total;
  };
}
