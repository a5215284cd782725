import { describe, expect, it } from 'vitest';
import { monteCarlo } from '../../../src/core/spread/monte-carlo';
import { worthSweep } from '../../../src/core/spread/worth-sweep';
import { histogramGeometry } from '../../../src/ui/analysis/histogram-geometry';
import { sweepGeometry } from '../../../src/ui/analysis/sweep-geometry';
import { randomGraph, scenario } from '../spread/helpers';

const csr = randomGraph(3, 120, 600);

describe('the reach histogram', () => {
  const summary = monteCarlo(csr, scenario({ worth: 0.2, delivery: 0.8 }), {
    runs: 300,
    viralShare: 0.2,
  });
  const g = histogramGeometry(summary, 300, 100);

  it('draws one bar per non-empty bin, inside the box, counting every run', () => {
    const nonEmpty = summary.histogram.counts.filter((c) => c > 0).length;
    expect(g.bars).toHaveLength(nonEmpty);
    expect(g.bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(300);
    for (const bar of g.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(g.left);
      expect(bar.x + bar.width).toBeLessThanOrEqual(g.right + 1e-9);
      expect(bar.y).toBeGreaterThanOrEqual(g.top - 1e-9);
      expect(bar.y + bar.height).toBeCloseTo(g.bottom);
      expect(bar.height).toBeGreaterThanOrEqual(2); // a single run still shows
    }
  });

  it('marks as viral exactly the bars at or above the viral reach', () => {
    for (const bar of g.bars) expect(bar.viral).toBe(bar.from >= summary.viralReach);
    expect(g.viralX).not.toBeNull();
    expect(g.meanX).toBeCloseTo(g.xOf(summary.mean));
  });
});

describe('the worth sweep chart', () => {
  const sweep = worthSweep(csr, scenario({ delivery: 0.8 }), { runs: 40, points: 11 });
  const g = sweepGeometry(sweep, 300, 150);

  it('puts the threshold line at its worth, and maps clicks back to worth', () => {
    const t = sweep.threshold.threshold;
    expect(t).toBeGreaterThan(0);
    expect(t).toBeLessThan(1);
    expect(g.thresholdX).toBeCloseTo(g.xOf(t));
    expect(g.worthAt(g.xOf(0.3))).toBeCloseTo(0.3);
    expect(g.worthAt(-50)).toBe(0);
    expect(g.worthAt(10_000)).toBe(1);
  });

  it('interpolates expected reach between swept worths', () => {
    const [a, b] = [sweep.points[2], sweep.points[3]];
    expect(g.reachAt(a.worth)).toBeCloseTo(a.meanReach);
    expect(g.reachAt((a.worth + b.worth) / 2)).toBeCloseTo((a.meanReach + b.meanReach) / 2);
    expect(g.reachAt(1)).toBeCloseTo(sweep.points[sweep.points.length - 1].meanReach);
  });

  it('draws the curves with the y axis running up to everyone', () => {
    expect(g.yMax).toBe(120);
    expect(g.total).toMatch(/^M/);
    expect(g.band).toMatch(/Z$/);
    expect(g.hardOnly).toMatch(/^M/);
    expect(g.yOf(0)).toBe(g.bottom);
    expect(g.yOf(120)).toBe(g.top);
  });

  it('leaves the threshold line out when it is beyond worth 1', () => {
    const far = { ...sweep, threshold: { ...sweep.threshold, threshold: 1.7 } };
    expect(sweepGeometry(far, 300).thresholdX).toBeNull();
  });
});
