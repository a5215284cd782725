import { describe, expect, it } from 'vitest';
import { DETAIL_EDGE_LIMIT, SAMPLED_QUIET_EDGES } from '../../../src/core/graph/level-of-detail';
import type { PlaybackState } from '../../../src/core/spread/playback';
import { EdgeDetail } from '../../../src/render/edge-detail';

/** The two things EdgeDetail reads of a playback: which ties carry the word, and its version. */
const carrying = (version: number, edges: number[]) =>
  ({ version, carriedEdges: Int32Array.from(edges) }) as unknown as PlaybackState;

const slotted = (detail: EdgeDetail, edgeCount: number) => {
  let count = 0;
  for (let edge = 0; edge < edgeCount; edge++) if (detail.hasSlot(edge)) count++;
  return count;
};

describe('EdgeDetail: which ties sigma holds', () => {
  it('holds every tie of a graph under the detail limit', () => {
    const detail = new EdgeDetail(DETAIL_EDGE_LIMIT);
    expect(detail.syncTimeline(carrying(1, [3]))).toBe(false);
    expect(detail.slotsAll).toBe(true);
    expect(detail.available).toBe(false);
    expect(detail.setFull(true)).toBe(false);
  });

  it('holds the carrying ties plus the sample on a big graph, and everything when asked', () => {
    const edges = 4 * DETAIL_EDGE_LIMIT;
    const detail = new EdgeDetail(edges);
    detail.syncTimeline(carrying(1, [0, 1, 2]));
    expect(detail.slotsAll).toBe(false);
    const held = slotted(detail, edges);
    expect(Math.abs(held - SAMPLED_QUIET_EDGES)).toBeLessThan(5 * Math.sqrt(SAMPLED_QUIET_EDGES));
    for (const edge of [0, 1, 2]) expect(detail.hasSlot(edge)).toBe(true);
    expect(detail.setFull(true)).toBe(true);
    expect(detail.slotsAll).toBe(true);
    expect(detail.setFull(false)).toBe(true);
    expect(slotted(detail, edges)).toBe(held);
  });

  it('asks for a new set only when a new spread changes the carrying ties', () => {
    const detail = new EdgeDetail(4 * DETAIL_EDGE_LIMIT);
    expect(detail.syncTimeline(carrying(1, [0]))).toBe(true);
    expect(detail.syncTimeline(carrying(1, [0]))).toBe(false);
    expect(detail.syncTimeline(carrying(2, [9]))).toBe(true);
    expect(detail.hasSlot(9)).toBe(true);
  });
});
