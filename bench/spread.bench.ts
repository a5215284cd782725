/**
 * Spread engine benchmark: one continuous-time independent cascade on a 100k-node, 1M-edge skewed
 * graph, by the CSR engine (simulateSpread) and by a straightforward graphology version of the same
 * algorithm written below. Both draw the same random numbers in the same order, so they must produce
 * the same timeline; the bench checks that before it reports any speed.
 */
import Graph from 'graphology';
import { csrFromEdges, type Csr } from '../src/core/graph/csr';
import { DelaySampler } from '../src/core/spread/delays';
import { simulateSpread } from '../src/core/spread/independent-cascade';
import { finalReach } from '../src/core/spread/metrics';
import { createRng } from '../src/core/spread/rng';
import type { Scenario, Timeline } from '../src/core/spread/types';
import { skewedDirectedGraph } from './random-graph';
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

const NODES = 100_000;
const EDGES = 1_000_000;
const GRAPH_SEED = 20261125;
const WORTH = 0.15;
const DELIVERY = 0.8;
/** The origin is the node whose out-degree is nearest this: a well-connected person, not a hub. */
const ORIGIN_DEGREE = 50;
/** Each round times the CSR engine 3 times and the baseline once. */
const ROUNDS = 5;

interface Arrival {
  time: number;
  node: string;
  via: string | null;
  channel: 'hard' | 'soft';
}

/** A plain binary min-heap of arrival objects by time; stale entries are skipped when popped. */
class ArrivalHeap {
  private items: Arrival[] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: Arrival): void {
    const items = this.items;
    items.push(item);
    let at = items.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (items[parent].time <= item.time) break;
      items[at] = items[parent];
      at = parent;
    }
    items[at] = item;
  }
  pop(): Arrival {
    const items = this.items;
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      let at = 0;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= items.length) break;
        if (child + 1 < items.length && items[child + 1].time < items[child].time) child++;
        if (items[child].time >= last.time) break;
        items[at] = items[child];
        at = child;
      }
      items[at] = last;
    }
    return top;
  }
}

interface Adoption {
  time: number;
  node: string;
  via: string | null;
  channel: string;
}

/**
 * The baseline: the same cascade as simulateSpread, the way one would first write it against
 * graphology: neighbour callbacks, string keys, Maps for state, one object per queued arrival.
 */
function graphologySpread(graph: Graph, scenario: Scenario): Adoption[] {
  const rng = createRng(scenario.seed);
  const delays = new DelaySampler(rng);
  const adopted = new Map<string, Adoption>();
  const best = new Map<string, number>();
  const timeline: Adoption[] = [];
  const heap = new ArrivalHeap();
  const origins = scenario.origins.map(String);
  for (const origin of origins) {
    const adoption = { time: 0, node: origin, via: null, channel: 'origin' };
    adopted.set(origin, adoption);
    timeline.push(adoption);
  }
  for (const origin of origins) {
    graph.forEachOutNeighbor(origin, (member) => {
      if (adopted.has(member) || !(rng.next() < scenario.delivery)) return;
      const time = delays.hard();
      if (time < (best.get(member) ?? Infinity)) {
        best.set(member, time);
        heap.push({ time, node: member, via: origin, channel: 'hard' });
      }
    });
  }
  while (heap.size > 0) {
    const arrival = heap.pop();
    if (adopted.has(arrival.node)) continue;
    const adoption = { ...arrival };
    adopted.set(arrival.node, adoption);
    timeline.push(adoption);
    graph.forEachOutNeighbor(arrival.node, (contact) => {
      if (adopted.has(contact) || !(rng.next() < scenario.worth)) return;
      const time = arrival.time + delays.soft();
      if (time < (best.get(contact) ?? Infinity)) {
        best.set(contact, time);
        heap.push({ time, node: contact, via: arrival.node, channel: 'soft' });
      }
    });
  }
  return timeline;
}

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

function pickOrigin(csr: Csr): number {
  let origin = 0;
  for (let node = 0; node < csr.nodeCount; node++) {
    const degree = csr.offsets[node + 1] - csr.offsets[node];
    const bestDegree = csr.offsets[origin + 1] - csr.offsets[origin];
    if (Math.abs(degree - ORIGIN_DEGREE) < Math.abs(bestDegree - ORIGIN_DEGREE)) origin = node;
  }
  return origin;
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
    origins: [pickOrigin(csr)],
    model: 'independent-cascade',
    worth: WORTH,
    delivery: DELIVERY,
    seed: 7,
  };
  progress('building graphology graph');
  const heapBefore = heapMiB();
  const graphStart = performance.now();
  const graph = new Graph({ type: 'directed' });
  for (let node = 0; node < NODES; node++) graph.addNode(node);
  for (let e = 0; e < EDGES; e++) graph.addEdge(edges.sources[e], edges.targets[e]);
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
