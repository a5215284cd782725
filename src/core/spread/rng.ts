/**
 * Seeded pseudo-random numbers for the spread engine.
 *
 * Hand-written rather than taken from a library because the cascade draws numbers per edge in its
 * hot loop: `next()` must be a handful of 32-bit integer operations on plain fields, with no
 * allocation and no indirection, and it must give the same sequence in node, every browser and every
 * worker so that a scenario's seed reproduces its timeline bit for bit. The generator is sfc32
 * (Chris Doty-Humphrey's Small Fast Chaotic PRNG, 128-bit state, passes PractRand and BigCrush),
 * its state filled by splitmix32 so that neighbouring seeds (1, 2, 3, ...) give unrelated streams.
 */
export interface Rng {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
}

/** 2^-32: maps an unsigned 32-bit integer into [0, 1). */
const UINT32_TO_UNIT = 1 / 4294967296;

/**
 * Seeds are integers (they travel in URLs); they are reduced modulo 2^32, with the high bits of
 * larger integers folded in so that `seed` and `seed + 2^32` still differ.
 */
export function normalizeSeed(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const integer = Math.trunc(seed);
  const low = integer >>> 0;
  const high = Math.floor(integer / 4294967296) >>> 0;
  return (low ^ Math.imul(high, 0x9e3779b1)) >>> 0;
}

class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let mix = normalizeSeed(seed);
    // splitmix32: a full-avalanche hash of a Weyl sequence, one state word per step.
    const splitmix = (): number => {
      mix = (mix + 0x9e3779b9) | 0;
      let z = mix;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return z ^ (z >>> 15);
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = 1; // sfc32's counter; starting it at 1 guarantees the state is never all zero.
    // The first outputs of a freshly seeded chaotic generator are still correlated with the seed.
    for (let i = 0; i < 15; i++) this.next();
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    const rotated = (this.c << 21) | (this.c >>> 11);
    this.c = (rotated + t) | 0;
    return (t >>> 0) * UINT32_TO_UNIT;
  }
}

export function createRng(seed: number): Rng {
  return new Sfc32(seed);
}

/** murmur3's 32-bit finalizer: full avalanche, so consecutive inputs give unrelated outputs. */
function fmix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A number in (0, 1] fixed by (seed, index), drawn without a stream: the same node gets the same
 * value whatever order a run visits nodes in. Linear threshold draws each person's threshold this
 * way, so two scenarios with the same seed share thresholds and can be compared person by person.
 * `seed` must already be normalized (see normalizeSeed).
 */
export function hashUnit(seed: number, index: number): number {
  const h = fmix32(fmix32(seed ^ 0x5bd1e995) + Math.imul(index, 0x9e3779b9));
  return (h + 1) * UINT32_TO_UNIT;
}
