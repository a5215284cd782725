import { describe, expect, it } from 'vitest';
import { edgeFilterFor, edgeKindsOf } from '../../../src/core/graph/edge-kinds';
import { payloadFromPairs } from '../helpers/payload';

describe('edge kinds', () => {
  const payload = payloadFromPairs([
    ['a', 'b'],
    ['b', 'c'],
    ['a', 'c'],
  ]);
  payload.edgeAttributes = [{ kind: 'repost' }, { kind: 'mention' }, { kind: 'repost' }];

  it('lists the kinds in first-seen order', () => {
    expect(edgeKindsOf(payload)).toEqual(['repost', 'mention']);
  });

  it('filters edges by kind, and needs no filter when all are shown', () => {
    expect([...edgeFilterFor(payload, ['mention'])!]).toEqual([0, 1, 0]);
    expect(edgeFilterFor(payload, ['mention', 'repost'])).toBeNull();
    expect(edgeFilterFor(payloadFromPairs([['a', 'b']]), [])).toBeNull();
  });
});
