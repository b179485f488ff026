import { describe, expect, it } from 'vitest';
import { sortBySwing, swing, tornadoDomain } from '../../src/charts/tornado';

const row = (id: string, low: number, high: number) => ({ id, label: id, low, high });

describe('swing', () => {
  it.each([
    { low: 80, high: 120, expected: 40 },
    { low: 120, high: 80, expected: 40 },
    { low: -10, high: 5, expected: 15 },
    { low: 7, high: 7, expected: 0 },
  ])('$low → $high swings $expected', ({ low, high, expected }) => {
    expect(swing({ low, high })).toBe(expected);
  });
});

describe('sortBySwing', () => {
  it.each([
    {
      name: 'largest swing first, whatever the direction',
      rows: [row('churn', 90, 110), row('price', 140, 60), row('referrals', 95, 100)],
      expected: ['price', 'churn', 'referrals'],
    },
    {
      name: 'ties keep the given order',
      rows: [row('a', 0, 10), row('b', 10, 0), row('c', 0, 20), row('d', 5, 15)],
      expected: ['c', 'a', 'b', 'd'],
    },
    { name: 'empty', rows: [], expected: [] },
  ])('$name', ({ rows, expected }) => {
    const input = [...rows];
    expect(sortBySwing(rows).map((r) => r.id)).toEqual(expected);
    expect(rows).toEqual(input);
  });
});

describe('tornadoDomain', () => {
  it.each([
    { rows: [row('a', 80, 120)], base: 100, pad: 0, expected: [80, 120] },
    { rows: [row('a', 80, 120)], base: 100, pad: 0.05, expected: [78, 122] },
    { rows: [row('a', 110, 120)], base: 100, pad: 0, expected: [100, 120] },
    { rows: [row('a', -50, 10), row('b', 0, 30)], base: 5, pad: 0.1, expected: [-58, 38] },
    { rows: [], base: 100, pad: 0.05, expected: [90, 110] },
    { rows: [], base: 0, pad: 0.05, expected: [-1, 1] },
  ])('base $base with $rows → $expected', ({ rows, base, pad, expected }) => {
    const [lo, hi] = tornadoDomain(rows, base, pad);
    expect(lo).toBeCloseTo(expected[0], 10);
    expect(hi).toBeCloseTo(expected[1], 10);
  });
});
