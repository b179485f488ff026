import type { ScenarioInputs } from '../../src/model/inputs';

/** A small business whose first month projection.test.ts computes by hand. */
export const handInputs: ScenarioInputs = {
  horizonMonths: 3,
  satisfiedStart: 1000,
  loyalStart: 200,
  marketSize: 10000,
  satisfiedChurn: 0.1,
  loyalChurn: 0.05,
  controllableShare: 0.5,
  conversion: 0.05,
  decay: 0.02,
  satisfiedSpend: 50,
  loyalSpend: 80,
  grossMargin: 0.4,
  costToServe: 2,
  loyalRecommendations: 1,
  satisfiedRecommendations: 0.1,
  recommendationConversion: 0.1,
  referredLoyalShare: 0.5,
  paidAcquisitions: 10,
  acquisitionCost: 30,
  monthlyDiscountRate: 0,
  programmes: [],
};

