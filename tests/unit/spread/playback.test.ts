import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '../../../src/core/graph/csr';
import { carriedEdges, PlaybackState } from '../../../src/core/spread/playback';
import { Channel, type Timeline } from '../../../src/core/spread/types';

// Origin 0 tells 1 (hard) at t=1; 1 tells 2 (soft) at t=2.5; 3 arrives from outside at t=4.
const timeline: Timeline = {
  length: 4,
  time: Float64Array.from([0, 1, 2.5, 4]),
  node: Int32Array.from([0, 1, 2, 3]),
  via: Int32Array.from([-1, 0, 1, -1]),
  channel: Uint8Array.from([Channel.origin, Channel.hard, Channel.soft, Channel.outside]),
  timeUnit: 'hours',
  hardOnlyReach: 2,
};
const csr = csrFromEdges(
  4,
  Int32Array.from([0, 1, 2]),
  Int32Array.from([1, 2, 3]),
  new Float64Array(3).fill(1),
  true,
);

describe('PlaybackState', () => {
  it('moves forward and back touching only the rows in between', () => {
    const state = new PlaybackState(4, 3);
    state.load(timeline, carriedEdges(csr, timeline));
    const forward = state.moveTo(3);
    expect(forward.nodes).toEqual([0, 1, 2]);
    expect(forward.edges).toEqual([0, 1]);
    expect([...state.nodeChannel]).toEqual([Channel.origin, Channel.hard, Channel.soft, -1]);
    expect([...state.edgeChannel]).toEqual([Channel.hard, Channel.soft, -1]);
    expect(state.shownRows).toBe(3);

    const back = state.moveTo(1);
    expect(back.nodes).toEqual([2, 1]);
    expect([...state.nodeChannel]).toEqual([Channel.origin, -1, -1, -1]);
    expect(state.shownRows).toBe(1);
  });

  it('clears the old timeline when a new one is loaded', () => {
    const state = new PlaybackState(4, 3);
    state.load(timeline, carriedEdges(csr, timeline));
    state.moveTo(4);
    const changes = state.load(timeline, carriedEdges(csr, timeline));
    expect(changes.nodes.sort()).toEqual([0, 1, 2, 3]);
    expect(state.shownRows).toBe(0);
    expect([...state.nodeChannel]).toEqual([-1, -1, -1, -1]);
    expect([...state.edgeChannel]).toEqual([-1, -1, -1]);
  });
});
