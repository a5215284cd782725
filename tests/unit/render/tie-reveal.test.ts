import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildGraph } from '../../../src/core/graph/build';
import { drawnSubgraph } from '../../../src/core/graph/drawn-subgraph';
import { TieReveal } from '../../../src/render/tie-reveal';
import { payloadFromPairs } from '../helpers/payload';

/** Animation frames run by hand; each frame's clock advances far past the reveal's budget. */
function manualFrames() {
  const queue: FrameRequestCallback[] = [];
  let now = 0;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    queue.push(callback);
    return queue.length;
  });
  vi.stubGlobal('cancelAnimationFrame', () => queue.splice(0));
  // Each look at the clock moves it 5 ms on: the 12 ms budget runs out after a few looks.
  vi.spyOn(performance, 'now').mockImplementation(() => (now += 5));
  return {
    runFrame: () => queue.splice(0).forEach((callback) => callback(0)),
    pending: () => queue.length,
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const ring = (n: number): [string, string][] =>
  Array.from({ length: n }, (_, i) => [`n${i}`, `n${(i + 1) % n}`]);

describe('TieReveal', () => {
  it('adds the missing ties over several frames, and all of them in the end', async () => {
    const graph = await buildGraph(payloadFromPairs(ring(5000)));
    const held = drawnSubgraph(graph, () => false);
    const frames = manualFrames();
    const reveal = new TieReveal(graph);
    reveal.start(
      held,
      Array.from({ length: 5000 }, (_, edge) => edge),
    );
    expect(held.size).toBe(0); // nothing before the first frame
    frames.runFrame();
    expect(held.size).toBeGreaterThan(0);
    expect(held.size).toBeLessThan(5000);
    let count = 1;
    while (reveal.active && count++ < 100) frames.runFrame();
    expect(reveal.active).toBe(false);
    expect(held.size).toBe(5000);
    expect(held.extremities('42')).toEqual(graph.extremities('42'));
  });

  it('stops adding when stopped', async () => {
    const graph = await buildGraph(payloadFromPairs(ring(3000)));
    const held = drawnSubgraph(graph, () => false);
    const frames = manualFrames();
    const reveal = new TieReveal(graph);
    reveal.start(
      held,
      Array.from({ length: 3000 }, (_, edge) => edge),
    );
    frames.runFrame();
    const added = held.size;
    reveal.stop();
    expect(frames.pending()).toBe(0);
    expect(reveal.active).toBe(false);
    expect(held.size).toBe(added);
  });
});
