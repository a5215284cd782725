import { describe, expect, it } from 'vitest';
import { formatScenarioHash, parseScenarioHash } from '../../../src/core/spread/scenario-hash';

describe('scenario hash', () => {
  it('round-trips a scenario', () => {
    const scenario = {
      origin: 'Student 7&co',
      alsoOrigins: ['34', 'a,b'],
      model: 'complex-contagion' as const,
      worth: 0.25,
      delivery: 0.8,
      seed: 42,
      t: 3.5,
    };
    expect(parseScenarioHash(formatScenarioHash(scenario))).toEqual(scenario);
  });

  it('ignores values out of range or malformed', () => {
    expect(parseScenarioHash('#worth=2&delivery=abc&seed=1.5&origin=')).toEqual({
      worth: undefined,
      delivery: undefined,
    });
  });
});
