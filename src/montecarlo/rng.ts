/**
 * Seeded random streams for the Monte Carlo engine.
 *
 * The generator is xoshiro128** (Blackman & Vigna 2018): four 32-bit words of state, so every
 * step is plain int32 arithmetic (`Math.imul`, shifts) that V8 compiles to a handful of machine
 * instructions; a 64-bit generator would need BigInt or pairs of words in JS and be several times
 * slower. Period 2^128 - 1; a trial uses at most a few thousand numbers, so the streams of
 * different trials never come close to overlapping.
 *
 * Every (seed, stream) pair gets its own starting state from MurmurHash3 (x86, 32-bit) of the
 * 8-byte key (seed, stream), computed four times with four different hash seeds. Consecutive
 * stream indices (trial 0, 1, 2, ...) thus start from unrelated states, and results do not depend
 * on which worker runs which trial.
 */

/** 2^-32: one step of the 32-bit uniform grid. */
const UNIT_32 = 1 / 4294967296;

/** Hash seeds of the four state words: SHA-256's first initial words, arbitrary and distinct. */
const LANE_0 = 0x6a09e667;
const LANE_1 = 0xbb67ae85;
const LANE_2 = 0x3c6ef372;
const LANE_3 = 0xa54ff53a;

export class Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  constructor(seed = 0, stream = 0) {
    this.seed(seed, stream);
  }

  /**
   * Re-seed in place (no allocation): independent stream for (seed, stream). seed and stream are
   * non-negative integers < 2^32 (stream up to 2^32-1 is the trial index); larger values are
   * taken modulo 2^32.
   */
  seed(seed: number, stream: number): void {
    this.s0 = murmurKey(LANE_0, seed, stream);
    this.s1 = murmurKey(LANE_1, seed, stream);
    this.s2 = murmurKey(LANE_2, seed, stream);
    this.s3 = murmurKey(LANE_3, seed, stream);
    // xoshiro is stuck at the all-zero state; the hashes reach it with probability 2^-128.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = LANE_0;
  }

  /** Uniform integer in [0, 2^32). */
  nextUint32(): number {
    return this.step() >>> 0;
  }

  /**
   * Uniform in the open interval (0, 1): (k + 0.5) / 2^32 for a uniform 32-bit k, so never 0
   * (log(u) is finite) and never 1 (log(1 - u) is finite).
   *
   * 32 bits rather than 53: one generator step instead of two, 2.2 ns against 3.5 ns a double in
   * scripts/bench-samplers.ts, on samplers that take 2 to 4 uniforms a call. The grid step 2.3e-10
   * is below anything the samplers can show: inversion places each outcome's probability within
   * 2.3e-10, and the smallest u (1.2e-10) still reaches 22.9 units into an exponential tail
   * (BTPE, ziggurat tails), beyond which lies 1.1e-10 of the mass: a bias no run of the engine
   * (about 10^7 draws) can detect.
   */
  nextDouble(): number {
    return ((this.step() >>> 0) + 0.5) * UNIT_32;
  }

  /**
   * Copy the full state from another Rng (common random numbers: every scenario of a trial
   * restarts from the same state). The four words are the whole state: no sampler caches values.
   */
  copyFrom(other: Rng): void {
    this.s0 = other.s0;
    this.s1 = other.s1;
    this.s2 = other.s2;
    this.s3 = other.s3;
  }

  /** One xoshiro128** step; returns the output as a signed int32. */
  private step(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    const times5 = Math.imul(s1, 5);
    const result = Math.imul((times5 << 7) | (times5 >>> 25), 9);
    this.s0 = s0 ^ s3;
    this.s1 = s1 ^ s2;
    this.s2 = s2 ^ (s1 << 9);
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }
}

/** MurmurHash3_x86_32 of the 8-byte key (a, b) under hash seed `lane`. */
function murmurKey(lane: number, a: number, b: number): number {
  let h = murmurBlock(lane, a);
  h = murmurBlock(h, b);
  return fmix32(h ^ 8);
}

function murmurBlock(h: number, block: number): number {
  let k = Math.imul(block, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finaliser: every input bit reaches every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
