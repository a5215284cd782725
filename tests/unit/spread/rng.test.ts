import { describe, expect, it } from 'vitest';
import { createRng, hashUnit, normalizeSeed } from '../../../src/core/spread/rng';

describe('createRng', () => {
  it('stays in [0, 1) and is uniform by a chi-square test', () => {
    const rng = createRng(42);
    const buckets = 20;
    const draws = 200_000;
    const counts = new Array<number>(buckets).fill(0);
    let outOfRange = 0;
    for (let i = 0; i < draws; i++) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) outOfRange++;
      else counts[Math.floor(x * buckets)]++;
    }
    expect(outOfRange).toBe(0);
    const expected = draws / buckets;
    const chiSquare = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    // 19 degrees of freedom: the 99.9th percentile is 43.8.
    expect(chiSquare).toBeLessThan(43.8);
  });

  it('has mean 1/2, variance 1/12 and no lag-1 correlation', () => {
    const rng = createRng(7);
    const n = 100_000;
    let sum = 0;
    let sumSquares = 0;
    let sumProducts = 0;
    let previous = rng.next();
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      sum += x;
      sumSquares += x * x;
      sumProducts += (x - 0.5) * (previous - 0.5);
      previous = x;
    }
    const mean = sum / n;
    // Standard error of the mean is sqrt(1/12 / n) ≈ 0.0009; allow about 4 of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.004);
    expect(Math.abs(sumSquares / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
    // Correlation estimate has standard error 1/sqrt(n) ≈ 0.003.
    expect(Math.abs(sumProducts / n / (1 / 12))).toBeLessThan(0.013);
  });

  it('replays the same sequence for the same seed', () => {
    const a = createRng(123);
    const b = createRng(123);
    for (let i = 0; i < 1000; i++) expect(a.next()).toBe(b.next());
  });

  it('gives unrelated streams for neighbouring seeds, including 0', () => {
    const firsts = new Set<number>();
    for (let seed = 0; seed < 1000; seed++) firsts.add(createRng(seed).next());
    expect(firsts.size).toBe(1000);
    const a = createRng(1);
    const b = createRng(2);
    let equal = 0;
    for (let i = 0; i < 1000; i++) if (a.next() === b.next()) equal++;
    expect(equal).toBe(0);
  });

  it('reduces seeds to 32 bits without folding seed + 2^32 onto seed', () => {
    expect(normalizeSeed(5)).toBe(5);
    expect(normalizeSeed(5 + 2 ** 32)).not.toBe(5);
    const negative = normalizeSeed(-1);
    expect(Number.isInteger(negative) && negative >= 0 && negative < 2 ** 32).toBe(true);
    expect(normalizeSeed(7.9)).toBe(7);
    expect(() => normalizeSeed(Number.NaN)).toThrow(RangeError);
  });
});

describe('hashUnit', () => {
  it('is uniform on (0, 1] over consecutive indices, and differs between seeds', () => {
    const buckets = 20;
    const n = 200_000;
    const counts = new Array<number>(buckets).fill(0);
    let sameAcrossSeeds = 0;
    let lagProducts = 0;
    let outOfRange = 0;
    let previous = hashUnit(3, 0);
    for (let i = 0; i < n; i++) {
      const x = hashUnit(3, i);
      if (!(x > 0 && x <= 1)) outOfRange++;
      counts[Math.min(buckets - 1, Math.floor(x * buckets))]++;
      if (x === hashUnit(4, i)) sameAcrossSeeds++;
      lagProducts += (x - 0.5) * (previous - 0.5);
      previous = x;
    }
    expect(outOfRange).toBe(0);
    const expected = n / buckets;
    const chiSquare = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(43.8); // 19 degrees of freedom, 99.9th percentile
    expect(sameAcrossSeeds).toBeLessThan(5);
    // Lag-1 correlation of neighbouring indices: standard error 1/√n.
    expect(Math.abs(lagProducts / n / (1 / 12))).toBeLessThan(4 / Math.sqrt(n));
    expect(hashUnit(3, 17)).toBe(hashUnit(3, 17));
  });
});
