import { describe, expect, it } from 'vitest';
import { simulateSpread } from '../../../src/core/spread/independent-cascade';
import { createRng } from '../../../src/core/spread/rng';
import { Channel } from '../../../src/core/spread/types';
import { outNeighbours, randomGraph, scenario } from './helpers';

describe('simulateSpread invariants on random graphs', () => {
  for (let trial = 0; trial < 40; trial++) {
    it(`trial ${trial}`, () => {
      const pick = createRng(1000 + trial);
      const nodeCount = 50 + Math.floor(pick.next() * 400);
      const csr = randomGraph(trial, nodeCount, Math.floor(nodeCount * (1 + pick.next() * 6)));
      const origins = Array.from({ length: 1 + Math.floor(pick.next() * 3) }, () =>
        Math.floor(pick.next() * nodeCount),
      );
      const originSet = new Set(origins);
      const timeline = simulateSpread(
        csr,
        scenario({ origins, worth: pick.next(), delivery: pick.next(), seed: trial }),
      );

      expect(timeline.timeUnit).toBe('hours');
      const adoptedAt = new Map<number, number>();
      let hardCount = 0;
      for (let i = 0; i < timeline.length; i++) {
        const node = timeline.node[i];
        const time = timeline.time[i];
        const via = timeline.via[i];
        const channel = timeline.channel[i];
        if (i > 0) expect(time).toBeGreaterThanOrEqual(timeline.time[i - 1]);
        expect(adoptedAt.has(node)).toBe(false);
        if (channel === Channel.origin) {
          expect(originSet.has(node)).toBe(true);
          expect(time).toBe(0);
          expect(via).toBe(-1);
        } else if (channel === Channel.hard) {
          hardCount++;
          expect(originSet.has(via)).toBe(true);
          expect(Array.from(outNeighbours(csr, via))).toContain(node);
          expect(time).toBeGreaterThan(0);
        } else {
          expect(channel).toBe(Channel.soft);
          expect(originSet.has(via)).toBe(false);
          expect(adoptedAt.get(via)).toBeLessThan(time);
          expect(Array.from(outNeighbours(csr, via))).toContain(node);
        }
        adoptedAt.set(node, time);
      }
      for (const origin of originSet) expect(adoptedAt.get(origin)).toBe(0);

      const hardNetwork = new Set<number>();
      for (const o of originSet) for (const v of outNeighbours(csr, o)) hardNetwork.add(v);
      for (const o of originSet) hardNetwork.delete(o);
      expect(timeline.hardOnlyReach).toBeGreaterThanOrEqual(originSet.size + hardCount);
      expect(timeline.hardOnlyReach).toBeLessThanOrEqual(originSet.size + hardNetwork.size);
      for (const column of [timeline.time, timeline.node, timeline.via, timeline.channel]) {
        expect(column.length).toBe(timeline.length);
      }
    });
  }
});
