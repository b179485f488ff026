import { describe, expect, it } from 'vitest';
import { PRESET_IDS, presetPlan } from '../../src/model/presets';
import { projectPlan } from '../../src/model/projection';

describe('presets', () => {
  it('include the five business cases and the bench', () => {
    expect(PRESET_IDS).toEqual(
      expect.arrayContaining(['seed-example', 'cafe', 'subscription-shop', 'b2b-service', 'points-retailer', 'bench']),
    );
  });

  it.each(PRESET_IDS)('%s cites where its numbers come from and starts with a baseline', (id) => {
    const plan = presetPlan(id);
    expect(plan.notes.length).toBeGreaterThan(40);
    expect(plan.scenarios[0].programmes).toEqual([]);
    expect(plan.scenarios.length).toBeGreaterThanOrEqual(2);
  });

  it.each(PRESET_IDS)('%s projects to finite numbers', (id) => {
    const projection = projectPlan(presetPlan(id));
    for (const scenario of projection.scenarios) {
      expect(scenario.monthly).toHaveLength(60);
      for (const row of scenario.monthly) {
        for (const value of Object.values(row)) expect(Number.isFinite(value)).toBe(true);
        expect(row.satisfied).toBeGreaterThanOrEqual(0);
        expect(row.loyal).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('returns a copy that can be edited without touching the preset', () => {
    const plan = presetPlan('cafe');
    plan.params.loyalStart = 1;
    expect(presetPlan('cafe').params.loyalStart).toBe(150);
  });
});

describe('seed example reproduces seeds 003 and 000', () => {
  const { customerValue } = projectPlan(presetPlan('seed-example'));

  it('50 vs 75 a month, 600 vs 900 a year, 3,000 vs 4,500 over five years (1,500 apart)', () => {
    expect(customerValue.satisfied).toMatchObject({ monthlyRevenue: 50, annualRevenue: 600, fiveYearRevenue: 3000 });
    expect(customerValue.loyal).toMatchObject({ monthlyRevenue: 75, annualRevenue: 900, fiveYearRevenue: 4500 });
    expect(customerValue.loyal.fiveYearRevenue - customerValue.satisfied.fiveYearRevenue).toBe(1500);
  });

  it('5 recommendations a month, 1 in 5 becomes loyal: 12 a year, 10,800 of revenue', () => {
    expect(customerValue.referral.simple.newLoyalPerYear).toBeCloseTo(12, 12);
    expect(customerValue.referral.simple.extraRevenuePerYear).toBeCloseTo(10800, 9);
  });

  it('a loyal customer is worth more than a satisfied one, and word of mouth grows (R > 1)', () => {
    expect(customerValue.satisfied.clv).toBeGreaterThan(0);
    expect(customerValue.loyal.clv).toBeGreaterThan(customerValue.satisfied.clv);
    expect(customerValue.referral.reproductionNumber).toBeGreaterThan(1);
    expect(customerValue.referral.multiplier).toBeNull();
  });
});
