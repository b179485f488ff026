import { describe, expect, it } from 'vitest';
import { labelGutter, niceDomain, paddedExtent, valueTicks } from '../../src/charts/scales';
import { seriesColor } from '../../src/charts/palette';

describe('paddedExtent', () => {
  it.each([
    // values, options, expected [min, max]
    { values: [10, 60], options: {}, expected: [0, 61.2] },
    { values: [10, 60], options: { includeZero: false }, expected: [9, 61] },
    { values: [-20, 80], options: {}, expected: [-22, 82] },
    { values: [-50, -10], options: {}, expected: [-51, 0] },
    { values: [10, 60], options: { pad: 0 }, expected: [0, 60] },
    { values: [10, 60], options: { includeZero: false, pad: 0.1 }, expected: [5, 65] },
    { values: [7, 7], options: { includeZero: false }, expected: [6.3, 7.7] },
    { values: [0, 0], options: {}, expected: [0, 1] },
    { values: [], options: {}, expected: [0, 1] },
    { values: [NaN, Infinity, 5], options: { pad: 0 }, expected: [0, 5] },
  ])('$values with $options → $expected', ({ values, options, expected }) => {
    const [lo, hi] = paddedExtent(values, options);
    expect(lo).toBeCloseTo(expected[0], 10);
    expect(hi).toBeCloseTo(expected[1], 10);
  });
});

describe('niceDomain', () => {
  it.each([
    { extent: [0, 97], expected: [0, 100] },
    { extent: [0, 61], expected: [0, 70] },
    { extent: [-22, 82], expected: [-40, 100] },
    { extent: [-1234, 98765], expected: [-20000, 100000] },
    { extent: [0.61, 0.93], expected: [0.6, 0.95] },
  ] as { extent: [number, number]; expected: [number, number] }[])(
    '$extent → $expected',
    ({ extent, expected }) => {
      expect(niceDomain(extent)).toEqual(expected);
    },
  );
});

describe('valueTicks', () => {
  it.each([
    { domain: [0, 100], count: 4, expected: [0, 20, 40, 60, 80, 100] },
    { domain: [0, 70], count: 4, expected: [0, 20, 40, 60] },
    // The nice domain may end between ticks: d3 picks the tick step for the count afresh.
    { domain: [-40, 100], count: 4, expected: [0, 50, 100] },
    { domain: [0, 1], count: 2, expected: [0, 0.5, 1] },
  ] as { domain: [number, number]; count: number; expected: number[] }[])(
    '$domain, about $count → $expected',
    ({ domain, count, expected }) => {
      expect(valueTicks(domain, count)).toEqual(expected);
    },
  );
});

describe('labelGutter', () => {
  it.each([
    { labels: ['0', '50k', '100k'], fontSize: 12, gap: 10, expected: Math.ceil(4 * 7.2) + 10 },
    { labels: [], fontSize: 12, gap: 10, expected: 10 },
    { labels: ['Referral rate'], fontSize: 10, gap: 0, expected: 78 },
  ])('$labels at $fontSize px → $expected px', ({ labels, fontSize, gap, expected }) => {
    expect(labelGutter(labels, fontSize, gap)).toBe(expected);
  });
});

describe('seriesColor', () => {
  it.each([
    { index: 0, color: undefined, expected: 'var(--chart-1, #2563eb)' },
    { index: 3, color: undefined, expected: 'var(--chart-4, #9333ea)' },
    { index: 5, color: undefined, expected: 'var(--chart-2, #16a34a)' },
    { index: 1, color: '#123456', expected: '#123456' },
  ])('series $index with color $color → $expected', ({ index, color, expected }) => {
    expect(seriesColor(index, color)).toBe(expected);
  });
});
