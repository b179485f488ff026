/**
 * From a plan to plain numbers: one `ScenarioInputs` per scenario, with every uncertain input
 * replaced by a number. The deterministic projection asks for expected values; a Monte Carlo
 * trial asks for its own draws. Both go through `scenarioInputs`, so the two can never read
 * a plan differently.
 */
import { monthlyChurnFromAnnualRetention, monthlyDiscountRate } from './churn';
import { expectedValue } from './distributions';
import {
  COST_KEYS,
  COST_PARAMETERS,
  EFFECT_KEYS,
  EFFECT_PARAMETERS,
  ENROLMENT_PARAMETER,
  PLAN_PARAMETERS,
  PLAN_PARAM_KEYS,
  type CostKey,
  type EffectKey,
  type ParameterSpec,
  type PlanParamKey,
} from './parameters';
import type { Plan, Programme, Scenario } from './schema';
import type { Uncertain } from './uncertain';

export interface ProgrammeInputs {
  id: string;
  startMonth: number;
  rampMonths: number;
  redemptionDelayMonths: number;
  target: 'share' | 'topClv';
  enrolmentShare: number;
  costs: Record<CostKey, number>;
  effects: Record<EffectKey, number>;
}

export interface ScenarioInputs {
  horizonMonths: number;
  satisfiedStart: number;
  loyalStart: number;
  marketSize: number;
  /** Monthly probabilities, whatever unit the plan was entered in. */
  satisfiedChurn: number;
  loyalChurn: number;
  controllableShare: number;
  conversion: number;
  decay: number;
  /** Spend a month per customer. */
  satisfiedSpend: number;
  loyalSpend: number;
  grossMargin: number;
  costToServe: number;
  loyalRecommendations: number;
  satisfiedRecommendations: number;
  recommendationConversion: number;
  referredLoyalShare: number;
  paidAcquisitions: number;
  acquisitionCost: number;
  monthlyDiscountRate: number;
  programmes: ProgrammeInputs[];
}

/** One numeric input of a plan: where it is, what it holds, what it measures. */
export interface InputRef {
  path: string;
  value: Uncertain;
  spec: ParameterSpec;
}

/** Gives the number to use for an input (its expected value, or a trial's draw). */
export type ValueOf = (ref: InputRef) => number;

export const expectedValueOf: ValueOf = ({ value, spec }) =>
  expectedValue(value, spec.kind, { min: spec.min, max: spec.max });

const paramPath = (key: PlanParamKey) => `params.${key}`;
const overridePath = (scenario: Scenario, key: PlanParamKey) =>
  `scenarios.${scenario.id}.overrides.${key}`;

function programmeRefs(programme: Programme): InputRef[] {
  const base = `programmes.${programme.id}`;
  return [
    { path: `${base}.enrolment.share`, value: programme.enrolment.share, spec: ENROLMENT_PARAMETER },
    ...COST_KEYS.map((key) => ({
      path: `${base}.costs.${key}`,
      value: programme.costs[key],
      spec: COST_PARAMETERS[key],
    })),
    ...EFFECT_KEYS.map((key) => ({
      path: `${base}.effects.${key}`,
      value: programme.effects[key],
      spec: EFFECT_PARAMETERS[key],
    })),
  ];
}

/**
 * Every numeric input of the plan in a fixed order: plan parameters, then each programme,
 * then each scenario's overrides. The order defines which random numbers a trial gives to
 * which input, so it must not depend on anything but the plan.
 */
export function enumerateInputs(plan: Plan): InputRef[] {
  const refs: InputRef[] = PLAN_PARAM_KEYS.map((key) => ({
    path: paramPath(key),
    value: plan.params[key],
    spec: PLAN_PARAMETERS[key],
  }));
  for (const programme of plan.programmes) refs.push(...programmeRefs(programme));
  for (const scenario of plan.scenarios) {
    for (const key of PLAN_PARAM_KEYS) {
      const value = scenario.overrides[key];
      if (value !== undefined) {
        refs.push({ path: overridePath(scenario, key), value, spec: PLAN_PARAMETERS[key] });
      }
    }
  }
  return refs;
}

function programmeInputs(programme: Programme, valueOf: ValueOf): ProgrammeInputs {
  const values = new Map(programmeRefs(programme).map((ref) => [ref.path, valueOf(ref)]));
  const base = `programmes.${programme.id}`;
  const pick = <K extends string>(keys: readonly K[], group: string) =>
    Object.fromEntries(keys.map((key) => [key, values.get(`${base}.${group}.${key}`)!])) as Record<
      K,
      number
    >;
  return {
    id: programme.id,
    startMonth: programme.startMonth,
    rampMonths: programme.rampMonths,
    redemptionDelayMonths: programme.redemptionDelayMonths,
    target: programme.enrolment.target,
    enrolmentShare: values.get(`${base}.enrolment.share`)!,
    costs: pick(COST_KEYS, 'costs'),
    effects: pick(EFFECT_KEYS, 'effects'),
  };
}

/** The numbers one scenario runs on. */
export function scenarioInputs(plan: Plan, scenario: Scenario, valueOf: ValueOf): ScenarioInputs {
  const param = (key: PlanParamKey): number => {
    const override = scenario.overrides[key];
    return override === undefined
      ? valueOf({ path: paramPath(key), value: plan.params[key], spec: PLAN_PARAMETERS[key] })
      : valueOf({ path: overridePath(scenario, key), value: override, spec: PLAN_PARAMETERS[key] });
  };
  const churn = (key: 'satisfiedChurn' | 'loyalChurn') =>
    plan.churnEntry === 'annualRetention' ? monthlyChurnFromAnnualRetention(param(key)) : param(key);
  const spend = (purchases: PlanParamKey, ticket: PlanParamKey) =>
    (plan.spendEntry === 'purchasesAndTicket' ? param(purchases) : 1) * param(ticket);
  const byId = new Map(plan.programmes.map((programme) => [programme.id, programme]));

  return {
    horizonMonths: plan.horizonMonths,
    satisfiedStart: param('satisfiedStart'),
    loyalStart: param('loyalStart'),
    marketSize: param('marketSize'),
    satisfiedChurn: churn('satisfiedChurn'),
    loyalChurn: churn('loyalChurn'),
    controllableShare: param('controllableShare'),
    conversion: param('conversion'),
    decay: param('decay'),
    satisfiedSpend: spend('satisfiedPurchases', 'satisfiedTicket'),
    loyalSpend: spend('loyalPurchases', 'loyalTicket'),
    grossMargin: param('grossMargin'),
    costToServe: param('costToServe'),
    loyalRecommendations: param('loyalRecommendations'),
    satisfiedRecommendations: param('satisfiedRecommendations'),
    recommendationConversion: param('recommendationConversion'),
    referredLoyalShare: param('referredLoyalShare'),
    paidAcquisitions: param('paidAcquisitions'),
    acquisitionCost: param('acquisitionCost'),
    monthlyDiscountRate: monthlyDiscountRate(param('annualDiscountRate')),
    programmes: scenario.programmes.flatMap((id) => {
      const programme = byId.get(id);
      return programme ? [programmeInputs(programme, valueOf)] : [];
    }),
  };
}
