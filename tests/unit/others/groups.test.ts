import { describe, expect, it } from 'vitest';
import { findGroupings } from '../../../src/core/others/groups';
import { payloadFromPairs } from '../helpers/payload';

describe('findGroupings', () => {
  it('offers categorical attributes, largest group first, and leaves out labels and numbers', () => {
    const payload = payloadFromPairs(
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      {
        attributes: {
          a: { label: 'A', class: 'MP', age: 17 },
          b: { label: 'B', class: 'PC', age: 18 },
          c: { label: 'C', class: 'PC', age: 17 },
          d: { label: 'D', age: 16 },
        },
      },
    );
    const groupings = findGroupings(payload);
    expect(groupings.map((g) => g.attribute)).toEqual(['class']);
    const [klass] = groupings;
    expect(klass.values).toEqual(['PC', 'MP']);
    expect(klass.counts).toEqual([2, 1]);
    expect([...klass.groupOfNode]).toEqual([1, 0, 0, -1]);
  });
});
