import { describe, expect, it } from 'vitest';
import { equilibriumScale } from '../../../src/core/layout/equilibrium';
import { randomStart } from '../../../src/core/layout/placement';
import { Fa2Runner } from '../../../src/core/layout/runner';
import { inferSettings, type Fa2Settings } from '../../../src/core/layout/settings';
import { weightedGraph } from '../../../src/core/layout/weighted-graph';
import { blockModel, lesMiserables, type EdgeListGraph } from './graphs';

function settled(g: EdgeListGraph, settings: Fa2Settings): Float32Array {
  const runner = new Fa2Runner(
    { ...g, positions: randomStart({ ...g, seed: 1, settings }) },
    settings,
  );
  runner.runBatch({ maxIterations: 5000 });
  expect(runner.convergence.converged).toBe(true);
  return runner.positions();
}

describe('equilibriumScale', () => {
  const g = blockModel(150, 2, 0.12, 0.01, 3);
  const base = inferSettings({ nodeCount: g.nodeCount, edgeCount: g.sources.length });

  it.each([
    ['default settings', {}],
    ['linLog', { linLogMode: true }],
    ['weak gravity', { strongGravityMode: false, gravity: 1 }],
    ['edge weight influence ½', { edgeWeightInfluence: 0.5 }],
  ])('is 1 for a layout FA2 has settled (%s)', (_name, overrides) => {
    const settings = { ...base, ...overrides };
    const graph = weightedGraph(g.nodeCount, g, settings.edgeWeightInfluence);
    expect(equilibriumScale(settled(g, settings), graph, settings)).toBeCloseTo(1, 2);
  });

  it('undoes a uniform scaling (attraction and strong gravity grow as the square)', () => {
    const m = lesMiserables();
    const settings = inferSettings({ nodeCount: m.nodeCount, edgeCount: m.sources.length });
    const graph = weightedGraph(m.nodeCount, m);
    const xy = settled(m, settings);
    const tripled = xy.map((v) => 3 * v);
    expect(equilibriumScale(tripled, graph, settings)).toBeCloseTo(1 / 3, 3);
  });

  it('leaves the size alone when nothing holds the drawing together', () => {
    const lone = { nodeCount: 3, sources: new Int32Array(0), targets: new Int32Array(0) };
    const settings = { ...base, gravity: 0 };
    const xy = Float32Array.of(0, 0, 1, 0, 0, 1);
    expect(equilibriumScale(xy, weightedGraph(3, lone), settings)).toBe(1);
  });
});
