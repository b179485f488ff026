import { describe, expect, it } from 'vitest';
import type { ProgrammeInputs } from '../../src/model/inputs';
import { projectScenario } from '../../src/model/projection';
import { handInputs } from './handInputs';

const handProgramme: ProgrammeInputs = {
  id: 'p',
  startMonth: 1,
  rampMonths: 0,
  redemptionDelayMonths: 0,
  target: 'share',
  enrolmentShare: 0.5,
  costs: { setup: 1000, fixedMonthly: 100, perMemberMonthly: 1, rewardRate: 0.05, redemptionRate: 0.5 },
  effects: { controllableChurn: -0.2, conversion: 0.4, satisfiedSpend: 0, loyalSpend: 0.1, referrals: 0 },
};

describe('one month of the projection, by hand', () => {
  it('without a programme', () => {
    const [m1] = projectScenario(handInputs);
    // churn 1000 × 0.1 = 100 and 200 × 0.05 = 10; moves 1000 × 0.05 = 50 up, 200 × 0.02 = 4 down
    expect(m1.churnedSatisfied).toBeCloseTo(100, 9);
    expect(m1.churnedLoyal).toBeCloseTo(10, 9);
    expect(m1.churnedControllable).toBeCloseTo(55, 9);
    expect(m1.upgraded).toBeCloseTo(50, 9);
    expect(m1.downgraded).toBeCloseTo(4, 9);
    // recommendations 200 × 1 + 1000 × 0.1 = 300; open market (10000 − 1200) / 10000 = 0.88;
    // referred 300 × 0.1 × 0.88 = 26.4, half of them loyal; paid 10
    expect(m1.recommendations).toBeCloseTo(300, 9);
    expect(m1.referred).toBeCloseTo(26.4, 9);
    expect(m1.referredLoyal).toBeCloseTo(13.2, 9);
    expect(m1.paid).toBe(10);
    // S = 1000 − 100 − 50 + 4 + 13.2 + 10 = 877.2; L = 200 − 10 − 4 + 50 + 13.2 = 249.2
    expect(m1.satisfied).toBeCloseTo(877.2, 9);
    expect(m1.loyal).toBeCloseTo(249.2, 9);
    expect(m1.prospects).toBeCloseTo(8763.6, 9);
    // revenue 877.2 × 50 + 249.2 × 80 = 63,796; profit 0.4 × 63,796 − 2 × 1,126.4 − 30 × 10 = 22,965.6
    expect(m1.revenue).toBeCloseTo(63796, 6);
    expect(m1.profit).toBeCloseTo(22965.6, 6);
    expect(m1.cumulativeProfit).toBeCloseTo(22965.6, 6);
  });

  it('with a programme enrolling half the customers', () => {
    const [m1] = projectScenario({ ...handInputs, programmes: [handProgramme] });
    // controllable churn × (1 − 0.5 × 0.2) = 0.9, so churn × (0.5 × 0.9 + 0.5) = × 0.95
    expect(m1.churnedSatisfied).toBeCloseTo(95, 9);
    expect(m1.churnedLoyal).toBeCloseTo(9.5, 9);
    // conversion × (1 + 0.5 × 0.4) = 0.06
    expect(m1.upgraded).toBeCloseTo(60, 9);
    // S = 1000 − 95 − 60 + 4 + 13.2 + 10 = 872.2; L = 200 − 9.5 − 4 + 60 + 13.2 = 259.7
    expect(m1.satisfied).toBeCloseTo(872.2, 9);
    expect(m1.loyal).toBeCloseTo(259.7, 9);
    // loyal spend 80 × (1 + 0.5 × 0.1) = 84: revenue 872.2 × 50 + 259.7 × 84 = 65,424.8
    expect(m1.revenue).toBeCloseTo(65424.8, 6);
    // members 0.5 × 1,131.9 = 565.95; a loyal member spends 80 × 1.1 = 88;
    // reward 0.05 × 0.5 × (0.5 × 872.2 × 50 + 0.5 × 259.7 × 88) = 830.795
    expect(m1.members).toBeCloseTo(565.95, 9);
    expect(m1.rewardCost).toBeCloseTo(830.795, 6);
    expect(m1.programmeCost).toBeCloseTo(1000 + 100 + 565.95 + 830.795, 6);
    // 0.4 × 65,424.8 − 2 × 1,131.9 − 300 − 2,496.745 = 21,109.375
    expect(m1.profit).toBeCloseTo(21109.375, 6);
  });

  it('keeps every customer accounted for and nobody won twice', () => {
    const rows = projectScenario({ ...handInputs, horizonMonths: 120, paidAcquisitions: 500 });
    for (const row of rows) {
      expect(row.satisfied + row.loyal + row.prospects + row.churnedToDate).toBeCloseTo(10000, 6);
      expect(row.prospects).toBeGreaterThanOrEqual(0);
    }
    expect(rows.at(-1)!.prospects).toBeCloseTo(0, 9);
  });

  it('lets a programme act only from its start month, ramping up linearly', () => {
    const later = { ...handProgramme, startMonth: 2, rampMonths: 2 };
    const [m1, m2, m3] = projectScenario({ ...handInputs, programmes: [later] });
    const [b1] = projectScenario(handInputs);
    expect(m1.satisfied).toBe(b1.satisfied);
    expect(m1.programmeCost).toBe(0);
    expect(m2.programmeCost - m3.programmeCost).toBeGreaterThan(900); // setup falls in the start month
    // month 2 is half-way up the ramp: controllable churn × (1 − 0.5 × 0.5 × 0.2) = 0.95, churn × 0.975
    expect(m2.churnedSatisfied).toBeCloseTo(m1.satisfied * 0.1 * 0.975, 9);
    expect(m3.churnedSatisfied).toBeCloseTo(m2.satisfied * 0.1 * 0.95, 9);
  });

  it('carries unredeemed rewards as a liability that runs down over the redemption delay', () => {
    const delayed = { ...handProgramme, redemptionDelayMonths: 2 };
    const [m1, m2] = projectScenario({ ...handInputs, programmes: [delayed] });
    expect(m1.rewardLiability).toBeCloseTo(m1.rewardCost, 9);
    expect(m2.rewardLiability).toBeCloseTo(m1.rewardCost / 2 + m2.rewardCost, 9);
  });
});
