import { describe, expect, it } from 'vitest';
import {
  DETAIL_EDGE_LIMIT,
  needsEdgeSample,
  sampleEdges,
} from '../../../src/core/graph/level-of-detail';

const count = (marks: Uint8Array) => marks.reduce((sum, mark) => sum + mark, 0);

describe('edge sample for big graphs', () => {
  it('applies only above the limit', () => {
    expect(needsEdgeSample(DETAIL_EDGE_LIMIT)).toBe(false);
    expect(needsEdgeSample(DETAIL_EDGE_LIMIT + 1)).toBe(true);
  });

  it('keeps about the asked number of ties out of a million (binomial, 5 sigma)', () => {
    const kept = count(sampleEdges(1_000_000, 50_000));
    const sigma = Math.sqrt(1_000_000 * 0.05 * 0.95);
    expect(Math.abs(kept - 50_000)).toBeLessThan(5 * sigma);
  });

  it('spreads the sample evenly over the edge order (each tenth keeps its share)', () => {
    const marks = sampleEdges(200_000, 20_000);
    for (let tenth = 0; tenth < 10; tenth++) {
      const part = count(marks.subarray(tenth * 20_000, (tenth + 1) * 20_000));
      expect(Math.abs(part - 2_000)).toBeLessThan(5 * Math.sqrt(20_000 * 0.1 * 0.9));
    }
  });

  it('is the same sample every time, and another seed gives another', () => {
    const a = sampleEdges(10_000, 1_000);
    expect(sampleEdges(10_000, 1_000)).toEqual(a);
    expect(sampleEdges(10_000, 1_000, 7)).not.toEqual(a);
  });

  it('keeps everything when asked for more than there is', () => {
    expect(count(sampleEdges(500, 1_000))).toBe(500);
  });
});
