import { createProgramme } from '../programmes';
import type { Plan } from '../schema';

/**
 * Seed 003's worked example, with seed 000's satisfaction trap, as a plan.
 * Fixed where a seed gives the number; 90% ranges where it is our assumption.
 */
export const seedExample: Plan = {
  schemaVersion: 1,
  name: 'Seed example',
  currency: 'USD',
  horizonMonths: 60,
  churnEntry: 'annualRetention',
  spendEntry: 'monthlyAmount',
  params: {
    satisfiedStart: 800,
    loyalStart: 200,
    marketSize: 50000,
    // Seed 000: customers at 80% satisfaction repeat only 40% of the time.
    satisfiedChurn: 0.4,
    loyalChurn: { dist: 'range90', low: 0.75, high: 0.92 },
    controllableShare: 0.6,
    conversion: { dist: 'range90', low: 0.01, high: 0.03 },
    decay: { dist: 'range90', low: 0.005, high: 0.02 },
    satisfiedPurchases: 1,
    // Seed 003: a satisfied customer spends 50 a month, a loyal one 75.
    satisfiedTicket: 50,
    loyalPurchases: 1,
    loyalTicket: 75,
    grossMargin: 0.4,
    costToServe: 2,
    // Seed 003: a loyal customer tells five people a month and one of them becomes loyal.
    loyalRecommendations: 5,
    satisfiedRecommendations: 0,
    recommendationConversion: 0.2,
    referredLoyalShare: 1,
    paidAcquisitions: 0,
    acquisitionCost: 0,
    annualDiscountRate: 0.08,
  },
  programmes: [
    {
      ...createProgramme('card', 'loyalty-card', 'Loyalty card'),
      effects: {
        controllableChurn: { dist: 'range90', low: -0.2, high: -0.05 },
        conversion: { dist: 'range90', low: 0.05, high: 0.3 },
        satisfiedSpend: 0.04,
        loyalSpend: 0.04,
        referrals: 0,
      },
    },
    {
      ...createProgramme('events', 'members-club', 'Members club'),
      costs: { setup: 2000, fixedMonthly: 1500, perMemberMonthly: 0.5, rewardRate: 0, redemptionRate: 1 },
    },
  ],
  scenarios: [
    { id: 'baseline', name: 'No programme', programmes: [], overrides: {} },
    { id: 'card', name: 'Loyalty card', programmes: ['loyalty-card'], overrides: {} },
    { id: 'club', name: 'Members club', programmes: ['members-club'], overrides: {} },
  ],
  monteCarlo: { trials: 2000, seed: 1 },
  notes:
    'Seed 003 (fidélisation de la clientèle, 2012): satisfied 50 vs loyal 75 a month, 600 vs 900 a year, ' +
    '1,500 apart over five years; a loyal customer tells 5 people a month and 1 becomes loyal, ' +
    '12 new loyal customers and 10,800 of revenue a year. Seed 000 (Las 3 claves, 2011): 80% satisfied ' +
    'customers repeat only 40% of the time (annual retention 40% for the satisfied segment). ' +
    'Assumed, not from the seeds: loyal retention 75–92% a year, conversion and decay rates, ' +
    '40% gross margin, 2 a month to serve a customer, a market of 50,000 people, programme costs and effects.',
};
