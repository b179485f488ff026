import { describe, expect, it } from 'vitest';
import type { Resolved } from '../../src/model/uncertain';
import { Rng } from '../../src/montecarlo/rng';
import { sampleResolved } from '../../src/montecarlo/sampleResolved';

/*
 * Each family's sample mean must lie within 5 standard errors of its exact mean
 * (|mean - mu| < 5 sd / sqrt(N), two-sided p = 5.7e-7); seeds are fixed.
 */
const N = 200_000;
const Z = 5;
/** Upper 1e-6 point of the chi-square distribution with 49 df (scipy.stats.chi2.isf(1e-6, 49)). */
const CHI2_49_P1E6 = 111.13590530067539;

function draw(r: Resolved, seed = 1): Float64Array {
  const rng = new Rng(seed, 0);
  return Float64Array.from({ length: N }, () => sampleResolved(rng, r));
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function expectMean(values: Float64Array, expected: number, variance: number): void {
  expect(Math.abs(mean(values) - expected)).toBeLessThan(Z * Math.sqrt(variance / values.length));
}

function pertShapes(min: number, mode: number, max: number): { alpha: number; beta: number } {
  return {
    alpha: 1 + (4 * (mode - min)) / (max - min),
    beta: 1 + (4 * (max - mode)) / (max - min),
  };
}

describe('sampleResolved', () => {
  it('returns a fixed value without drawing', () => {
    const rng = new Rng(3, 0);
    const twin = new Rng(3, 0);
    expect(sampleResolved(rng, { family: 'fixed', value: 42.5 })).toBe(42.5);
    expect(rng.nextUint32()).toBe(twin.nextUint32());
  });

  it('normal: mean and sd when the bounds are far', () => {
    const values = draw({ family: 'normal', mean: 10, sd: 2, lower: -1e9, upper: 1e9 });
    expectMean(values, 10, 4);
  });

  it('normal: clipped to [lower, upper], with the clipped mass at the bounds', () => {
    const values = draw({ family: 'normal', mean: 0.3, sd: 0.4, lower: 0, upper: 1 });
    let atLower = 0;
    let atUpper = 0;
    let outside = 0;
    for (const value of values) {
      if (value < 0 || value > 1) outside++;
      if (value === 0) atLower++;
      if (value === 1) atUpper++;
    }
    expect(outside).toBe(0);
    // P(Z < -0.75) = 0.2266 and P(Z > 1.75) = 0.0401 (scipy.stats.norm); binomial counts within 5 sd.
    for (const [count, probability] of [
      [atLower, 0.22662735237686826],
      [atUpper, 0.040059156863817086],
    ]) {
      expect(Math.abs(count - N * probability)).toBeLessThan(Z * Math.sqrt(N * probability * (1 - probability)));
    }
  });

  it('lognormal: mean exp(mu + sigma^2 / 2)', () => {
    const [mu, sigma] = [Math.log(300), Math.log(1.3) / 1.6448536269514722];
    const values = draw({ family: 'lognormal', mu, sigma });
    const variance = (Math.exp(sigma * sigma) - 1) * Math.exp(2 * mu + sigma * sigma);
    expectMean(values, Math.exp(mu + (sigma * sigma) / 2), variance);
  });

  it('beta: mean alpha / (alpha + beta), inside [0, 1]', () => {
    const [alpha, beta] = [21, 279];
    const values = draw({ family: 'beta', alpha, beta });
    const s = alpha + beta;
    expect(values.every((value) => value >= 0 && value <= 1)).toBe(true);
    expectMean(values, alpha / s, (alpha * beta) / (s * s * (s + 1)));
  });

  it('uniform: mean (min + max) / 2, inside (min, max)', () => {
    const values = draw({ family: 'uniform', min: -3, max: 5 });
    expect(values.every((value) => value > -3 && value < 5)).toBe(true);
    expectMean(values, 1, 64 / 12);
  });

  it.each([
    [0, 2, 10],
    [0, 0, 1],
    [-5, 5, 5],
  ])('triangular(%f, %f, %f): mean (a + b + c) / 3 and its CDF on 50 equiprobable bins', (a, c, b) => {
    const values = draw({ family: 'triangular', min: a, mode: c, max: b });
    const variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    expectMean(values, (a + b + c) / 3, variance);
    const cdf = (x: number) =>
      x < c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c));
    const counts = new Float64Array(50);
    for (const value of values) counts[Math.min(49, Math.floor(cdf(value) * 50))]++;
    let statistic = 0;
    for (const count of counts) statistic += (count - N / 50) ** 2 / (N / 50);
    expect(statistic).toBeLessThan(CHI2_49_P1E6);
  });

  it.each([
    [10, 20, 60],
    [0, 0.02, 0.1],
    [5, 5, 9],
  ])('pert(%f, %f, %f): mean (min + 4 mode + max) / 6, inside [min, max]', (min, mode, max) => {
    const values = draw({ family: 'pert', min, max, ...pertShapes(min, mode, max) });
    expect(values.every((value) => value >= min && value <= max)).toBe(true);
    const expected = (min + 4 * mode + max) / 6;
    // PERT variance (mean - min)(max - mean) / 7.
    expectMean(values, expected, ((expected - min) * (max - expected)) / 7);
  });

  it('degenerate ranges return their single value', () => {
    const rng = new Rng(9, 0);
    expect(sampleResolved(rng, { family: 'uniform', min: 4, max: 4 })).toBe(4);
    expect(sampleResolved(rng, { family: 'triangular', min: 4, mode: 4, max: 4 })).toBe(4);
    expect(sampleResolved(rng, { family: 'normal', mean: 1, sd: 0, lower: 0, upper: 2 })).toBe(1);
  });
});
