import { describe, expect, it } from 'vitest';
import { normalDensity } from '../../src/model/distributions/special';
import type { Resolved } from '../../src/model/uncertain';
import { densityCurve, sparklinePath, type DensityPoint } from '../../src/ui/density';

const normal: Resolved = { family: 'normal', mean: 0, sd: 1, lower: -Infinity, upper: Infinity };
const lognormal: Resolved = { family: 'lognormal', mu: 0, sigma: 0.5 };
const lognormalDensity = (x: number) => normalDensity(Math.log(x) / 0.5) / (0.5 * x);

describe('densityCurve', () => {
  it.each<{ name: string; resolved: Resolved; bins: number; expected: DensityPoint[] }>([
    {
      // The 0.5% and 99.5% quantiles are 2.01 and 3.99: four bins of 0.495, density 1/2 in each.
      name: 'uniform on [2, 4]',
      resolved: { family: 'uniform', min: 2, max: 4 },
      bins: 4,
      expected: [
        { x: 2.2575, density: 0.5 },
        { x: 2.7525, density: 0.5 },
        { x: 3.2475, density: 0.5 },
        { x: 3.7425, density: 0.5 },
      ],
    },
    {
      // Density 2(1 - x) is linear, so a bin's average is the density at its middle. The
      // quantiles are 1 - sqrt(0.995) = 0.0025031 and 1 - sqrt(0.005) = 0.9292893.
      name: 'triangular with its mode at its minimum',
      resolved: { family: 'triangular', min: 0, mode: 0, max: 1 },
      bins: 2,
      expected: [
        { x: 0.2341997, density: 2 * (1 - 0.2341997) },
        { x: 0.6975928, density: 2 * (1 - 0.6975928) },
      ],
    },
  ])('$name', ({ resolved, bins, expected }) => {
    const curve = densityCurve(resolved, bins);
    expect(curve).toHaveLength(expected.length);
    curve.forEach((point, i) => {
      expect(point.x).toBeCloseTo(expected[i].x, 6);
      expect(point.density).toBeCloseTo(expected[i].density, 6);
    });
  });

  it.each<{ name: string; resolved: Resolved; density: (x: number) => number; tolerance: number }>([
    { name: 'standard normal', resolved: normal, density: normalDensity, tolerance: 2e-4 },
    { name: 'lognormal (0, 0.5)', resolved: lognormal, density: lognormalDensity, tolerance: 2e-3 },
  ])('follows the $name density on 60 bins holding 99% of the probability', ({ resolved, density, tolerance }) => {
    const curve = densityCurve(resolved);
    expect(curve).toHaveLength(60);
    for (const point of curve) expect(Math.abs(point.density - density(point.x))).toBeLessThan(tolerance);
    const width = curve[1].x - curve[0].x;
    expect(curve.reduce((sum, point) => sum + point.density * width, 0)).toBeCloseTo(0.99, 9);
  });

  it.each<{ name: string; resolved: Resolved }>([
    { name: 'a fixed value', resolved: { family: 'fixed', value: 3 } },
    { name: 'a normal without spread', resolved: { ...normal, sd: 0 } },
    { name: 'a lognormal without spread', resolved: { family: 'lognormal', mu: 1, sigma: 0 } },
  ])('has no curve for $name', ({ resolved }) => {
    expect(densityCurve(resolved)).toEqual([]);
  });
});

describe('sparklinePath', () => {
  const point = (density: number, x = 0): DensityPoint => ({ x, density });

  it.each<{ name: string; curve: DensityPoint[]; width: number; height: number; expected: string }>([
    {
      name: 'a peak in the middle',
      curve: [point(1), point(2), point(1)],
      width: 100,
      height: 20,
      expected: 'M0,20L0,10L50,0L100,10L100,20Z',
    },
    {
      name: 'coordinates to a tenth of a pixel',
      curve: [point(1), point(3), point(2), point(3)],
      width: 10,
      height: 1,
      expected: 'M0,1L0,0.7L3.3,0L6.7,0.3L10,0L10,1Z',
    },
    { name: 'a flat curve', curve: [point(0.5), point(0.5)], width: 8, height: 4, expected: 'M0,4L0,0L8,0L8,4Z' },
    { name: 'no curve', curve: [], width: 100, height: 20, expected: '' },
    { name: 'a single bin', curve: [point(1)], width: 100, height: 20, expected: '' },
    { name: 'no probability at all', curve: [point(0), point(0)], width: 100, height: 20, expected: '' },
  ])('$name', ({ curve, width, height, expected }) => {
    expect(sparklinePath(curve, width, height)).toBe(expected);
  });
});
