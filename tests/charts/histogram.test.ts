import { describe, expect, it } from 'vitest';
import { binValues, histogramBars, histogramDomain, labelRows } from '../../src/charts/histogram';

describe('binValues', () => {
  it.each([
    {
      name: 'round edges over the extent',
      values: [0, 1, 2, 3, 9.5],
      binCount: 5,
      expected: [
        { x0: 0, x1: 2, count: 2 },
        { x0: 2, x1: 4, count: 2 },
        { x0: 4, x1: 6, count: 0 },
        { x0: 6, x1: 8, count: 0 },
        { x0: 8, x1: 10, count: 1 },
      ],
    },
    {
      // Bins are [x0, x1): a maximum on a round edge gets one more bin of the same width.
      name: 'a maximum on a round edge opens one more bin',
      values: [-10, 0, 10],
      binCount: 2,
      expected: [
        { x0: -10, x1: 0, count: 1 },
        { x0: 0, x1: 10, count: 1 },
        { x0: 10, x1: 20, count: 1 },
      ],
    },
    {
      name: 'non-finite values are left out',
      values: [1, NaN, 1.5, Infinity, 1.9],
      binCount: 1,
      expected: [{ x0: 1, x1: 2, count: 3 }],
    },
    {
      name: 'equal values make one bin around them',
      values: [40, 40, 40],
      binCount: 10,
      expected: [{ x0: 38, x1: 42, count: 3 }],
    },
    { name: 'all zero', values: [0, 0], binCount: 10, expected: [{ x0: -0.5, x1: 0.5, count: 2 }] },
    { name: 'no values', values: [], binCount: 10, expected: [] },
  ])('$name', ({ values, binCount, expected }) => {
    expect(binValues(values, binCount)).toEqual(expected);
  });

  it('takes typed arrays and keeps every finite value in equal-width bins', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 1234.5 + 100);
    const bins = binValues(values);
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(1000);
    const widths = new Set(bins.map((b) => +(b.x1 - b.x0).toFixed(6)));
    expect(widths.size).toBe(1);
    for (let i = 1; i < bins.length; i++) expect(bins[i].x0).toBe(bins[i - 1].x1);
  });
});

describe('histogramBars', () => {
  it.each([
    {
      name: 'sides of zero, and a bin across it split',
      bins: [
        { x0: -20, x1: -10, count: 1 },
        { x0: -10, x1: 10, count: 4 },
        { x0: 10, x1: 20, count: 2 },
      ],
      expected: [
        { x0: -20, x1: -10, count: 1, negative: true },
        { x0: -10, x1: 0, count: 4, negative: true },
        { x0: 0, x1: 10, count: 4, negative: false },
        { x0: 10, x1: 20, count: 2, negative: false },
      ],
    },
    {
      name: 'edges at zero are not split',
      bins: [
        { x0: -5, x1: 0, count: 3 },
        { x0: 0, x1: 5, count: 1 },
      ],
      expected: [
        { x0: -5, x1: 0, count: 3, negative: true },
        { x0: 0, x1: 5, count: 1, negative: false },
      ],
    },
  ])('$name', ({ bins, expected }) => {
    expect(histogramBars(bins)).toEqual(expected);
  });
});

describe('histogramDomain', () => {
  it.each([
    { bins: [{ x0: 0, x1: 10, count: 1 }], markers: [], expected: [0, 10] },
    {
      bins: [{ x0: 0, x1: 10, count: 1 }],
      markers: [{ value: -5, label: 'break-even' }],
      expected: [-5, 10],
    },
    { bins: [], markers: [{ value: 3, label: 'mean' }], expected: [2, 4] },
    { bins: [], markers: [], expected: [0, 1] },
  ])('$bins with $markers → $expected', ({ bins, markers, expected }) => {
    expect(histogramDomain(bins, markers)).toEqual(expected);
  });
});

describe('labelRows', () => {
  it.each([
    { positions: [0, 200], minGap: 90, expected: [0, 0] },
    { positions: [0, 50], minGap: 90, expected: [0, 1] },
    { positions: [50, 0], minGap: 90, expected: [1, 0] },
    { positions: [0, 50, 100, 10], minGap: 40, expected: [0, 0, 0, 1] },
    { positions: [0, 10, 20], minGap: 40, expected: [0, 1, 2] },
    { positions: [], minGap: 40, expected: [] },
  ])('$positions with gap $minGap → rows $expected', ({ positions, minGap, expected }) => {
    expect(labelRows(positions, minGap)).toEqual(expected);
  });
});
