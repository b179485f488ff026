import { describe, expect, it } from 'vitest';
import { bandPath, linePath } from '../../src/charts/paths';

// Month m at x = 10·m; value v at y = 100 − v, like a chart 100 px tall.
const x = (month: number) => month * 10;
const y = (value: number) => 100 - value;

describe('linePath', () => {
  it.each([
    { values: [1, 2, 3], expected: 'M10,99L20,98L30,97' },
    { values: [0.123, 50], expected: 'M10,99.9L20,50' },
    { values: [1, NaN, 3, 4], expected: 'M10,99ZM30,97L40,96' },
    { values: [], expected: '' },
    { values: [NaN], expected: '' },
  ])('$values → $expected', ({ values, expected }) => {
    expect(linePath(values, x, y)).toBe(expected);
  });
});

describe('bandPath', () => {
  it.each([
    { lower: [0, 1], upper: [2, 3], expected: 'M10,98L20,97L20,99L10,100Z' },
    { lower: [0, 1, 2], upper: [2, 3], expected: 'M10,98L20,97L20,99L10,100Z' },
    {
      lower: [0, NaN, 0, 0],
      upper: [1, 1, 1, 2],
      expected: 'M10,99L10,100ZM30,99L40,98L40,100L30,100Z',
    },
    { lower: [], upper: [], expected: '' },
  ])('$lower to $upper → $expected', ({ lower, upper, expected }) => {
    expect(bandPath(lower, upper, x, y)).toBe(expected);
  });
});
