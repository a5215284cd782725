import type { Adjacency } from './adjacency';

/**
 * Turns a rough placement into a "spectral-ish" one, in place: repeated neighbour averaging (power
 * iteration of the lazy random walk ½(I + D⁻¹A), as in Koren's degree-normalised eigenvectors) drives
 * x and y towards the graph's smoothest non-trivial directions, where clusters sit together and long
 * paths stretch out. y is kept orthogonal to x so the drawing cannot collapse onto a line, and each
 * component keeps its centre and spread, so the packing done before stays valid.
 *
 * A share of the original placement is blended back in: averaging makes structurally equivalent nodes
 * (leaves of one hub, two-node components) coincide, and FA2 exerts no force between nodes at
 * distance 0, so they would never separate.
 *
 * Why: FA2's slowest phase is untangling global structure (a folded grid, a tree with crossed
 * branches); this costs O(rounds × edges), far less than one FA2 iteration per round.
 */
/** Share of the input placement kept (0.2 cost no convergence speed in our measurements). */
const ORIGINAL_SHARE = 0.2;

export function smoothPlacement(
  xy: Float32Array,
  adjacency: Adjacency,
  component: Int32Array,
  componentCount: number,
  rounds: number,
): void {
  const n = xy.length >> 1;
  if (n === 0 || rounds <= 0) return;
  const { offsets, neighbours } = adjacency;
  // Degree + 1 as the inner-product weight: isolated nodes still count, hubs count more (as FA2's mass).
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) weight[i] = offsets[i + 1] - offsets[i] + 1;

  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = xy[2 * i];
    y[i] = xy[2 * i + 1];
  }
  const sums = perComponent(componentCount);
  const centreX = sums.mean(x, component, null);
  const centreY = sums.mean(y, component, null);
  const spread = new Float64Array(componentCount);
  for (let i = 0; i < n; i++) {
    spread[component[i]] +=
      (x[i] - centreX[component[i]]) ** 2 + (y[i] - centreY[component[i]]) ** 2;
  }

  const nextX = new Float64Array(n);
  const nextY = new Float64Array(n);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < n; i++) {
      const degree = offsets[i + 1] - offsets[i];
      if (degree === 0) {
        nextX[i] = x[i];
        nextY[i] = y[i];
        continue;
      }
      let sx = 0;
      let sy = 0;
      for (let k = offsets[i]; k < offsets[i + 1]; k++) {
        sx += x[neighbours[k]];
        sy += y[neighbours[k]];
      }
      nextX[i] = 0.5 * (x[i] + sx / degree);
      nextY[i] = 0.5 * (y[i] + sy / degree);
    }
    x.set(nextX);
    y.set(nextY);
    // Remove the trivial (constant per component) direction, then keep y ⟂ x, both unit length.
    subtractPerComponent(x, sums.mean(x, component, weight), component);
    subtractPerComponent(y, sums.mean(y, component, weight), component);
    normalise(x, weight, component, componentCount);
    const overlap = sums.dot(x, y, component, weight);
    for (let i = 0; i < n; i++) y[i] -= overlap[component[i]] * x[i];
    normalise(y, weight, component, componentCount);
  }

  // Back to the component's original centre and spread, with some of the original placement.
  const current = new Float64Array(componentCount);
  for (let i = 0; i < n; i++) current[component[i]] += x[i] * x[i] + y[i] * y[i];
  for (let i = 0; i < n; i++) {
    const c = component[i];
    const scale = current[c] > 0 ? Math.sqrt(spread[c] / current[c]) : 0;
    xy[2 * i] = (1 - ORIGINAL_SHARE) * (centreX[c] + x[i] * scale) + ORIGINAL_SHARE * xy[2 * i];
    xy[2 * i + 1] =
      (1 - ORIGINAL_SHARE) * (centreY[c] + y[i] * scale) + ORIGINAL_SHARE * xy[2 * i + 1];
  }
}

function perComponent(componentCount: number) {
  return {
    mean(v: Float64Array, component: Int32Array, weight: Float64Array | null): Float64Array {
      const total = new Float64Array(componentCount);
      const mass = new Float64Array(componentCount);
      for (let i = 0; i < v.length; i++) {
        const w = weight ? weight[i] : 1;
        total[component[i]] += w * v[i];
        mass[component[i]] += w;
      }
      for (let c = 0; c < componentCount; c++) total[c] = mass[c] > 0 ? total[c] / mass[c] : 0;
      return total;
    },
    dot(
      a: Float64Array,
      b: Float64Array,
      component: Int32Array,
      weight: Float64Array,
    ): Float64Array {
      const total = new Float64Array(componentCount);
      for (let i = 0; i < a.length; i++) total[component[i]] += weight[i] * a[i] * b[i];
      return total;
    },
  };
}

function subtractPerComponent(v: Float64Array, mean: Float64Array, component: Int32Array): void {
  for (let i = 0; i < v.length; i++) v[i] -= mean[component[i]];
}

function normalise(
  v: Float64Array,
  weight: Float64Array,
  component: Int32Array,
  componentCount: number,
): void {
  const norm = new Float64Array(componentCount);
  for (let i = 0; i < v.length; i++) norm[component[i]] += weight[i] * v[i] * v[i];
  for (let c = 0; c < componentCount; c++) norm[c] = norm[c] > 0 ? 1 / Math.sqrt(norm[c]) : 0;
  for (let i = 0; i < v.length; i++) v[i] *= norm[component[i]];
}
