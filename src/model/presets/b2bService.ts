import { createProgramme } from '../programmes';
import type { Plan } from '../schema';

/** A B2B service firm: few clients, large tickets, a client academy for the most valuable ones. */
export const b2bService: Plan = {
  schemaVersion: 1,
  name: 'B2B service firm',
  currency: 'EUR',
  horizonMonths: 60,
  churnEntry: 'annualRetention',
  spendEntry: 'monthlyAmount',
  params: {
    satisfiedStart: 90,
    loyalStart: 30,
    marketSize: 2000,
    satisfiedChurn: { dist: 'range90', low: 0.65, high: 0.85 },
    loyalChurn: { dist: 'range90', low: 0.88, high: 0.96 },
    controllableShare: 0.7,
    conversion: 0.02,
    decay: 0.01,
    satisfiedPurchases: 1,
    satisfiedTicket: 2500,
    loyalPurchases: 1,
    loyalTicket: 3800,
    grossMargin: 0.35,
    costToServe: 150,
    loyalRecommendations: 0.05,
    satisfiedRecommendations: 0.01,
    recommendationConversion: 0.25,
    referredLoyalShare: 0.4,
    paidAcquisitions: 2,
    acquisitionCost: 3000,
    annualDiscountRate: 0.1,
  },
  programmes: [
    {
      ...createProgramme('training', 'academy', 'Client academy'),
      enrolment: { target: 'topClv', share: 0.3 },
      costs: { setup: 15000, fixedMonthly: 2000, perMemberMonthly: 20, rewardRate: 0, redemptionRate: 1 },
      effects: {
        controllableChurn: { dist: 'range90', low: -0.4, high: -0.1 },
        conversion: { dist: 'range90', low: 0.1, high: 0.6 },
        satisfiedSpend: 0,
        loyalSpend: 0.03,
        referrals: 0.3,
      },
    },
  ],
  scenarios: [
    { id: 'baseline', name: 'No programme', programmes: [], overrides: {} },
    { id: 'academy', name: 'Client academy (top 30%)', programmes: ['academy'], overrides: {} },
  ],
  monteCarlo: { trials: 2000, seed: 1 },
  notes:
    'Training as a loyalty lever and targeting the most valuable 30% of clients come from seed 000 ' +
    '(30% of customers bring 70% of sales and 80% of profit; loyalise the highest lifetime value group). ' +
    'Controllable vs uncontrollable churn from seed 004. Fees, margins and churn are illustrative assumptions.',
};
