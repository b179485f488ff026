import { createProgramme } from '../programmes';
import type { Plan } from '../schema';

const pointsCard = {
  ...createProgramme('points', 'points-card', 'Points card'),
  enrolment: { target: 'share' as const, share: 0.7 },
  redemptionDelayMonths: 6,
  costs: {
    setup: 120000,
    fixedMonthly: 15000,
    perMemberMonthly: 0.15,
    rewardRate: 0.02,
    redemptionRate: { dist: 'range90' as const, low: 0.5, high: 0.75 },
  },
  effects: {
    controllableChurn: { dist: 'range90' as const, low: -0.25, high: -0.05 },
    conversion: { dist: 'range90' as const, low: 0.1, high: 0.4 },
    satisfiedSpend: 0.05,
    loyalSpend: 0.06,
    referrals: 0,
  },
};

/** A retailer with a points card: everyone, or only the most valuable 30% (seed 000). */
export const pointsRetailer: Plan = {
  schemaVersion: 1,
  name: 'Retailer with a points card',
  currency: 'EUR',
  horizonMonths: 60,
  churnEntry: 'monthlyChurn',
  spendEntry: 'purchasesAndTicket',
  params: {
    satisfiedStart: 40000,
    loyalStart: 10000,
    marketSize: 600000,
    satisfiedChurn: { dist: 'range90', low: 0.045, high: 0.075 },
    loyalChurn: { dist: 'range90', low: 0.01, high: 0.02 },
    controllableShare: 0.6,
    conversion: 0.015,
    decay: 0.01,
    satisfiedPurchases: 1.5,
    satisfiedTicket: 38,
    loyalPurchases: 3,
    loyalTicket: 45,
    grossMargin: 0.3,
    costToServe: 0.5,
    loyalRecommendations: 0.05,
    satisfiedRecommendations: 0.01,
    recommendationConversion: 0.08,
    referredLoyalShare: 0.2,
    paidAcquisitions: { dist: 'range90', low: 1000, high: 2000 },
    acquisitionCost: 12,
    annualDiscountRate: 0.09,
  },
  programmes: [
    pointsCard,
    {
      ...pointsCard,
      id: 'points-card-top',
      name: 'Points card, top 30% by value',
      enrolment: { target: 'topClv', share: 0.3 },
      costs: { ...pointsCard.costs, setup: 90000, fixedMonthly: 10000 },
    },
  ],
  scenarios: [
    { id: 'baseline', name: 'No programme', programmes: [], overrides: {} },
    { id: 'everyone', name: 'Points card for everyone', programmes: ['points-card'], overrides: {} },
    { id: 'top', name: 'Points card for the top 30%', programmes: ['points-card-top'], overrides: {} },
  ],
  monteCarlo: { trials: 2000, seed: 1 },
  notes:
    'Points with redemption and breakage from seed 001; targeting only the highest-value group from seed 000 ' +
    '(30% of customers bring 70% of sales and 80% of profit). Basket sizes, visit frequency, margin, ' +
    'programme costs and effects are illustrative assumptions for a mid-size retailer.',
};
