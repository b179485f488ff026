/**
 * The numeric inputs of a plan, in one table: what each measures (kind), which values it
 * allows (domain), and how it is shown (unit). The schema, the projection, the Monte Carlo
 * sampler, scenario overrides and the sensitivity analysis all read this table, so a new
 * input is added here once.
 */
import type { ParamKind } from './uncertain';

/** How a value is displayed; the UI formats it, the model only names it. */
export type Unit =
  | 'customers' // a count of people
  | 'money' // an amount in the plan's currency
  | 'moneyPerMonth'
  | 'share' // a fraction shown as a percentage
  | 'monthlyRate' // a probability per month, shown as a percentage
  | 'perMonth' // a rate per customer per month (recommendations, purchases)
  | 'customersPerMonth'
  | 'relativeChange' // -0.2 shown as "−20%"
  | 'months';

export interface ParameterSpec {
  kind: ParamKind;
  min: number;
  max: number;
  unit: Unit;
  /** Drawn values are rounded to whole numbers (starting customers). */
  integer?: boolean;
}

const count = (unit: Unit = 'customers'): ParameterSpec => ({
  kind: 'positive',
  min: 0,
  max: 1e9,
  unit,
  integer: unit === 'customers',
});
const probability = (unit: Unit = 'monthlyRate'): ParameterSpec => ({
  kind: 'probability',
  min: 0,
  max: 1,
  unit,
});
const amount = (unit: Unit = 'money'): ParameterSpec => ({ kind: 'positive', min: 0, max: 1e9, unit });

/**
 * Plan-level parameters. Churn values are read through the plan's `churnEntry` (monthly churn or
 * annual retention) and spend through `spendEntry` (a monthly amount, or purchases × ticket).
 */
export const PLAN_PARAMETERS = {
  satisfiedStart: count(),
  loyalStart: count(),
  /** Everyone who could ever be a customer, today's customers included. */
  marketSize: count(),
  satisfiedChurn: probability(),
  loyalChurn: probability(),
  /** Share of churn a business can act on (service, price, a competitor's offer), seed 004. */
  controllableShare: probability('share'),
  /** Monthly probability that a satisfied customer becomes loyal. */
  conversion: probability(),
  /** Monthly probability that a loyal customer falls back to merely satisfied. */
  decay: probability(),
  satisfiedPurchases: amount('perMonth'),
  satisfiedTicket: amount(),
  loyalPurchases: amount('perMonth'),
  loyalTicket: amount(),
  grossMargin: probability('share'),
  costToServe: amount('moneyPerMonth'),
  loyalRecommendations: amount('perMonth'),
  satisfiedRecommendations: amount('perMonth'),
  /** Probability that one recommendation wins a customer (while the whole market is still open). */
  recommendationConversion: probability('share'),
  referredLoyalShare: probability('share'),
  paidAcquisitions: count('customersPerMonth'),
  acquisitionCost: amount(),
  annualDiscountRate: probability('share'),
} as const satisfies Record<string, ParameterSpec>;

export type PlanParamKey = keyof typeof PLAN_PARAMETERS;
export const PLAN_PARAM_KEYS = Object.keys(PLAN_PARAMETERS) as PlanParamKey[];

/** Effects of a programme, relative changes for its members: -0.2 = 20% less. */
const effect = (max: number): ParameterSpec => ({ kind: 'real', min: -1, max, unit: 'relativeChange' });
export const EFFECT_PARAMETERS = {
  /** Trust (seed 000's first key): acts on the controllable part of churn only. */
  controllableChurn: effect(1),
  /** Relationship (second key): satisfied customers become loyal more often. */
  conversion: effect(10),
  /** Reward (third key): members spend more; it is paid for by the reward cost. */
  satisfiedSpend: effect(5),
  loyalSpend: effect(5),
  /** Members recommend more often. */
  referrals: effect(10),
} as const satisfies Record<string, ParameterSpec>;
export type EffectKey = keyof typeof EFFECT_PARAMETERS;
export const EFFECT_KEYS = Object.keys(EFFECT_PARAMETERS) as EffectKey[];

export const COST_PARAMETERS = {
  setup: amount(),
  fixedMonthly: amount('moneyPerMonth'),
  perMemberMonthly: amount('moneyPerMonth'),
  /** Reward given back as a share of member spend (points value, discount, coupon face value). */
  rewardRate: probability('share'),
  /** Share of rewards actually used; 1 − redemption is breakage. */
  redemptionRate: probability('share'),
} as const satisfies Record<string, ParameterSpec>;
export type CostKey = keyof typeof COST_PARAMETERS;
export const COST_KEYS = Object.keys(COST_PARAMETERS) as CostKey[];

/** Share of customers enrolled (or the top share by customer value). */
export const ENROLMENT_PARAMETER: ParameterSpec = probability('share');
