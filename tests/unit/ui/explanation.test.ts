import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '../../../src/core/graph/csr';
import { simulateSpread } from '../../../src/core/spread/independent-cascade';
import { finalReach } from '../../../src/core/spread/metrics';
import {
  explainSpread,
  formatAmplification,
  type ChannelCounts,
  type SpreadFacts,
} from '../../../src/ui/spread/explanation';
import { hardNetworkSize } from '../../../src/ui/spread/hard-network';

const reach = (hard: number, soft: number, outside = 0, origin = 1): ChannelCounts => ({
  total: origin + hard + soft + outside,
  origin,
  hard,
  soft,
  outside,
});

function facts(overrides: Partial<SpreadFacts> = {}): SpreadFacts {
  const final = reach(5, 81);
  return {
    origin: 'Sylvia',
    originCount: 1,
    mode: 'simulated',
    hashtag: null,
    told: 6,
    now: final,
    final,
    finished: true,
    worth: 0.25,
    delivery: 0.8,
    people: 134,
    ...overrides,
  };
}

describe('explainSpread', () => {
  it('says the issue’s sentence at the end of a simulated spread', () => {
    expect(explainSpread(facts()).headline).toBe(
      'Sylvia told 6 people; 5 got it; the soft network carried it to 81 more: 14.5× amplification.',
    );
  });

  it('speaks of "so far" while the replay runs, with the live figures', () => {
    const headline = explainSpread(facts({ now: reach(2, 3), finished: false })).headline;
    expect(headline).toBe(
      'Sylvia told 6 people; 2 got it so far; the soft network has carried it to 3 more: 2.0× amplification.',
    );
  });

  it('says when nobody passed it on, and when nobody has yet', () => {
    expect(explainSpread(facts({ now: reach(5, 0) })).headline).toContain('nobody passed it on');
    expect(explainSpread(facts({ now: reach(1, 0), finished: false })).headline).toContain(
      'nobody has passed it on yet',
    );
  });

  it('explains an origin with no hard network instead of dividing by nothing', () => {
    const headline = explainSpread(
      facts({ told: 0, now: reach(0, 0), final: reach(0, 0) }),
    ).headline;
    expect(headline).toMatch(/nobody to tell directly/);
    expect(headline).not.toMatch(/NaN|Infinity/);
  });

  it('says so when an origin without hard ties still tells people person to person', () => {
    const now = reach(0, 3);
    expect(explainSpread(facts({ told: 0, now, final: now })).headline).toBe(
      'Sylvia has no hard network here; the soft network carried it to 3 people: 4.0× amplification.',
    );
  });

  it('names the other origins when the word starts from several people', () => {
    expect(explainSpread(facts({ originCount: 3 })).headline).toMatch(/^Sylvia and 2 others told/);
    expect(explainSpread(facts({ originCount: 2, told: 1 })).headline).toMatch(
      /^Sylvia and 1 other told 1 person;/,
    );
  });

  it('tells a recorded hashtag spread in its own words, outside included', () => {
    const now = reach(12, 40, 10);
    const headline = explainSpread(
      facts({ mode: 'recorded', hashtag: 'BlackLivesMatter', origin: '@ada', now, final: now }),
    ).headline;
    expect(headline).toBe(
      '@ada posted #BlackLivesMatter first; 12 picked it up straight from them; 40 more from others; 10 from outside what we can see: 4.8× amplification.',
    );
  });

  it('gives each word on screen its meaning and its value here', () => {
    const { terms } = explainSpread(facts());
    expect(terms.map((t) => t.term)).toEqual([
      'Origin',
      'Hard network',
      'Delivery',
      'Soft network',
      'Worth',
    ]);
    expect(terms.find((t) => t.term === 'Delivery')!.meaning).toMatch(/^80%/);
    expect(terms.find((t) => t.term === 'Worth')!.meaning).toMatch(/^25%/);
    expect(terms.find((t) => t.term === 'Soft network')!.meaning).toContain('81 of 134');
    expect(terms.find((t) => t.term === 'Hard network')!.meaning).toContain('6 here, 5 got it');
  });
});

describe('formatAmplification', () => {
  it('divides total reach by what the origin and the hard network reached', () => {
    expect(formatAmplification(reach(5, 81))).toBe('14.5×');
    expect(formatAmplification(reach(0, 0, 4, 0))).toBeNull();
  });
});

describe('hardNetworkSize', () => {
  // 0 → 1, 0 → 2, 0 – 3 (undirected), 1 → 4; edge 1 (0 → 2) is marked hard.
  const csr = csrFromEdges(
    5,
    Int32Array.from([0, 0, 0, 1]),
    Int32Array.from([1, 2, 3, 4]),
    new Float64Array(4).fill(1),
    Uint8Array.from([1, 1, 0, 1]),
  );

  it('counts the origins’ direct contacts, other origins left out', () => {
    expect(hardNetworkSize(csr, [0], null)).toBe(3);
    expect(hardNetworkSize(csr, [0, 1], null)).toBe(3);
    expect(hardNetworkSize(csr, [3], null)).toBe(1);
  });

  it('counts only hard-marked ties when the dataset marks some', () => {
    expect(hardNetworkSize(csr, [0], Uint8Array.from([0, 1, 0, 0]))).toBe(1);
  });

  it('agrees with the engine: with certain delivery and no worth, everyone told gets it', () => {
    for (const origin of [0, 1, 3]) {
      const timeline = simulateSpread(csr, {
        origins: [origin],
        model: 'independent-cascade',
        worth: 0,
        delivery: 1,
        seed: 7,
      });
      expect(finalReach(timeline).hard).toBe(hardNetworkSize(csr, [origin], null));
    }
  });
});
