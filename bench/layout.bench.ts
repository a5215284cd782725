/**
 * Layout benchmark (issue 7), in node:
 * 1. iterations/s of our runner (Fa2Runner: the loop the layout worker runs, with its convergence
 *    watch) against graphology-layout-forceatlas2's synchronous layout, same graph, same start, same
 *    settings; overhead should stay within 10 %;
 * 2. iterations to reach the same convergence measure from our start placement and from a random
 *    one, on the power grid, the political blogs and a generated 50 k-node graph.
 * Everything is capped (iterations and seconds per run) so the whole file takes about two minutes
 * on two busy cores; the caps are printed in the notes.
 */
import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { parseDataset } from '../src/core/io/parse';
import { randomPlacement, spacingFor, startPositions } from '../src/core/layout/placement';
import { seededRandom } from '../src/core/layout/rng';
import { Fa2Runner } from '../src/core/layout/runner';
import { inferSettings, type Fa2Settings } from '../src/core/layout/settings';
import { emitSection, formatMs, median, progress, timeRuns, type Timings } from './report';

interface BenchGraph {
  name: string;
  nodeCount: number;
  sources: Int32Array;
  targets: Int32Array;
  weights?: Float64Array;
}

const DATASETS = '/work/shared/datasets/gexf';
/** Smoothed relative displacement milestones; 1e-4 held for 20 iterations is "converged". */
const MILESTONES = [1e-2, 1e-3, 3e-4];
/** Per convergence run: stop after this many iterations or seconds, whichever first. */
const CONVERGE_CAP = { iterations: 1500, seconds: 12 };
const CONVERGE_CAP_50K = { iterations: 200, seconds: 15 };

function loadGexf(file: string, name: string): BenchGraph {
  const payload = parseDataset(readFileSync(`${DATASETS}/${file}`), file);
  return {
    name,
    nodeCount: payload.nodeIds.length,
    sources: payload.edgeSources,
    targets: payload.edgeTargets,
    weights: payload.edgeWeights,
  };
}

/**
 * 50 planted communities of 1 000 nodes, mean degree 6, 90 % of ties inside: a social-network-like
 * shape with structure for a placement to find (uniform random graphs have none).
 */
function communities(nodeCount: number, blocks: number, meanDegree: number, seed: number) {
  const random = seededRandom(seed);
  const edgeCount = Math.round((nodeCount * meanDegree) / 2);
  const size = nodeCount / blocks;
  const sources = new Int32Array(edgeCount);
  const targets = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const a = Math.floor(random() * nodeCount);
    let b = a;
    while (b === a) {
      b =
        random() < 0.9
          ? Math.floor(a / size) * size + Math.floor(random() * size)
          : Math.floor(random() * nodeCount);
    }
    sources[e] = a;
    targets[e] = b;
  }
  return {
    name: `generated communities (${nodeCount / 1000} k nodes)`,
    nodeCount,
    sources,
    targets,
  };
}

function settingsFor(g: BenchGraph): Fa2Settings {
  return inferSettings({ nodeCount: g.nodeCount, edgeCount: g.sources.length });
}

function ourStart(g: BenchGraph, settings: Fa2Settings): Float32Array {
  return startPositions({ ...g, seed: 1, spacing: spacingFor(settings.scalingRatio) }).positions;
}

function randomStart(g: BenchGraph, settings: Fa2Settings): Float32Array {
  // Same scale as our placement, so only the arrangement differs.
  return randomPlacement(
    g.nodeCount,
    1,
    spacingFor(settings.scalingRatio) * Math.sqrt(g.nodeCount),
  );
}

function graphologyGraph(g: BenchGraph, start: Float32Array): Graph {
  const graph = new Graph({ multi: true, type: 'directed', allowSelfLoops: true });
  for (let i = 0; i < g.nodeCount; i++) graph.addNode(i, { x: start[2 * i], y: start[2 * i + 1] });
  for (let e = 0; e < g.sources.length; e++)
    graph.addEdge(g.sources[e], g.targets[e], { weight: g.weights ? g.weights[e] : 1 });
  return graph;
}

interface Throughput {
  graph: string;
  iterations: number;
  ours: Timings;
  theirs: Timings;
}

/** Interleaved rounds, so load from other processes weighs on both alike. */
function throughput(g: BenchGraph, iterations: number, rounds: number): Throughput {
  const settings = settingsFor(g);
  const start = ourStart(g, settings);
  const graph = graphologyGraph(g, start);
  const ours: Timings = { wall: [], cpu: [] };
  const theirs: Timings = { wall: [], cpu: [] };
  for (let round = 0; round < rounds; round++) {
    const a = timeRuns(
      () => {
        const runner = new Fa2Runner({ ...g, positions: start }, settings);
        runner.runBatch({ maxIterations: iterations });
        runner.positions();
      },
      1,
      round === 0 ? 1 : 0,
    );
    const b = timeRuns(() => forceAtlas2(graph, { iterations, settings }), 1, round === 0 ? 1 : 0);
    ours.wall.push(...a.wall);
    ours.cpu.push(...a.cpu);
    theirs.wall.push(...b.wall);
    theirs.cpu.push(...b.cpu);
  }
  for (const t of [ours, theirs]) {
    t.wall.sort((x, y) => x - y);
    t.cpu.sort((x, y) => x - y);
  }
  return { graph: g.name, iterations, ours, theirs };
}

interface ConvergenceRun {
  /** First iteration at which the smoothed measure fell under each milestone; null = not within the cap. */
  reached: (number | null)[];
  converged: number | null;
  iterations: number;
  seconds: number;
  finalMeasure: number;
}

