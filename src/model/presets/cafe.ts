import { createProgramme } from '../programmes';
import type { Plan } from '../schema';

/** A neighbourhood café with a stamp card: many small tickets, high margin, a local market. */
export const cafe: Plan = {
  schemaVersion: 1,
  name: 'Neighbourhood café',
  currency: 'EUR',
  horizonMonths: 60,
  churnEntry: 'annualRetention',
  spendEntry: 'purchasesAndTicket',
  params: {
    satisfiedStart: 450,
    loyalStart: 150,
    marketSize: 8000,
    satisfiedChurn: 0.4,
    loyalChurn: { dist: 'range90', low: 0.7, high: 0.88 },
    controllableShare: 0.5,
    conversion: { dist: 'range90', low: 0.015, high: 0.04 },
    decay: 0.01,
    satisfiedPurchases: { dist: 'range90', low: 3, high: 6 },
    satisfiedTicket: 4.5,
    loyalPurchases: { dist: 'range90', low: 9, high: 16 },
    loyalTicket: 5.2,
    grossMargin: 0.65,
    costToServe: 1,
    loyalRecommendations: 0.3,
    satisfiedRecommendations: 0.05,
    recommendationConversion: { dist: 'range90', low: 0.08, high: 0.2 },
    referredLoyalShare: 0.3,
    paidAcquisitions: 10,
    acquisitionCost: 8,
    annualDiscountRate: 0.08,
  },
  programmes: [
    {
      ...createProgramme('card', 'stamp-card', 'Stamp card (10th coffee free)'),
      costs: { setup: 300, fixedMonthly: 20, perMemberMonthly: 0.05, rewardRate: 0.1, redemptionRate: 0.5 },
      effects: {
        controllableChurn: { dist: 'range90', low: -0.25, high: -0.05 },
        conversion: { dist: 'range90', low: 0.1, high: 0.4 },
        satisfiedSpend: 0.08,
        loyalSpend: 0.05,
        referrals: 0,
      },
    },
  ],
  scenarios: [
    { id: 'baseline', name: 'No programme', programmes: [], overrides: {} },
    { id: 'stamp-card', name: 'Stamp card', programmes: ['stamp-card'], overrides: {} },
  ],
  monteCarlo: { trials: 2000, seed: 1 },
  notes:
    'Satisfied retention of 40% a year from seed 000; the stamp card is one of the loyalty cards seed 000 ' +
    'lists. Visits, tickets, margin and market are illustrative assumptions for a café of about 600 regulars.',
};
