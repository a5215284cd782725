/**
 * Monte Carlo benchmark: 1,000 independent cascades on the 100k-node / 1M-edge graph of
 * bench/spread.bench.ts, through sampleReach (one reused workspace, no timeline copied out), in one
 * thread and split over node worker threads (one per core) the way spread-client splits them over
 * browser workers. The graphology baseline (bench/graphology-baseline.ts) is timed on a few runs
 * of the same seeds; 1,000 of them would take a quarter of an hour.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { csrFromEdges, type Csr } from '../src/core/graph/csr';
import { simulateSpread } from '../src/core/spread/independent-cascade';
import {
  mergeSamples,
  runSeed,
  sampleReach,
  splitRuns,
  summarizeReach,
  type ReachSamples,
} from '../src/core/spread/monte-carlo';
import type { Scenario } from '../src/core/spread/types';
import { SpreadWorkspace } from '../src/core/spread/workspace';
import { buildGraphologyGraph, graphologySpread } from './graphology-baseline';
import type { ThreadChunk, ThreadData } from './monte-carlo-thread';
import { nodeWithOutDegreeNear, skewedDirectedGraph, SPREAD_BENCH } from './random-graph';
import { collectGarbage, emitSection, formatCount, formatMs, progress } from './report';

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const RUNS = 1000;
/** Runs for the one-thread figures: enough for a steady rate, few enough to keep the bench short. */
const SINGLE_RUNS = 150;
/** A worth below the graph's threshold: small cascades, where per-run memory set-up would show. */
const SMALL_WORTH = 0.03;
const SMALL_RUNS = 1000;
const BASELINE_RUNS = 4;
const WARMUP_RUNS = 20;
const THREAD_URL = new URL('./monte-carlo-thread.ts', import.meta.url).href;

interface Rate {
  runs: number;
  wallMs: number;
  edgesScanned: number;
}

const perSecond = (count: number, ms: number) => `${formatCount((count / ms) * 1000)}/s`;

function timeThreadRuns(
  csr: Csr,
  scenario: Scenario,
  threads: number,
  runs: number,
): Promise<{ rate: Rate; samples: ReachSamples }> {
  const data: ThreadData = { csr, scenario, warmupRuns: WARMUP_RUNS };
  // Node 20 does not apply the parent's module hooks (tsx) to a worker's entry, so the entry is a
  // small script that registers tsx in the worker and then imports the TypeScript file.
  const bootstrap = [
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})`,
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(THREAD_URL)}); });`,
  ].join('');
  const workers = Array.from(
    { length: threads },
    () => new Worker(bootstrap, { eval: true, workerData: data }),
  );
  const ready = workers.map(
    (worker) => new Promise<void>((resolve) => worker.once('message', () => resolve())),
  );
  return Promise.all(ready).then(async () => {
    const start = performance.now();
    const chunks = splitRuns(runs, threads);
    const parts = await Promise.all(
      chunks.map(
        (chunk, i) =>
          new Promise<ReachSamples>((resolve, reject) => {
            workers[i].once('message', (message: { samples: ReachSamples }) =>
              resolve(message.samples),
            );
            workers[i].once('error', reject);
            workers[i].postMessage(chunk satisfies ThreadChunk);
          }),
      ),
    );
    const wallMs = performance.now() - start;
    await Promise.all(workers.map((worker) => worker.terminate()));
    const samples = mergeSamples(parts);
    return { rate: { runs, wallMs, edgesScanned: samples.edgesScanned }, samples };
  });
}

/** Runs `run` and returns its wall and CPU milliseconds (after a full collection). */
function timed(run: () => void): { wall: number; cpu: number } {
  collectGarbage();
  const cpu0 = cpuMs();
  const wall0 = performance.now();
  run();
  return { wall: performance.now() - wall0, cpu: cpuMs() - cpu0 };
}

