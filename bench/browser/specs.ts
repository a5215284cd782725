import type { GraphSpec } from './graphs';

export interface BrowserSpec extends GraphSpec {
  /** Slider moves measured per run (after WARMUP_STEPS), and whether to measure playing too. */
  steps: number;
  play: boolean;
  /** Longest wait for one animation frame, and for the first one after loading. */
  frameTimeoutMs: number;
  firstFrameTimeoutMs: number;
  /** Main-thread JS heap after loading (forced GC) that this size must stay within (issue 11). */
  heapBudgetMiB: number;
}

// Software WebGL makes every frame of a 500k-edge graph cost seconds of main-thread time here (the
// canvas is read back for the software compositor), so the big graphs get fewer frames.
export const ALL_SPECS: BrowserSpec[] = [
  {
    label: '10k-50k',
    nodes: 10_000,
    edges: 50_000,
    seed: 61,
    layoutCapMs: 60_000,
    steps: 30,
    play: true,
    frameTimeoutMs: 5_000,
    firstFrameTimeoutMs: 120_000,
    heapBudgetMiB: 64,
  },
  {
    label: '100k-500k',
    nodes: 100_000,
    edges: 500_000,
    seed: 62,
    layoutCapMs: 30_000,
    steps: 20,
    play: false,
    frameTimeoutMs: 20_000,
    firstFrameTimeoutMs: 120_000,
    heapBudgetMiB: 256,
  },
  {
    label: '100k-1M',
    nodes: 100_000,
    edges: 1_000_000,
    seed: 63,
    layoutCapMs: 30_000,
    steps: 20,
    play: false,
    frameTimeoutMs: 20_000,
    firstFrameTimeoutMs: 120_000,
    heapBudgetMiB: 384,
  },
];
/** `BENCH_BROWSER_SIZES=10k-50k,100k-500k` picks sizes; all three by default. */
const SIZES = process.env.BENCH_BROWSER_SIZES ?? 'all';
export const SPECS =
  SIZES === 'all' ? ALL_SPECS : ALL_SPECS.filter((s) => SIZES.split(',').includes(s.label));
export const WORTH = 0.25;
export const SEED = 1;
/** Slider runs: adoptions added per frame, and frames per run (after a few warm-up frames). */
export const STEP_SIZES = [10, 100];
export const WARMUP_STEPS = 2;
export const PLAY_SECONDS = 5;
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16];
