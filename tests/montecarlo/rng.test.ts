import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/montecarlo/rng';

/** Upper 1e-6 point of the chi-square distribution with 255 degrees of freedom (scipy.stats.chi2.isf(1e-6, 255)). */
const CHI2_255_P1E6 = 377.0781154989867;
/** Normal quantile bound for a two-sided test at about 1e-6 (P(|Z| > 5) = 5.7e-7). */
const Z_BOUND = 5;

function draws(rng: Rng, count: number): number[] {
  return Array.from({ length: count }, () => rng.nextUint32());
}

/** Chi-square statistic of counts against equal expected counts. */
function chiSquareUniform(counts: Uint32Array, total: number): number {
  const expected = total / counts.length;
  let statistic = 0;
  for (const observed of counts) statistic += (observed - expected) ** 2 / expected;
  return statistic;
}

function correlation(xs: Float64Array, ys: Float64Array): number {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] / n;
    my += ys[i] / n;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

function doubles(seed: number, stream: number, count: number): Float64Array {
  const rng = new Rng(seed, stream);
  return Float64Array.from({ length: count }, () => rng.nextDouble());
}

describe('Rng', () => {
  it('matches a C reference of MurmurHash3 seeding + xoshiro128** (known-answer vectors)', () => {
    // From /tmp C: MurmurHash3_x86_32 (checked against its published test vectors) of the key
    // (seed, stream) under the four lane seeds, then the reference xoshiro128** next().
    const vectors: [number, number, number[]][] = [
      [42, 0, [61635588, 4115607698, 2608609219, 2604465534, 4044388974, 4058847315]],
      [42, 1, [36691796, 871757378, 2431179919, 3041105215, 2663005424, 501749520]],
      [0, 0, [509194577, 15319056, 4000672416, 3416995064, 3067768965, 1155562971]],
      [4294967295, 4294967295, [2479158659, 3936026022, 1494189667, 3331882697, 574619139, 1703858662]],
    ];
    for (const [seed, stream, expected] of vectors) {
      expect(draws(new Rng(seed, stream), 6)).toEqual(expected);
    }
  });

  it('repeats the same sequence for the same (seed, stream), by constructor or by seed()', () => {
    const first = draws(new Rng(7, 123), 1000);
    const reseeded = new Rng(1, 1);
    draws(reseeded, 50);
    reseeded.seed(7, 123);
    expect(draws(reseeded, 1000)).toEqual(first);
    expect(draws(new Rng(7, 123), 1000)).toEqual(first);
  });

  it('defaults to seed 0, stream 0', () => {
    expect(draws(new Rng(), 10)).toEqual(draws(new Rng(0, 0), 10));
  });

  it('gives distinct streams for consecutive stream indices and for different seeds', () => {
    const starts = new Set<string>();
    for (let stream = 0; stream < 2000; stream++) starts.add(draws(new Rng(42, stream), 2).join(','));
    for (let seed = 0; seed < 2000; seed++) starts.add(draws(new Rng(seed, 42), 2).join(','));
    // 4000 different keys; (42, 42) appears in both loops.
    expect(starts.size).toBe(3999);
  });

  it('copyFrom reproduces the rest of the sequence and leaves the two generators independent', () => {
    const source = new Rng(5, 9);
    draws(source, 17);
    const copy = new Rng(0, 0);
    copy.copyFrom(source);
    const expected = draws(source, 500);
    expect(draws(copy, 500)).toEqual(expected);
    draws(source, 3); // advancing one does not move the other
    const again = new Rng(0, 0);
    again.copyFrom(copy);
    expect(draws(again, 100)).toEqual(draws(copy, 100));
  });

  it('nextUint32 returns integers in [0, 2^32)', () => {
    const rng = new Rng(3, 3);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const value = rng.nextUint32();
      if (!(Number.isInteger(value) && value >= 0 && value < 4294967296)) outside++;
    }
    expect(outside).toBe(0);
  });

  it('nextDouble stays strictly inside (0, 1) on the grid (k + 0.5) / 2^32', () => {
    const rng = new Rng(11, 0);
    const twin = new Rng(11, 0);
    let min = 1;
    let max = 0;
    let offGrid = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const u = rng.nextDouble();
      if (u < min) min = u;
      if (u > max) max = u;
      if (u * 4294967296 - 0.5 !== twin.nextUint32()) offGrid++;
    }
    expect(offGrid).toBe(0);
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
    // The extreme grid points are exactly representable and stay inside: log(u) and log(1 - u) are finite.
    expect(0.5 / 4294967296).toBeGreaterThan(0);
    expect((4294967295 + 0.5) / 4294967296).toBeLessThan(1);
  });

  it('is uniform: chi-square of 256 bins of nextDouble, of the low byte and of the high byte', () => {
    const total = 1 << 20;
    const rng = new Rng(2024, 0);
    const doubleBins = new Uint32Array(256);
    const lowBytes = new Uint32Array(256);
    const highBytes = new Uint32Array(256);
    for (let i = 0; i < total; i++) doubleBins[Math.floor(rng.nextDouble() * 256)]++;
    for (let i = 0; i < total; i++) {
      const value = rng.nextUint32();
      lowBytes[value & 255]++;
      highBytes[value >>> 24]++;
    }
    // Each statistic is chi-square with 255 df under uniformity; reject only beyond p = 1e-6.
    expect(chiSquareUniform(doubleBins, total)).toBeLessThan(CHI2_255_P1E6);
    expect(chiSquareUniform(lowBytes, total)).toBeLessThan(CHI2_255_P1E6);
    expect(chiSquareUniform(highBytes, total)).toBeLessThan(CHI2_255_P1E6);
  });

  it('has no linear correlation between streams 0 and 1, nor between seeds, nor at lag 1', () => {
    const n = 200_000;
    // Under independence the sample correlation is about N(0, 1/n): |r| < 5 / sqrt(n).
    const bound = Z_BOUND / Math.sqrt(n);
    const stream0 = doubles(99, 0, n);
    expect(Math.abs(correlation(stream0, doubles(99, 1, n)))).toBeLessThan(bound);
    expect(Math.abs(correlation(stream0, doubles(100, 0, n)))).toBeLessThan(bound);
    expect(Math.abs(correlation(stream0.subarray(0, n - 1), stream0.subarray(1)))).toBeLessThan(
      Z_BOUND / Math.sqrt(n - 1),
    );
  });

  it('has uncorrelated first draws across consecutive trial streams (the engine reads a few per trial)', () => {
    const trials = 100_000;
    const first = new Float64Array(trials);
    const second = new Float64Array(trials);
    const rng = new Rng();
    for (let trial = 0; trial < trials; trial++) {
      rng.seed(42, trial);
      first[trial] = rng.nextDouble();
      second[trial] = rng.nextDouble();
    }
    const bound = Z_BOUND / Math.sqrt(trials - 1);
    // Trial i against trial i + 1, and the first draw against the second within a trial.
    expect(Math.abs(correlation(first.subarray(0, trials - 1), first.subarray(1)))).toBeLessThan(bound);
    expect(Math.abs(correlation(first, second))).toBeLessThan(Z_BOUND / Math.sqrt(trials));
    const bins = new Uint32Array(256);
    for (const u of first) bins[Math.floor(u * 256)]++;
    expect(chiSquareUniform(bins, trials)).toBeLessThan(CHI2_255_P1E6);
  });
});
