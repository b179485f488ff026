import { describe, expect, it } from 'vitest';
import { stackSeries } from '../../src/charts/stack';

describe('stackSeries', () => {
  it.each([
    {
      name: 'positive series stack upwards in order',
      series: [
        { id: 'loyal', values: [10, 20] },
        { id: 'satisfied', values: [5, 5] },
        { id: 'at-risk', values: [1, 0] },
      ],
      expected: [
        { id: 'loyal', lower: [0, 0], upper: [10, 20] },
        { id: 'satisfied', lower: [10, 20], upper: [15, 25] },
        { id: 'at-risk', lower: [15, 25], upper: [16, 25] },
      ],
    },
    {
      name: 'negative values stack downwards from 0',
      series: [
        { id: 'a', values: [10, -4] },
        { id: 'b', values: [-3, -2] },
        { id: 'c', values: [2, 6] },
      ],
      expected: [
        { id: 'a', lower: [0, 0], upper: [10, -4] },
        { id: 'b', lower: [0, -4], upper: [-3, -6] },
        { id: 'c', lower: [10, 0], upper: [12, 6] },
      ],
    },
    {
      name: 'a short or non-finite series counts as 0',
      series: [
        { id: 'a', values: [1, 2, 3] },
        { id: 'b', values: [NaN, 4] },
      ],
      expected: [
        { id: 'a', lower: [0, 0, 0], upper: [1, 2, 3] },
        { id: 'b', lower: [1, 2, 3], upper: [1, 6, 3] },
      ],
    },
    { name: 'no series', series: [], expected: [] },
  ])('$name', ({ series, expected }) => {
    expect(stackSeries(series)).toEqual(expected);
  });
});
