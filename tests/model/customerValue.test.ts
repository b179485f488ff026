import { describe, expect, it } from 'vitest';
import {
  fundamentalMatrix,
  lifetimeMonths,
  lifetimeValue,
  singleStateClv,
  transitionMatrix,
  type Chain,
} from '../../src/model/customerValue';
import { presetPlan } from '../../src/model/presets';
import { projectPlan } from '../../src/model/projection';
import { firstYearReferrals } from '../../src/model/referrals';
import { handInputs } from './handInputs';

const chain = (overrides: Partial<Chain>): Chain => ({
  satisfiedChurn: 0.1,
  loyalChurn: 0.05,
  conversion: 0,
  decay: 0,
  satisfiedMargin: 20,
  loyalMargin: 30,
  monthlyDiscountRate: 0.01,
  ...overrides,
});

describe('CLV from the Markov chain', () => {
  it.each([
    // margin, monthly churn, monthly discount rate: with no moves each state is the closed form m·r/(1+d−r)
    [20, 0.1, 0.01, (20 * 0.9) / 0.11], // 163.636
    [30, 0.05, 0.01, (30 * 0.95) / 0.06], // 475
    [50, 0.0735, 0, (50 * 0.9265) / 0.0735], // 630.27: undiscounted, margin × months still buying
  ])('equals the closed form for one state (m=%f, c=%f, d=%f)', (margin, churn, rate, expected) => {
    const [satisfied] = lifetimeValue(chain({ satisfiedChurn: churn, satisfiedMargin: margin, monthlyDiscountRate: rate }));
    expect(satisfied).toBeCloseTo(expected, 9);
    expect(singleStateClv(margin, 1 - churn, rate)).toBeCloseTo(expected, 9);
  });

  it('matches a two-state case solved by hand', () => {
    // P = [[0.8, 0.1], [0.02, 0.93]], k = 1 (no discounting), m = [20, 30].
    // CLV = (I − P)⁻¹ P m; I − P = [[0.2, −0.1], [−0.02, 0.07]], det = 0.014 − 0.002 = 0.012,
    // (I − P)⁻¹ = [[0.07, 0.1], [0.02, 0.2]] / 0.012; P m = [16 + 3, 0.4 + 27.9] = [19, 28.3];
    // CLV = [(1.33 + 2.83), (0.38 + 5.66)] / 0.012 = [346.667, 503.333].
    const c = chain({ conversion: 0.1, decay: 0.02, monthlyDiscountRate: 0 });
    expect(transitionMatrix(c)).toEqual([0.8, 0.1, expect.closeTo(0.02, 12), expect.closeTo(0.93, 12)]);
    const [satisfied, loyal] = lifetimeValue(c);
    expect(satisfied).toBeCloseTo(4.16 / 0.012, 9);
    expect(loyal).toBeCloseTo(6.04 / 0.012, 9);
  });

  it('counts the months a customer still buys: r/(1−r) for one state', () => {
    const [satisfied, loyal] = lifetimeMonths(chain({}));
    expect(satisfied).toBeCloseTo(9, 9);
    expect(loyal).toBeCloseTo(19, 9);
  });

  it('caps conversion at what churn leaves (one multinomial)', () => {
    const p = transitionMatrix(chain({ satisfiedChurn: 0.7, conversion: 0.5 }));
    expect(p[0]).toBeCloseTo(0, 12);
    expect(p[1]).toBeCloseTo(0.3, 12);
  });

  it('fundamental matrix of a 2×2 inverts I − kP', () => {
    const p = [0.5, 0.2, 0.1, 0.6] as const;
    const n = fundamentalMatrix(p, 1);
    // (I − P) = [[0.5, −0.2], [−0.1, 0.4]], det = 0.18
    expect(n[0]).toBeCloseTo(0.4 / 0.18, 12);
    expect(n[1]).toBeCloseTo(0.2 / 0.18, 12);
    expect(n[2]).toBeCloseTo(0.1 / 0.18, 12);
    expect(n[3]).toBeCloseTo(0.5 / 0.18, 12);
  });
});

describe('one loyal customer\'s first year of referrals', () => {
  it('matches a case counted by hand: no churn, one new loyal customer a month', () => {
    const inputs = {
      ...handInputs,
      satisfiedChurn: 0,
      loyalChurn: 0,
      conversion: 0,
      decay: 0,
      loyalRecommendations: 1,
      satisfiedRecommendations: 0,
      recommendationConversion: 1,
      referredLoyalShare: 1,
      loyalSpend: 10,
    };
    // Month m adds one customer, who buys from that month on: 1 + 2 + … + 12 = 78 customer-months.
    expect(firstYearReferrals(inputs, 1)).toEqual({ newCustomers: 12, newLoyal: 12, extraRevenue: 780 });
    // Half the market already won: half the wins.
    expect(firstYearReferrals(inputs, 0.5).newCustomers).toBeCloseTo(6, 12);
  });

  it('falls short of the seed arithmetic once churn and cooling down count', () => {
    const { referral } = projectPlan(presetPlan('seed-example')).customerValue;
    expect(referral.firstYear.newCustomers).toBeLessThan(referral.simple.newLoyalPerYear);
    expect(referral.firstYear.newCustomers).toBeGreaterThan(0.8 * referral.simple.newLoyalPerYear);
    expect(referral.firstYear.extraRevenue).toBeLessThan(referral.simple.extraRevenuePerYear / 2 + 1000);
  });
});