function converge(
  g: BenchGraph,
  start: Float32Array,
  settings: Fa2Settings,
  cap: typeof CONVERGE_CAP,
): ConvergenceRun {
  const runner = new Fa2Runner({ ...g, positions: start }, settings);
  const reached: (number | null)[] = MILESTONES.map(() => null);
  const began = performance.now();
  while (
    !runner.convergence.converged &&
    runner.iterations < cap.iterations &&
    performance.now() - began < cap.seconds * 1000
  ) {
    runner.step();
    const smoothed = runner.convergence.smoothed;
    MILESTONES.forEach((m, k) => {
      if (reached[k] === null && smoothed < m) reached[k] = runner.iterations;
    });
  }
  return {
    reached,
    converged: runner.convergence.converged ? runner.iterations : null,
    iterations: runner.iterations,
    seconds: (performance.now() - began) / 1000,
    finalMeasure: runner.convergence.smoothed,
  };
}

const show = (n: number | null, run: ConvergenceRun) =>
  n === null ? `> ${run.iterations} (cap)` : String(n);

/** ours / random iterations to the same level; "<" when the random run had not got there by its cap. */
function ratio(ours: number | null, random: number | null, randomRun: ConvergenceRun): string {
  if (ours === null) return '—';
  if (random === null) return `< ${(ours / randomRun.iterations).toFixed(2)}`;
  return (ours / random).toFixed(2);
}

function main(): void {
  progress('loading power grid and political blogs');
  const powerGrid = loadGexf('gephi-lite_power-grid.gexf', 'power grid');
  const blogs = loadGexf('gephi-lite_divided-they-blog.gexf', 'political blogs');
  const generated = communities(50_000, 50, 6, 11);

  const speeds: Throughput[] = [];
  for (const [g, iterations, rounds] of [
    [blogs, 60, 3],
    [powerGrid, 40, 3],
    [generated, 3, 1],
  ] as const) {
    progress(`iterations/s on ${g.name}: ${rounds} × ${iterations} iterations each`);
    speeds.push(throughput(g, iterations, rounds));
  }

  const convergenceRows: (string | number)[][] = [];
  for (const g of [powerGrid, blogs, generated]) {
    const settings = settingsFor(g);
    const cap = g.nodeCount > 10_000 ? CONVERGE_CAP_50K : CONVERGE_CAP;
    const placeStart = performance.now();
    const ours = ourStart(g, settings);
    const placeMs = performance.now() - placeStart;
    progress(`convergence on ${g.name} (placement ${formatMs(placeMs)} ms)`);
    const a = converge(g, ours, settings, cap);
    const b = converge(g, randomStart(g, settings), settings, cap);
    const row = (start: string, run: ConvergenceRun, other: ConvergenceRun | null) => [
      `${g.name} (${g.nodeCount} nodes, ${g.sources.length} edges)`,
      start,
      ...run.reached.map((n) => show(n, run)),
      show(run.converged, run),
      run.finalMeasure.toExponential(1),
      other ? ratio(run.reached.at(-1)!, other.reached.at(-1)!, other) : '',
      other ? ratio(run.converged, other.converged, other) : '',
      `${run.seconds.toFixed(1)} s`,
    ];
    convergenceRows.push(
      row(`ours (+${formatMs(placeMs)} ms placement)`, a, b),
      row('random', b, null),
    );
  }

  const speedRows = speeds.map((s) => {
    const ours = median(s.ours.cpu);
    const theirs = median(s.theirs.cpu);
    return [
      s.graph,
      s.iterations,
      ((1000 * s.iterations) / ours).toFixed(1),
      ((1000 * s.iterations) / theirs).toFixed(1),
      `${(100 * (ours / theirs - 1)).toFixed(1)} %`,
      `${(100 * (median(s.ours.wall) / median(s.theirs.wall) - 1)).toFixed(1)} %`,
    ];
  });

  emitSection({
    id: 'layout',
    title: 'Layout: ForceAtlas2 runner and start placement',
    description:
      'Iterations per second of Fa2Runner (the loop the layout worker runs, convergence watch included) against graphology-layout-forceatlas2 run synchronously on the same graph, start and settings (both include building their matrices); then iterations until the smoothed relative displacement (mean move / bounding-box diagonal, see core/layout/convergence.ts) falls under each milestone, from our placement (BFS rings + spectral smoothing) and from a uniform random one of the same scale.',
    tables: [
      {
        columns: [
          'graph',
          'iterations per run',
          'ours it/s',
          'graphology it/s',
          'overhead (CPU)',
          'overhead (wall)',
        ],
        rows: speedRows,
      },
      {
        columns: [
          'graph',
          'start',
          ...MILESTONES.map((m) => `to < ${m.toExponential(0)}`),
          'converged (< 1e-4 × 20)',
          'measure at end',
          `ours / random to < ${MILESTONES.at(-1)!.toExponential(0)}`,
          'ours / random to converged',
          'time',
        ],
        rows: convergenceRows,
      },
    ],
    notes: [
      `Caps: convergence runs stop after ${CONVERGE_CAP.iterations} iterations or ${CONVERGE_CAP.seconds} s (50 k graph: ${CONVERGE_CAP_50K.iterations} iterations or ${CONVERGE_CAP_50K.seconds} s); throughput uses 3 interleaved rounds of 60 (blogs) and 40 (power grid) iterations, and one run of 3 iterations on the 50 k graph (medians of CPU time).`,
      '"ours / random": ratio of iterations to the same level; "<" means the random run had not got there when it hit its cap; "—" that ours had not either.',
      'Settings are inferred from the graph as in the app (Barnes-Hut above 1 500 nodes), without prevent-overlap. The 50 k graph is 50 planted communities of 1 000 nodes, mean degree 6, 90 % of ties inside (seed 11).',
    ],
  });
}

main();
