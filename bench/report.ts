/**
 * What a node benchmark hands to bench/run.mjs: one section of RESULTS.md. A bench file prints
 * progress on stderr and calls `emitSection` once; run.mjs finds the marked line on stdout, so
 * benchmarks of any kind (parsers, layout, a browser driver) can add sections without touching it.
 */
export interface BenchTable {
  columns: string[];
  rows: (string | number)[][];
}

export interface BenchSection {
  /** Stable key: the section is replaced in RESULTS.md on re-run, others are kept. */
  id: string;
  title: string;
  /** What was measured and how, in a sentence or two. */
  description: string;
  tables: BenchTable[];
  notes?: string[];
}

export const SECTION_MARKER = 'BENCH_SECTION ';

export function emitSection(section: BenchSection): void {
  process.stdout.write(`${SECTION_MARKER}${JSON.stringify(section)}\n`);
}

export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

export interface Timings {
  /** Wall-clock milliseconds per run, sorted. */
  wall: number[];
  /**
   * CPU milliseconds (user + system) of this process per run, sorted: on a shared machine other
   * processes stretch wall time but not this, so ratios taken from it are steadier.
   */
  cpu: number[];
}

/** Times `run` `repeats` times after `warmups` untimed runs. */
export function timeRuns(run: () => void, repeats: number, warmups = 1): Timings {
  for (let i = 0; i < warmups; i++) run();
  const timings: Timings = { wall: [], cpu: [] };
  for (let i = 0; i < repeats; i++) {
    collectGarbage();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run();
    timings.wall.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    timings.cpu.push((cpu.user + cpu.system) / 1000);
  }
  return sortTimings(timings);
}

/** Appends `more` to `into` and keeps both lists sorted. */
export function mergeTimings(into: Timings, more: Timings): Timings {
  into.wall.push(...more.wall);
  into.cpu.push(...more.cpu);
  return sortTimings(into);
}

function sortTimings(timings: Timings): Timings {
  timings.wall.sort((a, b) => a - b);
  timings.cpu.sort((a, b) => a - b);
  return timings;
}

export function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Keeps a collection caused by a previous run out of the next timing (run.mjs passes --expose-gc).
 * V8 sweeps after a full collection on background threads; with a large live heap (a 1M-edge
 * graphology graph) that sweeping would compete with the timed run for the cores, so wait for it.
 */
export function collectGarbage(settleMs = 100): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  Atomics.wait(pause, 0, 0, settleMs);
}

export function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

/** 12_345_678 → "12.3 M". */
export function formatCount(value: number): string {
  if (value >= 1e9) return `${(value / 1e9).toFixed(2)} G`;
  if (value >= 1e6) return `${(value / 1e6).toFixed(1)} M`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)} k`;
  return String(Math.round(value));
}
