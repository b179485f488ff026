import { describe, expect, it } from 'vitest';
import { monthForKey, monthTicks, nearestMonth, yearEndMonths } from '../../src/charts/months';

describe('monthTicks', () => {
  it.each([
    { horizon: 1, expected: { unit: 'month', months: [1] } },
    { horizon: 6, expected: { unit: 'month', months: [1, 2, 3, 4, 5, 6] } },
    { horizon: 8, expected: { unit: 'month', months: [1, 2, 3, 4, 5, 6, 7, 8] } },
    { horizon: 9, expected: { unit: 'month', months: [1, 3, 6, 9] } },
    { horizon: 12, expected: { unit: 'month', months: [1, 3, 6, 9, 12] } },
    { horizon: 18, expected: { unit: 'month', months: [1, 3, 6, 9, 12, 15, 18] } },
    { horizon: 24, expected: { unit: 'month', months: [1, 6, 12, 18, 24] } },
    { horizon: 30, expected: { unit: 'year', months: [12, 24] } },
    { horizon: 60, expected: { unit: 'year', months: [12, 24, 36, 48, 60] } },
    { horizon: 120, expected: { unit: 'year', months: [24, 48, 72, 96, 120] } },
  ])('horizon $horizon → $expected.unit ticks $expected.months', ({ horizon, expected }) => {
    expect(monthTicks(horizon)).toEqual(expected);
  });

  it('keeps to maxTicks', () => {
    for (let horizon = 1; horizon <= 240; horizon++) {
      expect(monthTicks(horizon).months.length).toBeLessThanOrEqual(8);
    }
  });
});

describe('yearEndMonths', () => {
  it.each([
    { horizon: 60, expected: [12, 24, 36, 48, 60] },
    { horizon: 30, expected: [12, 24, 30] },
    { horizon: 6, expected: [6] },
    { horizon: 12, expected: [12] },
    { horizon: 0, expected: [] },
  ])('horizon $horizon → $expected', ({ horizon, expected }) => {
    expect(yearEndMonths(horizon)).toEqual(expected);
  });
});

describe('nearestMonth', () => {
  it.each([
    { position: 3.4, horizon: 60, expected: 3 },
    { position: 3.5, horizon: 60, expected: 4 },
    { position: -2, horizon: 60, expected: 1 },
    { position: 75, horizon: 60, expected: 60 },
    { position: NaN, horizon: 60, expected: 1 },
    { position: 5, horizon: 0, expected: 1 },
  ])('$position of $horizon → $expected', ({ position, horizon, expected }) => {
    expect(nearestMonth(position, horizon)).toBe(expected);
  });
});

describe('monthForKey', () => {
  it.each([
    { key: 'ArrowRight', current: null, expected: 1 },
    { key: 'ArrowRight', current: 5, expected: 6 },
    { key: 'ArrowRight', current: 60, expected: 60 },
    { key: 'ArrowLeft', current: null, expected: 60 },
    { key: 'ArrowLeft', current: 5, expected: 4 },
    { key: 'ArrowLeft', current: 1, expected: 1 },
    { key: 'PageUp', current: 5, expected: 17 },
    { key: 'PageUp', current: null, expected: 12 },
    { key: 'PageUp', current: 55, expected: 60 },
    { key: 'PageDown', current: 20, expected: 8 },
    { key: 'PageDown', current: 5, expected: 1 },
    { key: 'Home', current: 30, expected: 1 },
    { key: 'End', current: 30, expected: 60 },
    { key: 'Escape', current: 30, expected: null },
    { key: 'Tab', current: 30, expected: undefined },
    { key: 'a', current: null, expected: undefined },
  ])('$key from $current → $expected', ({ key, current, expected }) => {
    expect(monthForKey(key, current, 60)).toBe(expected);
  });
});
