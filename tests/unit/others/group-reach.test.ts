import { describe, expect, it } from 'vitest';
import { groupReach } from '../../../src/core/others/group-reach';
import type { Grouping } from '../../../src/core/others/groups';
import type { Timeline } from '../../../src/core/spread/types';

// People 0..5; classes A = {0, 1, 2}, B = {3, 4}, C = {}, person 5 in no class. C is not reached.
const grouping: Grouping = {
  attribute: 'class',
  values: ['A', 'B', 'C'],
  counts: [3, 2, 1],
  groupOfNode: Int32Array.from([0, 0, 0, 1, 1, -1, 2]),
};
const timeline: Timeline = {
  length: 5,
  time: Float64Array.from([0, 1, 1, 2, 3]),
  node: Int32Array.from([0, 1, 3, 5, 4]),
  via: Int32Array.from([-1, 0, 0, 3, 3]),
  channel: Uint8Array.from([0, 1, 1, 2, 2]),
  timeUnit: 'hours',
  hardOnlyReach: 3,
};

describe('groupReach', () => {
  it('counts each group’s reach by channel, share and first arrival', () => {
    const { reached, unreached } = groupReach(timeline, grouping);
    expect(reached.map((r) => r.name)).toEqual(['A', 'B', 'no class']);
    const [a, b, none] = reached;
    expect(a).toMatchObject({ members: 3, reached: 2, byChannel: [1, 1, 0, 0], firstTime: 0 });
    expect(a.share).toBeCloseTo(2 / 3);
    expect(b).toMatchObject({ members: 2, reached: 2, byChannel: [0, 1, 1, 0], firstTime: 1 });
    expect(b.share).toBe(1);
    expect(none).toMatchObject({ members: 1, reached: 1, byChannel: [0, 0, 1, 0] });
    expect(unreached.map((r) => r.name)).toEqual(['C']);
    expect(reached.reduce((sum, r) => sum + r.reached, 0)).toBe(timeline.length);
  });

  it('shows the reach so far when given fewer rows', () => {
    const { reached, unreached } = groupReach(timeline, grouping, 2);
    expect(reached.map((r) => [r.name, r.reached])).toEqual([['A', 2]]);
    expect(unreached.map((r) => r.name)).toEqual(['B', 'C']);
  });
});
