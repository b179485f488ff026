/**
 * Invariants of the projection for any valid inputs (fast-check, fixed seed so a failure
 * replays identically).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProgrammeInputs, ScenarioInputs } from '../../src/model/inputs';
import { projectScenario } from '../../src/model/projection';
import { customerValue } from '../../src/model/referrals';

const share = fc.double({ min: 0, max: 1, noNaN: true });
const rate = fc.double({ min: 0, max: 0.5, noNaN: true });
const amount = (max: number) => fc.double({ min: 0, max, noNaN: true });
const effect = fc.double({ min: -1, max: 2, noNaN: true });

const programmeArb: fc.Arbitrary<ProgrammeInputs> = fc.record({
  id: fc.constant('p'),
  startMonth: fc.integer({ min: 1, max: 24 }),
  rampMonths: fc.integer({ min: 0, max: 12 }),
  redemptionDelayMonths: fc.double({ min: 0, max: 12, noNaN: true }),
  target: fc.constantFrom('share' as const, 'topClv' as const),
  enrolmentShare: share,
  costs: fc.record({
    setup: amount(1e5),
    fixedMonthly: amount(1e4),
    perMemberMonthly: amount(5),
    rewardRate: share,
    redemptionRate: share,
  }),
  effects: fc.record({
    controllableChurn: effect,
    conversion: effect,
    satisfiedSpend: effect,
    loyalSpend: effect,
    referrals: effect,
  }),
});

const inputsArb: fc.Arbitrary<ScenarioInputs> = fc
  .record({
    horizonMonths: fc.integer({ min: 1, max: 120 }),
    satisfiedStart: fc.integer({ min: 0, max: 100000 }),
    loyalStart: fc.integer({ min: 0, max: 100000 }),
    extraMarket: fc.integer({ min: 0, max: 1000000 }),
    satisfiedChurn: rate,
    loyalChurn: rate,
    controllableShare: share,
    conversion: rate,
    decay: rate,
    satisfiedSpend: amount(1000),
    loyalSpend: amount(1000),
    grossMargin: share,
    costToServe: amount(100),
    loyalRecommendations: amount(10),
    satisfiedRecommendations: amount(10),
    recommendationConversion: share,
    referredLoyalShare: share,
    paidAcquisitions: amount(10000),
    acquisitionCost: amount(1000),
    monthlyDiscountRate: fc.double({ min: 0, max: 0.05, noNaN: true }),
    programmes: fc.array(programmeArb, { maxLength: 3 }),
  })
  .map(({ extraMarket, ...inputs }) => ({
    ...inputs,
    marketSize: inputs.satisfiedStart + inputs.loyalStart + extraMarket,
  }));

const RUNS = { numRuns: 200, seed: 20261124 };

describe('projection invariants', { timeout: 30_000 }, () => {
  it('gives finite outputs and never a negative stock', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        for (const row of projectScenario(inputs)) {
          for (const value of Object.values(row)) expect(Number.isFinite(value)).toBe(true);
          for (const stock of [row.satisfied, row.loyal, row.prospects, row.members]) {
            expect(stock).toBeGreaterThanOrEqual(-1e-9 * inputs.marketSize);
          }
        }
      }),
      RUNS,
    );
  });

  it('keeps every customer of the market accounted for, every month', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        for (const row of projectScenario(inputs)) {
          const total = row.satisfied + row.loyal + row.prospects + row.churnedToDate;
          expect(Math.abs(total - inputs.marketSize)).toBeLessThanOrEqual(1e-9 * Math.max(1, inputs.marketSize));
        }
      }),
      RUNS,
    );
  });

  it('a programme with no effect and no cost changes nothing', () => {
    const inert = programmeArb.map((p) => ({
      ...p,
      costs: { setup: 0, fixedMonthly: 0, perMemberMonthly: 0, rewardRate: 0, redemptionRate: p.costs.redemptionRate },
      effects: { controllableChurn: 0, conversion: 0, satisfiedSpend: 0, loyalSpend: 0, referrals: 0 },
    }));
    fc.assert(
      fc.property(inputsArb, inert, (inputs, programme) => {
        const base = projectScenario({ ...inputs, programmes: [] });
        const withProgramme = projectScenario({ ...inputs, programmes: [programme] });
        withProgramme.forEach((row, i) => {
          expect(row.profit).toBe(base[i].profit);
          expect(row.satisfied).toBe(base[i].satisfied);
          expect(row.loyal).toBe(base[i].loyal);
        });
      }),
      RUNS,
    );
  });

  it('customer values are finite and the reproduction number is never negative', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const value = customerValue(inputs);
        expect(value.referral.reproductionNumber).toBeGreaterThanOrEqual(0);
        for (const segment of [value.satisfied, value.loyal]) {
          expect(Number.isFinite(segment.clv) || segment.lifetimeMonths === Infinity).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
