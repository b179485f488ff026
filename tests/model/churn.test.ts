import { describe, expect, it } from 'vitest';
import {
  annualRetentionFromMonthlyChurn,
  monthlyChurnFromAnnualRetention,
  monthlyDiscountRate,
} from '../../src/model/churn';

describe('monthlyChurnFromAnnualRetention: c = 1 − r^(1/12)', () => {
  it.each([
    // [annual retention, monthly churn] computed by hand
    [1, 0],
    [0, 1],
    [0.4, 0.07351513], // seed 000: 40% repeat; 0.4^(1/12) = 0.92648487
    [0.5, 0.05612568], // 0.5^(1/12) = 0.94387431
    [0.9, 0.00874161], // 0.9^(1/12) = 0.99125839
  ])('retention %f → churn %f', (retention, churn) => {
    expect(monthlyChurnFromAnnualRetention(retention)).toBeCloseTo(churn, 7);
  });

  it.each([0, 0.01, 0.0735, 0.2, 0.5, 1])('round trips through the annual rate (churn %f)', (churn) => {
    expect(monthlyChurnFromAnnualRetention(annualRetentionFromMonthlyChurn(churn))).toBeCloseTo(churn, 12);
  });
});

describe('monthlyDiscountRate: (1 + a)^(1/12) − 1', () => {
  it.each([
    [0, 0],
    [0.1, 0.00797414], // 1.1^(1/12) = 1.00797414
    [0.08, 0.00643403],
  ])('annual %f → monthly %f', (annual, monthly) => {
    expect(monthlyDiscountRate(annual)).toBeCloseTo(monthly, 8);
  });

  it('twelve months of the monthly rate make the annual rate', () => {
    expect((1 + monthlyDiscountRate(0.1)) ** 12).toBeCloseTo(1.1, 12);
  });
});
