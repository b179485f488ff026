import { describe, expect, it } from 'vitest';
import {
  discountFactor,
  firstMonthStayingNonNegative,
  npv,
  roi,
  summarize,
  type MonthMoney,
} from '../../src/model/economics';

describe('npv', () => {
  it.each([
    // amounts, monthly rate, hand-computed NPV
    [[100, 100], 0, 200],
    [[100, 100], 0.01, 100 / 1.01 + 100 / 1.0201], // 99.00990 + 98.02960 = 197.03950
    [[-1000, 600, 600], 0.02, -1000 / 1.02 + 600 / 1.0404 + 600 / 1.061208], // −980.392 + 576.701 + 565.393
    [[], 0.05, 0],
  ])('npv(%j, %f) = %f', (amounts, rate, expected) => {
    expect(npv(amounts, rate)).toBeCloseTo(expected, 9);
  });

  it('discounts month 12 at the annual rate', () => {
    expect(discountFactor(1.1 ** (1 / 12) - 1, 12)).toBeCloseTo(1 / 1.1, 12);
  });
});

describe('firstMonthStayingNonNegative (payback, break-even)', () => {
  it.each([
    [[-5, -1, 2, 3], 3],
    [[1, 2, 3], 1],
    [[0, 0], 1],
    [[-1, -2], null],
    [[-1, 2, -1, 3], 4], // dips below zero again in month 3: paid back for good in month 4
    [[2, -1], null],
    [[], null],
  ])('%j → %s', (cumulative, month) => {
    expect(firstMonthStayingNonNegative(cumulative)).toBe(month);
  });
});

describe('roi', () => {
  it.each([
    [50, 100, 0.5],
    [-20, 100, -0.2],
    [50, 0, null],
    [50, -10, null],
  ])('roi(%f, %f) = %s', (incremental, cost, expected) => {
    expect(roi(incremental, cost)).toBe(expected);
  });
});

describe('summarize', () => {
  const month = (profit: number, cumulativeProfit: number, programmeCost: number, factor: number): MonthMoney => ({
    revenue: 1000,
    profit,
    programmeCost,
    acquisitionCost: 10,
    discountFactor: factor,
    cumulativeProfit,
  });
  // Two months at a 10% monthly discount rate: factors 1/1.1 and 1/1.21.
  const baseline = [month(100, 100, 0, 1 / 1.1), month(100, 200, 0, 1 / 1.21)];
  const programme = [month(-50, -50, 200, 1 / 1.1), month(400, 350, 50, 1 / 1.21)];

  it('gives the baseline no incremental figures', () => {
    const s = summarize(baseline, null);
    expect(s.npv).toBeCloseTo(100 / 1.1 + 100 / 1.21, 9);
    expect(s.breakEvenMonth).toBe(1);
    expect([s.paybackMonth, s.incrementalNpv, s.roi]).toEqual([null, null, null]);
  });

  it('computes the programme against the baseline by hand', () => {
    const s = summarize(programme, baseline);
    const incrementalNpv = -150 / 1.1 + 300 / 1.21; // −136.364 + 247.934 = 111.570
    const costPv = 200 / 1.1 + 50 / 1.21; // 181.818 + 41.322 = 223.140
    expect(s.incrementalNpv).toBeCloseTo(incrementalNpv, 9);
    expect(s.incrementalProfit).toBe(150);
    expect(s.programmeCost).toBe(250);
    expect(s.programmeCostPv).toBeCloseTo(costPv, 9);
    expect(s.roi).toBeCloseTo(incrementalNpv / costPv, 9);
    // cumulative extra profit: −150, then +150
    expect(s.paybackMonth).toBe(2);
    expect(s.breakEvenMonth).toBe(2);
  });
});
