import { createProgramme } from '../programmes';
import type { Plan } from '../schema';

/** A subscription e-commerce shop: monthly boxes, paid acquisition, churn is everything. */
export const subscriptionShop: Plan = {
  schemaVersion: 1,
  name: 'Subscription e-commerce shop',
  currency: 'EUR',
  horizonMonths: 60,
  churnEntry: 'monthlyChurn',
  spendEntry: 'monthlyAmount',
  params: {
    satisfiedStart: 4000,
    loyalStart: 1000,
    marketSize: 300000,
    satisfiedChurn: { dist: 'range90', low: 0.06, high: 0.1 },
    loyalChurn: { dist: 'range90', low: 0.02, high: 0.04 },
    controllableShare: 0.6,
    conversion: 0.02,
    decay: 0.01,
    satisfiedPurchases: 1,
    satisfiedTicket: 29.9,
    loyalPurchases: 1,
    loyalTicket: 34.9,
    grossMargin: 0.45,
    costToServe: 4,
    loyalRecommendations: 0.15,
    satisfiedRecommendations: 0.03,
    recommendationConversion: 0.1,
    referredLoyalShare: 0.25,
    paidAcquisitions: { dist: 'range90', low: 300, high: 500 },
    acquisitionCost: { dist: 'range90', low: 25, high: 45 },
    annualDiscountRate: 0.1,
  },
  programmes: [
    {
      ...createProgramme('points', 'points', 'Points on every box'),
      effects: {
        controllableChurn: { dist: 'range90', low: -0.3, high: -0.05 },
        conversion: 0.2,
        satisfiedSpend: 0.02,
        loyalSpend: 0.04,
        referrals: 0.3,
      },
    },
    {
      ...createProgramme('discounts', 'annual-discount', 'Member price on annual plans'),
      costs: { setup: 2000, fixedMonthly: 200, perMemberMonthly: 0, rewardRate: 0.1, redemptionRate: 1 },
      enrolment: { target: 'share', share: 0.25 },
      effects: { controllableChurn: -0.5, conversion: 0.1, satisfiedSpend: 0, loyalSpend: 0, referrals: 0 },
    },
  ],
  scenarios: [
    { id: 'baseline', name: 'No programme', programmes: [], overrides: {} },
    { id: 'points', name: 'Points', programmes: ['points'], overrides: {} },
    { id: 'annual', name: 'Annual plan discount', programmes: ['annual-discount'], overrides: {} },
  ],
  monteCarlo: { trials: 2000, seed: 1 },
  notes:
    'Points with redemption and breakage as in seed 001 (points per flight at Vueling, points for a gift ' +
    'catalogue at La Caixa); discounts as in seed 000. Prices, churn, acquisition cost and market are ' +
    'illustrative assumptions for a subscription box.',
};
