import { describe, expect, it } from 'vitest';
import {
  describe as describeOutcome,
  histogramSorted,
  niceStep,
  quantileSorted,
  rankCorrelation,
  ranks,
  shareAboveZero,
  tailMeans,
} from '../../src/montecarlo/statistics';

describe('quantileSorted (type 7)', () => {
  it.each([
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 1, 4],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0.25, 1.75], // h = 3 × 0.25 = 0.75
    [[10], 0.9, 10],
  ])('%j at p=%f is %f', (values, p, expected) => {
    expect(quantileSorted(Float64Array.from(values), p)).toBeCloseTo(expected, 12);
  });
});

describe('ranks', () => {
  it.each([
    [[10, 30, 20], [1, 3, 2]],
    [[5, 5, 1], [2.5, 2.5, 1]],
    [[2, 2, 2, 2], [2.5, 2.5, 2.5, 2.5]],
    [[3, 1, 2, 1], [4, 1.5, 3, 1.5]],
  ])('%j → %j', (values, expected) => {
    expect(Array.from(ranks(values))).toEqual(expected);
  });
});

describe('rankCorrelation', () => {
  it.each([
    [[1, 2, 3, 4], [10, 20, 30, 40], 1],
    [[1, 2, 3, 4], [4, 3, 2, 1], -1],
    [[1, 2, 3, 4], [5, 5, 5, 5], 0],
    // ranks x = 1 2 3 4 5, y = 2 1 4 3 5: Σd² = 4, ρ = 1 − 6·4/(5·24) = 0.8
    [[1, 2, 3, 4, 5], [20, 10, 40, 30, 50], 0.8],
  ])('%j vs %j → %f', (x, y, expected) => {
    expect(rankCorrelation(x, y)).toBeCloseTo(expected, 12);
  });
});

describe('tailMeans', () => {
  it('averages the outcome over the lowest and highest tenth of the input', () => {
    const input = Array.from({ length: 20 }, (_, i) => i);
    const outcome = input.map((x) => 100 + x);
    // lowest two inputs 0, 1 → 100.5; highest two 18, 19 → 118.5
    expect(tailMeans(input, outcome)).toEqual({ low: 100.5, high: 118.5 });
  });

  it('breaks ties at the cut in trial order', () => {
    const input = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const outcome = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(tailMeans(input, outcome)).toEqual({ low: 1, high: 1 });
  });
});

describe('describe', () => {
  it('summarises trials and skips those without a value', () => {
    const stats = describeOutcome([1, 2, NaN, 3, 4])!;
    expect(stats).toMatchObject({ count: 4, mean: 2.5, min: 1, max: 4, p50: 2.5 });
    expect(stats.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(stats.histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(4);
  });

  it('is null when no trial has a value', () => {
    expect(describeOutcome([NaN, NaN])).toBeNull();
  });

  it.each([
    [[-1, 1, 2, NaN], 2 / 3],
    [[0, 0], 0],
    [[NaN], null],
  ])('shareAboveZero(%j) = %s', (values, expected) => {
    expect(shareAboveZero(values)).toBe(expected);
  });
});

describe('histogram with round edges', () => {
  it.each([
    [100, 10, 10],
    [97, 10, 10],
    [0.37, 30, 0.02],
    [3e6, 30, 1e5],
  ])('niceStep(%f, %i) = %f', (span, bins, step) => {
    expect(niceStep(span, bins)).toBeCloseTo(step, 12);
  });

  it('counts every value once, in bins of one round width', () => {
    const sorted = Float64Array.from({ length: 1000 }, (_, i) => i * 0.37).sort();
    const bins = histogramSorted(sorted, 30);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(1000);
    const width = bins[0].x1 - bins[0].x0;
    for (const bin of bins) expect(bin.x1 - bin.x0).toBeCloseTo(width, 9);
    expect(bins[0].x0).toBeLessThanOrEqual(sorted[0]);
    expect(bins.at(-1)!.x1).toBeGreaterThan(sorted.at(-1)!);
  });
});
