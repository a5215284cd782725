import { describe, expect, it } from 'vitest';
import { hardEdgesOf } from '../../../src/core/graph/hard-marks';
import { payloadFromPairs } from '../helpers/payload';

describe('hardEdgesOf', () => {
  it('reads hard ties from edge attributes', () => {
    const payload = payloadFromPairs([
      ['s', 'a'],
      ['s', 'b'],
      ['a', 'b'],
    ]);
    payload.edgeAttributes = [{ kind: 'hard' }, { kind: 'soft' }, { hard: true }];
    expect([...hardEdgesOf(payload)!]).toEqual([1, 0, 1]);
  });

  it('reads hard ties from nodes marked as hard (a subscriber list)', () => {
    const payload = payloadFromPairs(
      [
        ['s', 'a'],
        ['s', 'b'],
      ],
      { attributes: { b: { channel: 'Hard' } } },
    );
    expect([...hardEdgesOf(payload)!]).toEqual([0, 1]);
  });

  it('is null for datasets that mark nothing', () => {
    expect(hardEdgesOf(payloadFromPairs([['s', 'a']]))).toBeNull();
  });
});
