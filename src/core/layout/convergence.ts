/**
 * When is a ForceAtlas2 run done? FA2 has no energy to minimise that it reports, and with adaptive
 * speeds it never reaches zero motion, so we watch what the user sees: how far nodes move per
 * iteration compared with the size of the drawing. The renderer fits the drawing to the screen, so a
 * mean move of 1/10 000 of the bounding-box diagonal is a tenth of a pixel on a 1000-pixel canvas.
 * A looser 1/1000 stopped runs that still drifted 5–10 % of the diagonal afterwards (measured on
 * les-misérables and block-model graphs); at 1/10 000 the remaining drift is under 1 %.
 */

export interface ConvergenceOptions {
  /** Smoothed relative displacement under which an iteration counts as "still". */
  threshold: number;
  /** Consecutive still iterations before declaring convergence (one still iteration can be a fluke of swinging). */
  patience: number;
  /** Weight of the newest sample in the exponential moving average (FA2 motion is noisy per iteration). */
  smoothing: number;
}

export const DEFAULT_CONVERGENCE: ConvergenceOptions = {
  threshold: 1e-4,
  patience: 20,
  smoothing: 0.2,
};

export interface ConvergenceState {
  iterations: number;
  /** Last raw measure: mean displacement over bounding-box diagonal. */
  measure: number;
  /** Exponential moving average of `measure`; NaN before the first sample. */
  smoothed: number;
  /** Largest smoothed value seen: the starting point of the progress scale. */
  peak: number;
  /** Consecutive iterations with `smoothed` below the threshold. */
  streak: number;
  converged: boolean;
  /** 0..1, never decreasing, for "settling… 70%". */
  progress: number;
}

export function initialConvergence(): ConvergenceState {
  return {
    iterations: 0,
    measure: NaN,
    smoothed: NaN,
    peak: 0,
    streak: 0,
    converged: false,
    progress: 0,
  };
}

/** The bounding box of interleaved x, y positions ([Infinity, -Infinity] sides when empty). */
export function boundingBox(xy: Float32Array): { x: [number, number]; y: [number, number] } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i];
    const y = xy[i + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { x: [minX, maxX], y: [minY, maxY] };
}

/** Diagonal of the bounding box of interleaved x, y positions (0 for fewer than two distinct points). */
export function extentDiagonal(xy: Float32Array): number {
  if (xy.length < 2) return 0;
  const { x, y } = boundingBox(xy);
  return Math.hypot(x[1] - x[0], y[1] - y[0]);
}

/** Mean Euclidean distance between matching points of two interleaved x, y arrays. */
export function meanDisplacement(before: Float32Array, after: Float32Array): number {
  const n = before.length >> 1;
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < before.length; i += 2)
    sum += Math.hypot(after[i] - before[i], after[i + 1] - before[i + 1]);
  return sum / n;
}

/** Mean displacement relative to the extent after the move; a collapsed drawing counts as fully moving. */
export function relativeDisplacement(before: Float32Array, after: Float32Array): number {
  const diagonal = extentDiagonal(after);
  const moved = meanDisplacement(before, after);
  if (moved === 0) return 0;
  return diagonal > 0 ? moved / diagonal : 1;
}

/** Folds one iteration's measure into the state. Pure: returns a new state. */
export function updateConvergence(
  state: ConvergenceState,
  measure: number,
  options: ConvergenceOptions = DEFAULT_CONVERGENCE,
): ConvergenceState {
  // NaN means the layout blew up; treat it as maximal motion rather than as "still".
  const sample = Number.isFinite(measure) ? measure : 1;
  const smoothed = Number.isNaN(state.smoothed)
    ? sample
    : state.smoothed + options.smoothing * (sample - state.smoothed);
  const peak = Math.max(state.peak, smoothed);
  const streak = smoothed < options.threshold ? state.streak + 1 : 0;
  const converged = streak >= options.patience;
  const progress = converged
    ? 1
    : Math.max(state.progress, progressEstimate(smoothed, peak, streak, options));
  return {
    iterations: state.iterations + 1,
    measure: sample,
    smoothed,
    peak,
    streak,
    converged,
    progress,
  };
}

/**
 * Motion decays roughly geometrically, so progress is linear in log(motion) from the peak down to the
 * threshold; the last few percent are the patience stretch. Capped below 1 until actually converged.
 */
export function progressEstimate(
  smoothed: number,
  peak: number,
  streak: number,
  options: ConvergenceOptions,
): number {
  const patienceShare = 0.05;
  if (!(peak > options.threshold)) {
    return Math.min(
      0.99,
      1 - patienceShare + (patienceShare * streak) / Math.max(1, options.patience),
    );
  }
  const span = Math.log(peak / options.threshold);
  const done = Math.log(peak / Math.max(smoothed, options.threshold)) / span;
  const decay = Math.min(1, Math.max(0, done)) * (1 - patienceShare);
  const waiting = (patienceShare * streak) / Math.max(1, options.patience);
  return Math.min(0.99, decay + waiting);
}

/** A state already at rest: graphs with fewer than two nodes have nothing to lay out. */
export function convergedAtRest(state: ConvergenceState): ConvergenceState {
  return { ...state, measure: 0, smoothed: 0, streak: 0, converged: true, progress: 1 };
}
