import type { Plan } from '../schema';

/**
 * The performance workload of the Monte Carlo engine, exactly the one of the C yardstick
 * (shared/bench/cref.c: draw_params and run_scenario): 12 uncertain inputs, two scenarios,
 * 60 months. Betas by mean and concentration, lognormals by median and 90% factor.
 */
export const bench: Plan = {
  schemaVersion: 1,
  name: 'Bench',
  currency: 'EUR',
  horizonMonths: 60,
  churnEntry: 'monthlyChurn',
  spendEntry: 'monthlyAmount',
  params: {
    satisfiedStart: 10000,
    loyalStart: 2000,
    marketSize: 200000,
    satisfiedChurn: { dist: 'beta', mean: 0.07, concentration: 300 },
    loyalChurn: { dist: 'beta', mean: 0.02, concentration: 400 },
    controllableShare: { dist: 'beta', mean: 0.6, concentration: 40 },
    conversion: { dist: 'beta', mean: 0.02, concentration: 400 },
    decay: { dist: 'beta', mean: 0.01, concentration: 500 },
    satisfiedPurchases: 1,
    satisfiedTicket: { dist: 'lognormal', median: 50, factor90: 1.2 },
    loyalPurchases: 1,
    loyalTicket: { dist: 'lognormal', median: 75, factor90: 1.2 },
    grossMargin: 0.4,
    costToServe: 2,
    loyalRecommendations: { dist: 'lognormal', median: 0.5, factor90: 1.5 },
    satisfiedRecommendations: { dist: 'lognormal', median: 0.1, factor90: 1.5 },
    recommendationConversion: { dist: 'beta', mean: 0.05, concentration: 200 },
    referredLoyalShare: { dist: 'beta', mean: 0.3, concentration: 50 },
    paidAcquisitions: { dist: 'lognormal', median: 300, factor90: 1.3 },
    acquisitionCost: 40,
    annualDiscountRate: 0.1,
  },
  programmes: [
    {
      id: 'programme',
      name: 'Programme',
      template: 'custom',
      enrolment: { target: 'share', share: 1 },
      startMonth: 1,
      rampMonths: 0,
      redemptionDelayMonths: 0,
      costs: { setup: 50000, fixedMonthly: 2000, perMemberMonthly: 0.5, rewardRate: 0.05, redemptionRate: 0.6 },
      effects: { controllableChurn: -0.2, conversion: 0.3, satisfiedSpend: 0, loyalSpend: 0.05, referrals: 0 },
    },
  ],
  scenarios: [
    { id: 'baseline', name: 'Baseline', programmes: [], overrides: {} },
    { id: 'programme', name: 'Programme', programmes: ['programme'], overrides: {} },
  ],
  monteCarlo: { trials: 10000, seed: 42 },
  notes:
    'The Monte Carlo bench workload of shared/bench/cref.c. Not a business case: a fixed yardstick ' +
    'to time the engine against C.',
};
