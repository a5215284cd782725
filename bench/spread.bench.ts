/**
 * Spread engine benchmark: one continuous-time independent cascade on a 100k-node, 1M-edge skewed
 * graph, by the CSR engine (simulateSpread) and by a straightforward graphology version of the same
 * algorithm (bench/graphology-baseline.ts). Both draw the same random numbers in the same order, so they must produce
 * the same timeline; the bench checks that before it reports any speed.
 */
import type Graph from 'graphology';
import { csrFromEdges, type Csr } from '../src/core/graph/csr';
import { simulateSpread } from '../src/core/spread/independent-cascade';
import { finalReach } from '../src/core/spread/metrics';
import type { Scenario, Timeline } from '../src/core/spread/types';
import { buildGraphologyGraph, graphologySpread, type Adoption } from './graphology-baseline';
import { nodeWithOutDegreeNear, skewedDirectedGraph, SPREAD_BENCH } from './random-graph';
import {
  emitSection,
  formatCount,
  formatMs,
  median,
  progress,
  timeRuns,
  collectGarbage,
  mergeTimings,
  type Timings,
} from './report';

const {
  nodes: NODES,
  edges: EDGES,
  seed: GRAPH_SEED,
  worth: WORTH,
  delivery: DELIVERY,
} = SPREAD_BENCH;
/** Each round times the CSR engine 3 times and the baseline once. */
const ROUNDS = 5;

function sameTimeline(csrTimeline: Timeline, baseline: Adoption[]): boolean {
  if (csrTimeline.length !== baseline.length) return false;
  return baseline.every(
    (a, i) => a.time === csrTimeline.time[i] && Number(a.node) === csrTimeline.node[i],
  );
}

function edgesScanned(csr: Csr, timeline: Timeline): number {
  let scanned = 0;
  for (let i = 0; i < timeline.length; i++) {
    const node = timeline.node[i];
    scanned += csr.offsets[node + 1] - csr.offsets[node];
  }
  return scanned;
}

function heapMiB(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function main(): void {
  progress(`generating ${formatCount(NODES)} nodes / ${formatCount(EDGES)} edges`);
  const edges = skewedDirectedGraph(NODES, EDGES, GRAPH_SEED);
  const weights = new Float64Array(EDGES).fill(1);

  progress('building CSR');
  let csr = csrFromEdges(NODES, edges.sources, edges.targets, weights, true);
  const csrBuild = timeRuns(() => {
    csr = csrFromEdges(NODES, edges.sources, edges.targets, weights, true);
  }, 5).wall;

  const scenario: Scenario = {
    origins: [nodeWithOutDegreeNear(csr, SPREAD_BENCH.originDegree)],
    model: 'independent-cascade',
    worth: WORTH,
    delivery: DELIVERY,
    seed: 7,
  };
  progress('building graphology graph');
  const heapBefore = heapMiB();
  const graphStart = performance.now();
  const graph: Graph = buildGraphologyGraph(edges);
  const graphBuild = performance.now() - graphStart;
  const graphMiB = heapMiB() - heapBefore;

  progress('checking both engines give the same timeline');
  const timeline = simulateSpread(csr, scenario);
  const identical = sameTimeline(timeline, graphologySpread(graph, scenario));
  const reach = finalReach(timeline);
  const scanned = edgesScanned(csr, timeline);

  // Interleaved rounds, so that load from other processes weighs on both engines alike.
  progress('timing simulateSpread (CSR) and the graphology baseline, interleaved');
  const csrRuns: Timings = { wall: [], cpu: [] };
  const baselineRuns: Timings = { wall: [], cpu: [] };
  timeRuns(() => simulateSpread(csr, scenario), 0, 3);
  timeRuns(() => graphologySpread(graph, scenario), 0, 1);
  for (let round = 0; round < ROUNDS; round++) {
    mergeTimings(
      csrRuns,
      timeRuns(() => simulateSpread(csr, scenario), 3, 0),
    );
    mergeTimings(
      baselineRuns,
      timeRuns(() => graphologySpread(graph, scenario), 1, 0),
    );
  }

  const csrCpu = median(csrRuns.cpu);
  const baselineCpu = median(baselineRuns.cpu);
  const row = (name: string, runs: Timings) => {
    const cpu = median(runs.cpu);
    return [
      name,
      formatMs(median(runs.wall)),
      formatMs(runs.wall[0]),
      formatMs(cpu),
      `${formatCount((scanned / cpu) * 1000)}/s`,
      `${formatCount((EDGES / cpu) * 1000)}/s`,
      `${(baselineCpu / cpu).toFixed(1)}x`,
    ];
  };

  emitSection({
    id: 'spread',
    title: 'Spread engine: one independent cascade',
    description:
      `Directed graph of ${formatCount(NODES)} nodes and ${formatCount(EDGES)} edges with skewed ` +
      `degrees (seed ${GRAPH_SEED}); one origin of out-degree ` +
      `${csr.offsets[scenario.origins[0] + 1] - csr.offsets[scenario.origins[0]]}, ` +
      `worth ${WORTH}, delivery ${DELIVERY}, seed ${scenario.seed}. Reach ` +
      `${reach.total.toLocaleString('en')} (${reach.hard} hard, ${reach.soft.toLocaleString('en')} soft; ` +
      `${formatCount(scanned)} out-edges scanned). Same timeline from both engines: ` +
      `${identical ? 'yes' : 'NO'}.`,
    tables: [
      {
        columns: [
          'engine',
          'wall ms (median)',
          'wall ms (best)',
          'CPU ms (median)',
          'scanned edges',
          'graph edges',
          'speed-up',
        ],
        rows: [
          row('simulateSpread (CSR typed arrays)', csrRuns),
          row('graphology callbacks + Maps (baseline)', baselineRuns),
        ],
      },
      {
        columns: ['index build', 'ms', 'heap MiB'],
        rows: [
          [
            'csrFromEdges (1M directed edges, median of 5)',
            formatMs(median(csrBuild)),
            (((NODES + 1) * 4 + EDGES * 12) / 2 ** 20).toFixed(1),
          ],
          ['graphology addNode + addEdge (once)', formatMs(graphBuild), graphMiB.toFixed(0)],
        ],
      },
    ],
    notes: [
      `${ROUNDS} interleaved rounds after warm-up (3 CSR runs, 1 baseline run each): CSR median of ${csrRuns.wall.length} runs, baseline median of ${baselineRuns.wall.length}. Before each run: full GC, then 100 ms for background sweeping to finish.`,
      'Edges/s and speed-up use median CPU time, steadier than wall time on a shared machine. Scanned edges/s counts the out-edges of every adopter (work actually done); graph edges/s is the whole graph over the run time.',
      `Speed-up of the CSR engine over the baseline: ${(baselineCpu / csrCpu).toFixed(1)}x CPU, ${(median(baselineRuns.wall) / median(csrRuns.wall)).toFixed(1)}x wall.`,
    ],
  });
  if (!identical) process.exitCode = 1;
}

main();
