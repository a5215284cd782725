import { afterEach, describe, expect, it, vi } from 'vitest';
import { PositionSweep } from '../../../src/render/position-sweep';
import { boundingBox } from '../../../src/core/layout/convergence';
import { outgrows } from '../../../src/render/sigma-reprocess';

/** Animation frames run by hand; each look at the clock moves it 3 ms on (the budget is 8 ms). */
function manualFrames() {
  const queue: FrameRequestCallback[] = [];
  let now = 0;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    queue.push(callback);
    return queue.length;
  });
  vi.stubGlobal('cancelAnimationFrame', () => queue.splice(0));
  vi.spyOn(performance, 'now').mockImplementation(() => (now += 3));
  return { runFrame: () => queue.splice(0).forEach((callback) => callback(0)) };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const NODES = 10_000;
const TIES = 25_000;

/** A sweep over NODES nodes and TIES ties that records, per item, the positions it was last given. */
function recordedSweep() {
  const nodeSeen = new Float32Array(NODES).fill(NaN);
  const tieSeen = new Float32Array(TIES).fill(NaN);
  const steps: number[] = [];
  const sweep = new PositionSweep(
    NODES,
    () => TIES,
    (xy, nodeFrom, nodeTo, tieFrom, tieTo) => {
      steps.push(nodeTo - nodeFrom + tieTo - tieFrom);
      for (let i = nodeFrom; i < nodeTo; i++) nodeSeen[i] = xy[2 * i];
      // A tie is drawn from its nodes' positions as they are then: the run they were given last.
      for (let i = tieFrom; i < tieTo; i++) tieSeen[i] = xy[0];
    },
  );
  return { sweep, nodeSeen, tieSeen, steps };
}

const positions = (run: number) => new Float32Array(2 * NODES).fill(run);

describe('PositionSweep', () => {
  it('moves every node and tie over several frames, a budget at a time, then stops', () => {
    const frames = manualFrames();
    const { sweep, nodeSeen, tieSeen, steps } = recordedSweep();
    sweep.offer(positions(1));
    frames.runFrame();
    // Two chunks fit in a frame's budget: nowhere near all 35,000 items.
    expect(steps.length).toBe(2);
    expect(nodeSeen.filter((x) => x === 1).length).toBeGreaterThan(0);
    expect(nodeSeen.filter((x) => x === 1).length).toBeLessThan(NODES);
    let frameCount = 1;
    while (sweep.active && frameCount < 100) {
      frames.runFrame();
      frameCount++;
    }
    expect(sweep.active).toBe(false);
    expect(nodeSeen.every((x) => x === 1)).toBe(true);
    expect(tieSeen.every((x) => x === 1)).toBe(true);
    // Nodes and ties advance together: no item is visited twice in one sweep.
    expect(steps.reduce((a, b) => a + b, 0)).toBe(NODES + TIES);
    frames.runFrame();
    expect(steps.reduce((a, b) => a + b, 0)).toBe(NODES + TIES);
  });

  it('goes on from where it was with newer positions, until everything has the latest', () => {
    const frames = manualFrames();
    const { sweep, nodeSeen, tieSeen } = recordedSweep();
    sweep.offer(positions(1));
    frames.runFrame();
    frames.runFrame();
    sweep.offer(positions(2));
    for (let i = 0; i < 100 && sweep.active; i++) frames.runFrame();
    expect(nodeSeen.every((x) => x === 2)).toBe(true);
    expect(tieSeen.every((x) => x === 2)).toBe(true);
  });

  it('draws what is left at once when the layout stops on a small graph, and says it is done', () => {
    manualFrames();
    const seen = new Float32Array(1_000);
    let done = 0;
    const sweep = new PositionSweep(
      1_000,
      () => 2_000,
      (xy, from, to) => {
        for (let i = from; i < to; i++) seen[i] = xy[2 * i];
      },
      () => done++,
    );
    sweep.offer(new Float32Array(2_000).fill(4));
    sweep.hurry();
    expect(sweep.active).toBe(false);
    expect(seen.every((x) => x === 4)).toBe(true);
    expect(done).toBe(1);
  });

  it('finishes at once when asked (an export needs the final picture)', () => {
    manualFrames();
    const { sweep, nodeSeen } = recordedSweep();
    sweep.offer(positions(3));
    sweep.finish();
    expect(sweep.active).toBe(false);
    expect(nodeSeen.every((x) => x === 3)).toBe(true);
  });
});

describe('PositionSweep on a slow drawing', () => {
  it('leaves the page alone twice as long as a frame took to come before asking for the next', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const queue: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
      queue.push(callback),
    );
    vi.stubGlobal('cancelAnimationFrame', () => queue.splice(0));
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    // Each step of the sweep costs 1 ms: 100k nodes take many frames.
    const sweep = new PositionSweep(
      100_000,
      () => 0,
      () => (now += 1),
    );
    sweep.offer(new Float32Array(200_000));
    expect(queue.length).toBe(1);

    now += 200; // software WebGL: the frame came 200 ms after it was asked for
    queue.shift()!(0);
    expect(sweep.active).toBe(true);
    expect(queue.length).toBe(0);
    vi.advanceTimersByTime(399);
    expect(queue.length).toBe(0);
    vi.advanceTimersByTime(1);
    expect(queue.length).toBe(1);

    // A frame that comes quickly is followed by the next one at once.
    now += 10;
    queue.shift()!(0);
    expect(queue.length).toBe(1);
    vi.useRealTimers();
  });
});

describe('the frame positions are normalised from', () => {
  it('is the box of the positions', () => {
    const xy = new Float32Array([1, -2, 5, 4, -3, 0]);
    expect(boundingBox(xy)).toEqual({ x: [-3, 5], y: [-2, 4] });
  });

  it('follows a layout only when its extent moved by more than a twentieth', () => {
    const frame = { x: [0, 100] as [number, number], y: [0, 50] as [number, number] };
    expect(outgrows({ x: [2, 98], y: [-3, 52] }, frame)).toBe(false);
    expect(outgrows({ x: [0, 110], y: [0, 50] }, frame)).toBe(true);
    expect(outgrows({ x: [0, 100], y: [20, 40] }, frame)).toBe(true);
  });
});