async function main(): Promise<void> {
  const { nodes, edges: edgeCount, seed, worth, delivery, originDegree } = SPREAD_BENCH;
  progress(`generating ${formatCount(nodes)} nodes / ${formatCount(edgeCount)} edges`);
  const edges = skewedDirectedGraph(nodes, edgeCount, seed);
  const weights = new Float64Array(edgeCount).fill(1);
  const csr = csrFromEdges(nodes, edges.sources, edges.targets, weights, true);
  const scenario: Scenario = {
    origins: [nodeWithOutDegreeNear(csr, originDegree)],
    model: 'independent-cascade',
    worth,
    delivery,
    seed: 7,
  };

  progress(
    `this thread: ${SINGLE_RUNS} runs; ${SMALL_RUNS} small runs with and without a workspace`,
  );
  const workspace = new SpreadWorkspace(nodes);
  sampleReach(csr, scenario, 1_000_000, WARMUP_RUNS, workspace);
  let single: ReachSamples | null = null;
  const singleTime = timed(() => (single = sampleReach(csr, scenario, 0, SINGLE_RUNS, workspace)));
  const singleSamples = single as unknown as ReachSamples;
  const singleRate: Rate = {
    runs: SINGLE_RUNS,
    wallMs: singleTime.wall,
    edgesScanned: singleSamples.edgesScanned,
  };
  const small: Scenario = { ...scenario, worth: SMALL_WORTH };
  let smallSamples: ReachSamples | null = null;
  const smallReused = timed(
    () => (smallSamples = sampleReach(csr, small, 0, SMALL_RUNS, workspace)),
  );
  let freshReach = 0;
  const smallFresh = timed(() => {
    for (let r = 0; r < SMALL_RUNS; r++) {
      freshReach += simulateSpread(csr, { ...small, seed: runSeed(small.seed, r) }).length;
    }
  });
  const smallSummary = summarizeReach(smallSamples as unknown as ReachSamples, nodes);
  const freshSame = freshReach === smallSummary.mean * SMALL_RUNS;

  const threads = os.cpus().length;
  progress(`worker threads: 1 × ${SINGLE_RUNS} runs, then ${threads} × ${RUNS} runs`);
  const oneThread = await timeThreadRuns(csr, scenario, 1, SINGLE_RUNS);
  const allThreads = await timeThreadRuns(csr, scenario, threads, RUNS);
  const threadsAgree = oneThread.samples.total.every(
    (reach, i) => reach === allThreads.samples.total[i],
  );
  const summary = summarizeReach(allThreads.samples, nodes, { viralShare: 0.1 });

  // Interleaved on the same seeds, in CPU time, as bench/spread.bench.ts does: load from other
  // processes then weighs on both engines alike.
  progress(`graphology baseline: ${BASELINE_RUNS} runs, interleaved with the CSR engine`);
  const graph = buildGraphologyGraph(edges);
  graphologySpread(graph, scenario);
  let baselineCpu = 0;
  let engineCpu = 0;
  for (let r = 0; r < BASELINE_RUNS; r++) {
    const run = { ...scenario, seed: runSeed(scenario.seed, r) };
    let reach = 0;
    baselineCpu += timed(() => (reach = graphologySpread(graph, run).length)).cpu;
    if (reach !== singleSamples.total[r])
      throw new Error(`baseline run ${r} differs from sampleReach`);
    engineCpu += timed(() => sampleReach(csr, scenario, r, 1, workspace)).cpu;
  }
  const speedUp = baselineCpu / engineCpu;

  const rate = (name: string, r: Rate, threadCount: number): string[] => [
    name,
    String(threadCount),
    String(r.runs),
    formatMs((r.wallMs * threadCount) / r.runs),
    perSecond(r.runs, r.wallMs),
    perSecond(r.edgesScanned, r.wallMs),
  ];
  const smallRow = (name: string, t: { wall: number }): string[] => [
    name,
    '1',
    String(SMALL_RUNS),
    formatMs(t.wall / SMALL_RUNS),
    perSecond(SMALL_RUNS, t.wall),
    '',
  ];
  const baselineMsPerRun = baselineCpu / BASELINE_RUNS;
  const allRunsPerSecond = (allThreads.rate.runs / allThreads.rate.wallMs) * 1000;
  const oneRunsPerSecond = (oneThread.rate.runs / oneThread.rate.wallMs) * 1000;

  emitSection({
    id: 'monte-carlo',
    title: 'Spread engine: Monte Carlo',
    description:
      `${RUNS.toLocaleString('en')} independent cascades (seeds ${scenario.seed} + run index) on the ` +
      `graph of the section above (${formatCount(nodes)} nodes, ${formatCount(edgeCount)} directed ` +
      `edges, same origin), worth ${worth}, delivery ${delivery}: mean reach ` +
      `${summary.mean.toFixed(0)} (95% CI ${summary.ci95[0].toFixed(0)}–${summary.ci95[1].toFixed(0)}). ` +
      `Small cascades: worth ${SMALL_WORTH}, mean reach ${smallSummary.mean.toFixed(1)}.`,
    tables: [
      {
        columns: ['Monte Carlo', 'threads', 'runs', 'thread-ms / run', 'runs/s', 'scanned edges/s'],
        rows: [
          rate('sampleReach, main thread, reused workspace', singleRate, 1),
          rate('sampleReach, 1 worker thread', oneThread.rate, 1),
          rate(`sampleReach, ${threads} worker threads`, allThreads.rate, threads),
          smallRow(`small cascades: sampleReach, reused workspace`, smallReused),
          smallRow(`small cascades: simulateSpread, fresh memory each run`, smallFresh),
        ],
      },
      {
        columns: [
          'same 4 seeds, interleaved',
          'CPU ms / run',
          '1,000 runs, one thread',
          'speed-up',
        ],
        rows: [
          [
            'sampleReach (CSR typed arrays)',
            formatMs(engineCpu / BASELINE_RUNS),
            `${(engineCpu / BASELINE_RUNS).toFixed(0)} s`,
            `${speedUp.toFixed(1)}x`,
          ],
          [
            'graphology callbacks + Maps (baseline)',
            formatMs(baselineMsPerRun),
            `${baselineMsPerRun.toFixed(0)} s`,
            '1.0x',
          ],
        ],
      },
    ],
    notes: [
      `Wall time after ${WARMUP_RUNS} warm-up runs per thread; worker threads are timed once all hold the graph and are warm. Thread-ms / run is wall time × threads / runs: it stays flat when threads scale perfectly.`,
      `Scaling: ${threads} worker threads give ${(allRunsPerSecond / oneRunsPerSecond).toFixed(2)}x the runs/s of one (${allRunsPerSecond.toFixed(1)} vs ${oneRunsPerSecond.toFixed(1)} runs/s). On a shared machine whose load exceeds its cores this understates what idle cores give.`,
      `Checks: worker threads with the same run indices give the same reaches as one thread: ${threadsAgree ? 'yes' : 'NO'}; the baseline gives the same reach on its seeds: yes; fresh-memory runs give the same reaches as the workspace: ${freshSame ? 'yes' : 'NO'}.`,
      'The browser splits runs the same way (spread-client.ts, one module worker per navigator.hardwareConcurrency); each worker holds its own copy of the CSR (about 12 MB here).',
    ],
  });
  if (!threadsAgree || !freshSame) process.exitCode = 1;
}

void main();
